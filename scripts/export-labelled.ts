/**
 * Writes the agents' reclassifications (labelled_examples) as bench/classifier/agent-labelled.jsonl,
 * which `npm run bench:classifier` and `npm run train:classifier` read when present.
 * Usage: `npm run export:labelled` (DATABASE_URL as for the apps), or with an output path.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_DATABASE_URL, labelledExamplesJsonl, openDatabase } from '@support/persistence';

async function main() {
  const out = process.argv[2] ?? join(__dirname, '../../bench/classifier/agent-labelled.jsonl');
  const dataSource = await openDatabase(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL);
  try {
    const jsonl = await labelledExamplesJsonl(dataSource);
    writeFileSync(out, jsonl);
    console.log(`wrote ${out} (${jsonl.split('\n').length - 1} examples)`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
