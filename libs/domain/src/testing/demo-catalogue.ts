import type { Licence, Product, Team } from '../catalogue';

/** Reference data like the demo seed's (config/demo/seed.json), shared by the domain's unit tests. */
export const kav: Product = {
  code: 'kav',
  name: 'Kaspersky Anti-Virus',
  segment: 'home',
  versions: [
    { version: '21', supportedUntil: '2027-12-31' },
    { version: '21.3', supportedUntil: null },
    { version: '20', supportedUntil: '2024-06-30' },
  ],
  requirements: { minRamMb: 2048, minDiskMb: 1500, platforms: { windows: ['10', '11'], macos: ['13', '14'], android: [] } },
};

export const kesb: Product = {
  code: 'kesb',
  name: 'Kaspersky Endpoint Security for Business',
  segment: 'business',
  versions: [
    { version: '12', supportedUntil: null },
    { version: '11', supportedUntil: '2025-03-31' },
  ],
  requirements: { minRamMb: 4096, minDiskMb: 4000, platforms: { windows: ['10', '11', 'server2019', 'server2022'], linux: [] } },
};

export const annaLicence: Licence = {
  key: 'LIC-ANNA-KAV',
  productCode: 'kav',
  customerId: 'c-1001',
  companyId: null,
  status: 'active',
  validUntil: '2027-06-30',
  kind: 'commercial',
  supportPlan: 'home-plus',
};
export const globexLicence: Licence = {
  key: 'LIC-GLOBEX-KESB',
  productCode: 'kesb',
  customerId: null,
  companyId: 'globex',
  status: 'expired',
  validUntil: '2025-01-31',
  kind: 'commercial',
  supportPlan: null,
};
export const acmeLicence: Licence = {
  key: 'LIC-ACME-KESB',
  productCode: 'kesb',
  customerId: null,
  companyId: 'acme',
  status: 'active',
  validUntil: '2028-12-31',
  kind: 'commercial',
  supportPlan: 'premium',
};

export const team = (id: string, segment: Team['segment'], countries: string[], languages: string[], skills: string[] = []): Team => ({ id, segment, countries, languages, skills, calendar: null });

/** The demo set of teams. */
export const DEMO_TEAMS: Team[] = [
  team('home-lv', 'home', ['LV'], ['lv', 'ru', 'en']),
  team('home-ee', 'home', ['EE'], ['et', 'ru', 'en']),
  team('home-lt', 'home', ['LT'], ['lt', 'ru', 'en']),
  team('home-malware', 'home', ['LV', 'LT', 'EE'], ['lv', 'ru', 'en', 'et', 'lt'], ['malware']),
  team('home-intl', 'home', ['*'], ['en']),
  team('home-triage', 'home', ['*'], ['en', 'lv', 'ru', 'et', 'lt'], ['triage']),
  team('business-baltics', 'business', ['LV', 'LT', 'EE'], ['lv', 'ru', 'en', 'et', 'lt']),
  team('business-intl', 'business', ['*'], ['en']),
  team('business-triage', 'business', ['*'], ['en', 'lv', 'ru', 'et', 'lt'], ['triage']),
];
