import type { Licence, Product } from '../catalogue';
import { CLAUSES_ALLOWED_WHEN_LIMITED, decideEligibility, type EligibilityInput, failedRequirement } from './decide-eligibility';
import { kav, kesb } from '../testing/demo-catalogue';

const acmeLicence: Licence = {
  key: 'LIC-ACME',
  productCode: 'kesb',
  customerId: null,
  companyId: 'acme',
  status: 'active',
  validUntil: '2028-12-31',
  kind: 'commercial',
  supportPlan: 'premium',
};

const annaLicence: Licence = {
  key: 'LIC-ANNA',
  productCode: 'kav',
  customerId: 'c-1001',
  companyId: null,
  status: 'active',
  validUntil: '2027-06-30',
  kind: 'commercial',
  supportPlan: 'home-plus',
};

const at = new Date('2025-05-10T10:00:00Z');

const home = (over: Partial<EligibilityInput> = {}): EligibilityInput => ({
  product: kav,
  productCode: 'kav',
  version: '21.3.10',
  licence: null,
  customerId: 'c-1001',
  companyId: null,
  receivedAt: at,
  ...over,
});

const business = (over: Partial<EligibilityInput> = {}): EligibilityInput => ({
  product: kesb,
  productCode: 'kesb',
  version: '12.1.0',
  licence: acmeLicence,
  customerId: 'c-2001',
  companyId: 'acme',
  receivedAt: at,
  ...over,
});

describe('decideEligibility: refusals for product and version (4.3.2)', () => {
  it('refuses an unknown product and offers support restoration', () => {
    const r = decideEligibility(home({ product: null, productCode: 'kxx' }));
    expect(r).toMatchObject({
      decision: 'refused',
      segment: null,
      clauses: ['4.3.2'],
      messageKey: 'refused.unknown-product',
      offer: 'support-restoration',
      failedRequirement: null,
      supportPlan: null,
    });
    expect(r.reason).toContain('kxx');
  });

  it('leaves a request that names no product (a first mail) to the triage team instead of refusing it', () => {
    expect(decideEligibility(home({ product: null, productCode: 'unknown', version: '0' }))).toMatchObject({ decision: 'supported', segment: 'home', clauses: ['[cooperation]'], supportPlan: null });
  });

  it('refuses a version that is not in the catalogue', () => {
    const r = decideEligibility(home({ version: '19.0.1', licence: annaLicence }));
    expect(r).toMatchObject({ decision: 'refused', segment: 'home', clauses: ['4.3.2'], messageKey: 'refused.unknown-product', offer: 'support-restoration', supportPlan: null });
    expect(r.reason).toContain('19.0.1');
  });

  it('refuses a version whose support ended, naming the end date', () => {
    const r = decideEligibility(home({ version: '20.0.14', licence: annaLicence }));
    expect(r).toMatchObject({ decision: 'refused', segment: 'home', clauses: ['4.3.2'], messageKey: 'refused.version', offer: 'support-restoration', supportPlan: null });
    expect(r.reason).toContain('2024-06-30');
  });

  it('refuses a business version past its end of support even with a valid licence', () => {
    const r = decideEligibility(business({ version: '11.4' }));
    expect(r).toMatchObject({ decision: 'refused', segment: 'business', clauses: ['4.3.2'], messageKey: 'refused.version', supportPlan: null });
  });

  it('still supports a version on the last day of its support, and refuses it the next day', () => {
    const lastDay = decideEligibility(home({ version: '20', receivedAt: new Date('2024-06-30T23:59:00Z') }));
    expect(lastDay.decision).toBe('supported');
    const nextDay = decideEligibility(home({ version: '20', receivedAt: new Date('2024-07-01T00:00:00Z') }));
    expect(nextDay).toMatchObject({ decision: 'refused', messageKey: 'refused.version' });
  });

  it('judges the most specific version entry: 21.3.x has no end even after 21 ends', () => {
    const later = new Date('2028-03-01T00:00:00Z');
    expect(decideEligibility(home({ version: '21.3.10', receivedAt: later })).decision).toBe('supported');
    expect(decideEligibility(home({ version: '21.2.1', receivedAt: later })).decision).toBe('refused');
  });

  it('checks the version before the platform', () => {
    const r = decideEligibility(home({ version: '20', platform: { os: 'linux' } }));
    expect(r.clauses).toEqual(['4.3.2']);
  });
});

describe('decideEligibility: platform below minimum requirements (4.3.1)', () => {
  const refusedFor = (platform: EligibilityInput['platform']) => decideEligibility(home({ platform }));

  it('refuses an operating system the product does not run on, listing the supported ones', () => {
    const r = refusedFor({ os: 'linux', osVersion: '22.04' });
    expect(r).toMatchObject({ decision: 'refused', segment: 'home', clauses: ['4.3.1'], messageKey: 'refused.platform', offer: null, supportPlan: null });
    expect(r.failedRequirement).toBe('operating system linux (supported: windows, macos, android)');
    expect(r.reason).toContain(r.failedRequirement);
  });

  it('matches the operating system name case-insensitively', () => {
    expect(refusedFor({ os: 'Windows', osVersion: '11' }).decision).toBe('supported');
  });

  it('refuses an OS version that is not listed', () => {
    const r = refusedFor({ os: 'windows', osVersion: '7' });
    expect(r).toMatchObject({ decision: 'refused', clauses: ['4.3.1'], failedRequirement: 'windows version 7 (supported: 10, 11)' });
  });

  it('accepts any version when the list is empty', () => {
    expect(refusedFor({ os: 'android', osVersion: '9' }).decision).toBe('supported');
  });

  it('refuses too little RAM, naming the minimum', () => {
    const r = refusedFor({ os: 'windows', osVersion: '10', ramMb: 1024, diskFreeMb: 10000 });
    expect(r).toMatchObject({ decision: 'refused', clauses: ['4.3.1'], failedRequirement: 'RAM 1024 MB (minimum 2048 MB)' });
  });

  it('accepts RAM exactly at the minimum', () => {
    expect(refusedFor({ os: 'windows', osVersion: '10', ramMb: 2048, diskFreeMb: 1500 }).decision).toBe('supported');
  });

  it('refuses too little free disk space, naming the minimum', () => {
    const r = refusedFor({ os: 'windows', osVersion: '10', ramMb: 8192, diskFreeMb: 500 });
    expect(r).toMatchObject({ decision: 'refused', clauses: ['4.3.1'], failedRequirement: 'free disk space 500 MB (minimum 1500 MB)' });
  });

  it('does not hold unknown values against the customer', () => {
    expect(refusedFor({ os: 'windows' }).decision).toBe('supported');
    expect(refusedFor({ os: 'macos', osVersion: '14' }).decision).toBe('supported');
    expect(decideEligibility(home({ platform: undefined })).decision).toBe('supported');
  });

  it('does not check what the product does not require', () => {
    const bare: Product = { ...kav, requirements: {} };
    expect(failedRequirement(bare, { os: 'haiku', osVersion: '1', ramMb: 1, diskFreeMb: 1 })).toBeNull();
    const noPlatforms: Product = { ...kav, requirements: { platforms: {}, minRamMb: 2048 } };
    expect(failedRequirement(noPlatforms, { os: 'haiku', ramMb: 4096 })).toBeNull();
    expect(failedRequirement(noPlatforms, { os: 'haiku', ramMb: 1024 })).toBe('RAM 1024 MB (minimum 2048 MB)');
  });

  it('refuses a business product on a platform below its requirements even with a valid licence', () => {
    const r = decideEligibility(business({ platform: { os: 'windows', osVersion: '11', ramMb: 2048 } }));
    expect(r).toMatchObject({ decision: 'refused', segment: 'business', clauses: ['4.3.1'], failedRequirement: 'RAM 2048 MB (minimum 4096 MB)', supportPlan: null });
  });
});

describe('decideEligibility: home & mobile products (4.5a)', () => {
  const supportedHome = { decision: 'supported', segment: 'home', clauses: ['4.5a'], messageKey: null, offer: null, failedRequirement: null };

  it('supports a home product without any licence', () => {
    expect(decideEligibility(home({ licence: null }))).toMatchObject({ ...supportedHome, supportPlan: null });
  });

  it('supports a home product with an expired licence, without its support plan', () => {
    const expired: Licence = { ...annaLicence, status: 'expired' };
    expect(decideEligibility(home({ licence: expired }))).toMatchObject({ ...supportedHome, supportPlan: null });
    const lapsed: Licence = { ...annaLicence, validUntil: '2025-01-31' };
    expect(decideEligibility(home({ licence: lapsed }))).toMatchObject({ ...supportedHome, supportPlan: null });
  });

  it('supports a home product with a revoked licence, without its support plan', () => {
    const revoked: Licence = { ...annaLicence, status: 'revoked' };
    expect(decideEligibility(home({ licence: revoked }))).toMatchObject({ ...supportedHome, supportPlan: null });
  });

  it('attaches the support plan of a valid licence', () => {
    expect(decideEligibility(home({ licence: annaLicence }))).toMatchObject({ ...supportedHome, supportPlan: 'home-plus' });
  });

  it("does not attach the plan of somebody else's licence", () => {
    expect(decideEligibility(home({ licence: annaLicence, customerId: 'c-9999' }))).toMatchObject({ ...supportedHome, supportPlan: null });
  });

  it('a valid licence without a plan gives no plan', () => {
    expect(decideEligibility(home({ licence: { ...annaLicence, supportPlan: null } })).supportPlan).toBeNull();
  });
});

describe('decideEligibility: business products need a valid licence (4.5b, 2.4)', () => {
  it('supports a business request with a valid company licence and attaches its plan', () => {
    expect(decideEligibility(business())).toMatchObject({
      decision: 'supported',
      segment: 'business',
      clauses: ['4.5b', '2.4'],
      messageKey: null,
      offer: null,
      supportPlan: 'premium',
    });
  });

  it('supports a licence valid until the end of its last day', () => {
    const lic: Licence = { ...acmeLicence, validUntil: '2025-05-10' };
    expect(decideEligibility(business({ licence: lic, receivedAt: new Date('2025-05-10T23:00:00Z') })).decision).toBe('supported');
  });

  it('supports a licence with no end date', () => {
    expect(decideEligibility(business({ licence: { ...acmeLicence, validUntil: null } })).decision).toBe('supported');
  });

  const limitedCases: Array<[string, Partial<EligibilityInput>, RegExp]> = [
    ['no licence', { licence: null }, /no licence/],
    ['an expired licence', { licence: { ...acmeLicence, status: 'expired' } }, /expired/],
    ['a licence whose validUntil has passed', { licence: { ...acmeLicence, validUntil: '2025-05-09' } }, /expired/],
    ['a revoked licence', { licence: { ...acmeLicence, status: 'revoked' } }, /revoked/],
    ["another company's licence", { companyId: 'globex' }, /another company/],
    ['a company licence when the request names no company', { companyId: null }, /another company/],
    ["another product's licence", { licence: { ...acmeLicence, productCode: 'kav' } }, /another product \(kav\)/],
  ];

  it.each(limitedCases)('limits a business request with %s, without a plan', (_name, over, reason) => {
    const r = decideEligibility(business(over));
    expect(r).toMatchObject({
      decision: 'limited',
      segment: 'business',
      clauses: ['4.5b', '2.4'],
      messageKey: 'limited.licence',
      offer: null,
      failedRequirement: null,
      supportPlan: null,
    });
    expect(r.reason).toMatch(reason);
  });

  it('limits a business request on a personal licence: it must be stored in the company account (2.4)', () => {
    const own: Licence = { ...acmeLicence, companyId: null, customerId: 'c-2001', supportPlan: 'standard' };
    expect(decideEligibility(business({ licence: own }))).toMatchObject({ decision: 'limited', supportPlan: null, licenceProblem: 'not-company' });
  });

  it("names the problem of each limited decision, for the reply in the customer's language", () => {
    expect(decideEligibility(business({ licence: { ...acmeLicence, status: 'revoked' } })).licenceProblem).toBe('revoked');
    expect(decideEligibility(business({ licence: null })).licenceProblem).toBe('none');
  });

  it('a company licence is valid for any of its employees', () => {
    const lic: Licence = { ...acmeLicence, customerId: 'c-2001' };
    expect(decideEligibility(business({ licence: lic, customerId: 'c-4004' })).decision).toBe('supported');
  });
});

describe('CLAUSES_ALLOWED_WHEN_LIMITED', () => {
  it('is exactly licence help (4.1.3) and the consultations (4.1.4a–c)', () => {
    expect([...CLAUSES_ALLOWED_WHEN_LIMITED].sort()).toEqual(['4.1.3', '4.1.4a', '4.1.4b', '4.1.4c']);
  });

  it('does not let problem-solving or malware requests through', () => {
    for (const clause of ['4.1.1', '4.1.2a', '4.1.2b', '4.1.2c']) expect(CLAUSES_ALLOWED_WHEN_LIMITED).not.toContain(clause);
  });
});
