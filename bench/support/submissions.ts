/**
 * Realistic, varied bench submissions: single-problem texts of bench/classifier/dataset.jsonl
 * (en/lv/ru) × the demo seed's home/business products, licences, countries and channels, kept
 * only when the pipeline's own triage preview routes them to a team (one request, not declined).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Submission {
  key: string; // idempotency key = intake job id
  body: Record<string, unknown>;
  team: string; // where the pipeline will put it (from the triage preview)
  priority: number;
}

interface DatasetItem {
  id: string;
  language: 'en' | 'lv' | 'ru';
  subject: string;
  description: string;
  topic?: string;
  gold: string[];
}

/** A small deterministic PRNG (mulberry32), so a seed gives the same submissions every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COUNTRIES: Record<DatasetItem['language'], string[]> = { lv: ['LV'], ru: ['LV', 'EE', 'LT'], en: ['LV', 'EE', 'LT', 'DE', 'GB', 'US'] };

/** Product/customer profiles over the demo seed's products and licences. */
const PROFILES: { name: string; make: (i: number) => Record<string, unknown> }[] = [
  { name: 'kav-home', make: (i) => ({ customer: { id: `c-${i}` }, product: { code: 'kav', version: '21.3' }, platform: { os: 'windows', osVersion: '11', ramMb: 8192, diskFreeMb: 40000 } }) },
  {
    name: 'kav-home-plus',
    make: () => ({ customer: { id: 'c-1001' }, product: { code: 'kav', version: '21.3' }, licenceKey: 'LIC-ANNA-KAV', platform: { os: 'windows', osVersion: '10', ramMb: 4096, diskFreeMb: 5000 } }),
  },
  { name: 'kis-home', make: (i) => ({ customer: { id: `c-${i}` }, product: { code: 'kis', version: '21' }, platform: { os: 'windows', osVersion: '10', ramMb: 4096, diskFreeMb: 20000 } }) },
  {
    name: 'kesb-acme',
    make: (i) => ({
      customer: { id: `acme-${i}` },
      companyId: 'acme',
      product: { code: 'kesb', version: '12' },
      licenceKey: 'LIC-ACME-KESB',
      platform: { os: 'windows', osVersion: 'server2022', ramMb: 16384, diskFreeMb: 100000 },
    }),
  },
];

const CHANNELS = ['web', 'email', 'portal', 'api'];

export async function buildPool(
  root: string,
  preview: (body: unknown) => Promise<{ parts: { team: string | null; priority: number | null }[] }>,
  seed: number,
): Promise<{ pool: Omit<Submission, 'key'>[]; candidates: number }> {
  const items = readFileSync(join(root, 'bench', 'classifier', 'dataset.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as DatasetItem)
    .filter((x) => x.gold.length <= 1); // single-problem items: one submission = one request
  const rnd = prng(seed);
  const pool: Omit<Submission, 'key'>[] = [];
  let candidates = 0;
  for (const [index, item] of items.entries()) {
    for (const profile of PROFILES) {
      const base = profile.make(1000 + index) as { customer: Record<string, unknown> } & Record<string, unknown>;
      const countries = COUNTRIES[item.language] ?? ['LV'];
      const country = countries[Math.floor(rnd() * countries.length)];
      const body: Record<string, unknown> = {
        ...base,
        customer: {
          ...base.customer,
          email: `${String(base.customer.id).toLowerCase()}@example.com`,
          country,
          // a third of the customers leave the language to detection
          ...(rnd() < 0.67 ? { language: item.language } : {}),
        },
        channel: CHANNELS[Math.floor(rnd() * CHANNELS.length)],
        ...(item.topic ? { topic: item.topic } : {}),
        subject: item.subject.slice(0, 200),
        description: item.description.slice(0, 20000),
      };
      candidates++;
      let decided;
      try {
        decided = await preview(body);
      } catch (error) {
        if (process.env.BENCH_DEBUG) console.error(error);
        continue; // invalid for the contract: not a useful bench submission
      }
      if (decided.parts.length !== 1 || !decided.parts[0].team) continue; // split, declined, or no team
      pool.push({ body, team: decided.parts[0].team, priority: decided.parts[0].priority ?? 3 });
    }
  }
  return { pool, candidates };
}

export function drawSubmissions(pool: Omit<Submission, 'key'>[], n: number, prefix: string, seed: number): Submission[] {
  const rnd = prng(seed);
  return Array.from({ length: n }, (_, i) => {
    const pick = pool[Math.floor(rnd() * pool.length)];
    return { ...pick, key: `${prefix}-${i}` };
  });
}
