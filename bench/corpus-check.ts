/**
 * Checks new lines of the real corpus before they join it (what the helpers who collect them run):
 *
 *   npm run build && node dist/bench/corpus-check.js bench/classifier/real/<new file>.jsonl
 *
 * Against the rest of `bench/classifier/real/`: every field present, the side of the split fixed by the
 * group's hash, no id or source address twice, at most three lines per source group (one community's
 * wording must not dominate), gold clause ids the lexicon knows, `multi` exactly when there are several.
 * Exits 1 and names each problem, else prints the file's clause counts.
 */
import * as fs from 'fs';
import * as path from 'path';
import { defaultLexicon } from '../libs/domain/src/classification';
import { benchDir, readJsonl, splitOfGroup } from './classifier-lib/data';

const MAX_PER_GROUP = 3;
const FIELDS = ['id', 'language', 'source', 'group', 'split', 'subject', 'description', 'gold', 'caveats', 'multi'];
const LANGUAGES = new Set(['en', 'ru', 'lv', 'et', 'lt']);

type Line = Record<string, unknown> & { id: string; source: string; group: string; gold: unknown };

const lines = (file: string): Line[] => readJsonl(file) as Line[];

function main(): void {
  const file = process.argv[2];
  if (!file) throw new Error('usage: node dist/bench/corpus-check.js <file.jsonl>');
  const realDir = path.join(benchDir(), 'real');
  const ids = new Set<string>();
  const sources = new Set<string>();
  const perGroup = new Map<string, number>();
  for (const f of fs.readdirSync(realDir).filter((f) => f.endsWith('.jsonl') && path.join(realDir, f) !== path.resolve(file)))
    for (const x of lines(path.join(realDir, f))) {
      ids.add(x.id);
      sources.add(x.source);
      perGroup.set(x.group, (perGroup.get(x.group) ?? 0) + 1);
    }
  const clauses = new Set(defaultLexicon().clauses.map((c) => c.id));
  const problems: string[] = [];
  const counts = new Map<string, number>();
  const mine = lines(file);
  mine.forEach((x, i) => {
    const at = `line ${i + 1} (${x.id})`;
    for (const k of FIELDS) if (!(k in x)) problems.push(`${at}: no ${k}`);
    if (ids.has(x.id)) problems.push(`${at}: the id is taken`);
    if (sources.has(x.source)) problems.push(`${at}: the source is already in the corpus: ${x.source}`);
    ids.add(x.id);
    sources.add(x.source);
    const n = (perGroup.get(x.group) ?? 0) + 1;
    perGroup.set(x.group, n);
    if (n > MAX_PER_GROUP) problems.push(`${at}: group ${x.group} would have ${n} lines (at most ${MAX_PER_GROUP})`);
    if (x.split !== splitOfGroup(x.group)) problems.push(`${at}: split must be ${splitOfGroup(x.group)} for group ${x.group}`);
    const gold = Array.isArray(x.gold) ? (x.gold as string[]) : [];
    if (!gold.length || gold.some((g) => !clauses.has(g))) problems.push(`${at}: gold must be clause ids: ${JSON.stringify(x.gold)}`);
    if (x.multi !== gold.length > 1) problems.push(`${at}: multi must be ${gold.length > 1}`);
    if (!LANGUAGES.has(String(x.language))) problems.push(`${at}: language ${String(x.language)}`);
    if (!/^https?:\/\//.test(x.source)) problems.push(`${at}: the source must be an address`);
    for (const g of gold) counts.set(g, (counts.get(g) ?? 0) + 1);
  });
  for (const p of problems) console.log(p);
  console.log(`${mine.length} lines, ${problems.length} problems; gold ${[...counts].map(([c, n]) => `${c} ${n}`).join(', ')}`);
  process.exit(problems.length ? 1 : 0);
}

main();
