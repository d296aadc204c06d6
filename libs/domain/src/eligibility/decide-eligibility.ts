import { coversInstant, matchVersion, type Licence, type Product, type Segment, UNNAMED_PRODUCT } from '../catalogue';

export type EligibilityDecision = 'supported' | 'limited' | 'refused';

export interface EligibilityInput {
  product: Product | null; // the catalogue entry for the submitted code, null when unknown
  productCode: string;
  version: string;
  platform?: { os: string; osVersion?: string; ramMb?: number; diskFreeMb?: number };
  licence: Licence | null; // the registry's record for the submitted key, null when none or unknown
  customerId: string;
  companyId?: string | null;
  receivedAt: Date;
}

export interface EligibilityResult {
  decision: EligibilityDecision;
  segment: Segment | null;
  clauses: string[];
  /** A short English reason for agents and the timeline; customers get the rules' texts. */
  reason: string;
  /** Which message of the rules explains a refusal or a limit. */
  messageKey: 'refused.version' | 'refused.unknown-product' | 'refused.platform' | 'limited.licence' | null;
  offer: 'support-restoration' | null;
  /** For refused.platform: the requirement that failed, e.g. "RAM 2048 MB (minimum 4096 MB)". */
  failedRequirement: string | null;
  /** The paid support plan of a valid licence: only these requests get an SLA clock ([sla]). */
  supportPlan: string | null;
  /** For refused.platform: the same, as data, so the reply can name it in the customer's language. */
  unmet?: UnmetRequirement | null;
  /** For a limited decision: what is wrong with the licence (the reply text names it). */
  licenceProblem?: LicenceProblem | null;
}

/**
 * No product named: nothing to check yet. Home (4.5a: supported whatever the licence) until the
 * triage team learns the product; classification then leaves the scope unknown (human triage).
 */
const UNDECIDED_ELIGIBILITY: EligibilityResult = {
  decision: 'supported',
  segment: 'home',
  clauses: ['[cooperation]'],
  reason: 'no product named: the triage team asks for the product and licence',
  messageKey: null,
  offer: null,
  failedRequirement: null,
  supportPlan: null,
};

const refused = (segment: Segment | null, clause: '4.3.1' | '4.3.2', reason: string, messageKey: EligibilityResult['messageKey'], failedRequirement: string | null = null): EligibilityResult => ({
  decision: 'refused',
  segment,
  clauses: [clause],
  reason,
  messageKey,
  offer: clause === '4.3.2' ? 'support-restoration' : null,
  failedRequirement,
  supportPlan: null,
});

/** A minimum requirement (4.3.1) the platform does not meet: what it has and what is needed. */
export interface UnmetRequirement {
  kind: 'os' | 'os-version' | 'ram' | 'disk';
  os: string;
  value: string;
  needed: string;
}

const REQUIREMENT_TEXT: Record<UnmetRequirement['kind'], (u: UnmetRequirement) => string> = {
  os: (u) => `operating system ${u.value} (supported: ${u.needed})`,
  'os-version': (u) => `${u.os} version ${u.value} (supported: ${u.needed})`,
  ram: (u) => `RAM ${u.value} MB (minimum ${u.needed} MB)`,
  disk: (u) => `free disk space ${u.value} MB (minimum ${u.needed} MB)`,
};

/** 4.3.1: the first requirement the platform fails, or null. Unknown values are not held against the customer. */
export function unmetRequirement(product: Product, platform: EligibilityInput['platform']): UnmetRequirement | null {
  if (!platform) return null;
  const req = product.requirements ?? {};
  const os = platform.os;
  if (req.platforms && Object.keys(req.platforms).length > 0) {
    const versions = Object.entries(req.platforms).find(([name]) => name.toLowerCase() === os.toLowerCase())?.[1];
    if (!versions) return { kind: 'os', os, value: os, needed: Object.keys(req.platforms).join(', ') };
    if (versions.length > 0 && platform.osVersion !== undefined && !versions.includes(platform.osVersion)) {
      return { kind: 'os-version', os, value: platform.osVersion, needed: versions.join(', ') };
    }
  }
  if (req.minRamMb !== undefined && platform.ramMb !== undefined && platform.ramMb < req.minRamMb) {
    return { kind: 'ram', os, value: String(platform.ramMb), needed: String(req.minRamMb) };
  }
  if (req.minDiskMb !== undefined && platform.diskFreeMb !== undefined && platform.diskFreeMb < req.minDiskMb) {
    return { kind: 'disk', os, value: String(platform.diskFreeMb), needed: String(req.minDiskMb) };
  }
  return null;
}

/** The unmet requirement in English, for agents and the timeline. */
export function failedRequirement(product: Product, platform: EligibilityInput['platform']): string | null {
  const unmet = unmetRequirement(product, platform);
  return unmet ? REQUIREMENT_TEXT[unmet.kind](unmet) : null;
}

/** Why a licence does not make a request eligible (4.5b, 2.4): a key into the rules' reply texts. */
export type LicenceProblem = 'none' | 'other-product' | 'not-company' | 'other-company' | 'other-customer' | 'revoked' | 'expired';

export const LICENCE_PROBLEM_TEXT: Record<LicenceProblem, string> = {
  none: 'no licence was given or it is not registered',
  'other-product': 'the licence is for another product',
  'not-company': "the licence is not stored in a company's CompanyAccount",
  'other-company': 'the licence belongs to another company',
  'other-customer': 'the licence belongs to another customer',
  revoked: 'the licence has been revoked',
  expired: 'the licence has expired',
};

/**
 * What is wrong with the licence for this request, or null when it is valid. For business
 * products it must be a company licence of the requesting company (2.4: stored in CompanyAccount).
 */
export function licenceProblem(input: EligibilityInput, segment: Segment): LicenceProblem | null {
  const { licence } = input;
  if (!licence) return 'none';
  if (licence.productCode !== input.productCode) return 'other-product';
  const company = licence.companyId ?? null;
  if (segment === 'business' && company === null) return 'not-company';
  if (company !== null && company !== (input.companyId ?? null)) return 'other-company';
  if (company === null && licence.customerId !== null && licence.customerId !== input.customerId) return 'other-customer';
  if (licence.status === 'revoked') return 'revoked';
  if (licence.status === 'expired' || !coversInstant(licence.validUntil, input.receivedAt)) return 'expired';
  return null;
}

/**
 * Who gets support (rules 4.3, 4.5, 2.4), decided from the catalogue and the licence registry:
 * unknown products and versions past their end of support are refused (4.3.2), platforms below
 * the minimum requirements are refused (4.3.1), home products are supported whatever the licence
 * (4.5a), business products need a valid licence or support is limited (4.5b, 2.4).
 * A request that names no product (UNNAMED_PRODUCT) is not refused: it goes to human triage.
 */
export function decideEligibility(input: EligibilityInput): EligibilityResult {
  const { product } = input;
  if (!product && input.productCode === UNNAMED_PRODUCT.code) return UNDECIDED_ELIGIBILITY;
  if (!product) {
    return refused(null, '4.3.2', `product ${input.productCode} is not in the catalogue`, 'refused.unknown-product');
  }
  const version = matchVersion(product.versions, input.version);
  if (!version) {
    return refused(product.segment, '4.3.2', `version ${input.version} is not a supported version of ${product.code}`, 'refused.unknown-product');
  }
  if (!coversInstant(version.supportedUntil, input.receivedAt)) {
    return refused(product.segment, '4.3.2', `support for ${product.code} ${version.version} ended on ${version.supportedUntil}`, 'refused.version');
  }
  const unmet = unmetRequirement(product, input.platform);
  if (unmet) {
    const failed = REQUIREMENT_TEXT[unmet.kind](unmet);
    return { ...refused(product.segment, '4.3.1', `the platform does not meet the minimum requirements: ${failed}`, 'refused.platform', failed), unmet };
  }

  const problem = licenceProblem(input, product.segment);
  const plan = problem === null ? (input.licence?.supportPlan ?? null) : null;
  if (product.segment === 'home') {
    return {
      decision: 'supported',
      segment: 'home',
      clauses: ['4.5a'],
      reason: 'home & mobile products are supported regardless of licence status',
      messageKey: null,
      offer: null,
      failedRequirement: null,
      supportPlan: plan,
    };
  }
  if (problem) {
    const reason = problem === 'other-product' ? `${LICENCE_PROBLEM_TEXT[problem]} (${input.licence?.productCode})` : LICENCE_PROBLEM_TEXT[problem];
    return {
      decision: 'limited',
      segment: 'business',
      clauses: ['4.5b', '2.4'],
      reason,
      messageKey: 'limited.licence',
      offer: null,
      failedRequirement: null,
      supportPlan: null,
      licenceProblem: problem,
    };
  }
  return {
    decision: 'supported',
    segment: 'business',
    clauses: ['4.5b', '2.4'],
    reason: 'a valid business licence is registered',
    messageKey: null,
    offer: null,
    failedRequirement: null,
    supportPlan: plan,
  };
}

/** Under a limited decision (2.4) only licence help (4.1.3) and consultations (4.1.4) go on. */
export const CLAUSES_ALLOWED_WHEN_LIMITED: readonly string[] = ['4.1.3', '4.1.4a', '4.1.4b', '4.1.4c'];
