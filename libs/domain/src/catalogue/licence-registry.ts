import type { Licence } from './reference-data';

/**
 * Where licences are looked up. The default reads the licences table; an external licence
 * service can take its place. An outage must throw (the stage retries), never answer null.
 */
export interface LicenceRegistry {
  find(key: string): Promise<Licence | null>;
}

export const LICENCE_REGISTRY = Symbol('LICENCE_REGISTRY');
