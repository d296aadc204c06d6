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
