/** Reference data as the domain sees it: plain values, no storage concerns. */
export type Segment = 'home' | 'business';

export interface ProductVersion {
  version: string;
  supportedUntil: string | null; // ISO date (inclusive), null = no end announced
}

export interface ProductRequirements {
  minRamMb?: number;
  minDiskMb?: number;
  platforms?: Record<string, string[]>; // os → supported OS versions ([] = any version)
}

export interface Product {
  code: string;
  name: string;
  segment: Segment;
  versions: ProductVersion[];
  requirements: ProductRequirements;
}

export type LicenceStatus = 'active' | 'expired' | 'revoked';

export interface Licence {
  key: string;
  productCode: string;
  customerId: string | null;
  companyId: string | null;
  status: LicenceStatus;
  validUntil: string | null; // ISO date (inclusive) or instant
  kind: 'commercial' | 'free' | 'trial';
  supportPlan: string | null;
}

export interface Team {
  id: string;
  segment: Segment;
  countries: string[]; // ISO alpha-2, or "*" for any
  languages: string[];
  skills: string[];
  calendar: string | null;
}

/**
 * The product of a request that names none (a mail from a sender we never heard of): in no
 * catalogue. Eligibility is then left to the triage team ([cooperation]: they ask for the product
 * and licence) instead of refusing the request as an unknown product (4.3.2).
 */
export const UNNAMED_PRODUCT = { code: 'unknown', version: '0' } as const;
