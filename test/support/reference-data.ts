import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The demo seed's reference data, reused by the tests (products, licences, teams, producers). */
export const SEED = JSON.parse(readFileSync(join(__dirname, '../../config/demo/seed.json'), 'utf8')) as {
  products: ({ code: string } & Record<string, unknown>)[];
  licences: ({ key: string } & Record<string, unknown>)[];
  teams: ({ id: string } & Record<string, unknown>)[];
  slaPlans: ({ id: string } & Record<string, unknown>)[];
  producers: { id: string; name: string }[];
};

/** A valid submission; override what a test is about. */
export function submission(overrides: Record<string, unknown> = {}): Record<string, any> {
  return {
    customer: { id: 'c-1001', email: 'anna@example.lv', country: 'LV', language: 'en' },
    product: { code: 'kav', version: '21.3' },
    platform: { os: 'windows', osVersion: '10', ramMb: 8192, diskFreeMb: 20000 },
    channel: 'web',
    subject: 'False positive on my own program',
    description: 'Kaspersky deletes my own program as a trojan, but it is a false positive. Please whitelist it.',
    ...overrides,
  };
}

/** One submission per outcome of the pipeline: supported and paid (an SLA clock), refused for its version, out of scope, business limited. */
export const OUTCOME_VARIANTS = [
  submission({ licenceKey: 'LIC-ANNA-KAV' }),
  submission({ product: { code: 'kav', version: '20.1' } }),
  submission({ subject: 'Remote session', description: 'Please connect to my computer remotely with TeamViewer and configure everything for me in a remote session.' }),
  submission({
    customer: { id: 'c-2', email: 'a@globex.lv', country: 'LV', language: 'en' },
    companyId: 'globex',
    licenceKey: 'LIC-GLOBEX-KESB',
    product: { code: 'kesb', version: '12' },
    platform: { os: 'windows', osVersion: '11', ramMb: 16000, diskFreeMb: 90000 },
    subject: 'Crash',
    description: 'The endpoint agent crashes every hour and the update fails with an error.',
  }),
];
