/**
 * Classifier benchmark: runs splitProblems + classify over bench/classifier/dataset.jsonl and prints
 * accuracy (overall, per language; dev and held-out separately), macro-F1, per-clause P/R/F1,
 * a compact confusion table, split accuracy, decline precision/count, unknown (triage) rate and
 * caveat precision/recall.
 *
 *   npx tsc -p tsconfig.build.json && node dist/bench/classifier.js [--errors] [--split dev|heldout] [--threshold 0.6]
 */
import * as fs from 'fs';
import * as path from 'path';
import { classify, ClassifierResult, DEFAULT_CONFIDENCE_THRESHOLD, defaultLexicon, detectLanguage, Language, splitProblems } from '../libs/domain/src/classification';

interface Item {
  id: string;
  language: Language;
  subject: string;
  description: string;
  topic?: string;
  gold: string[];
  caveats: string[];
  split: 'dev' | 'heldout';
}

interface Unit {
  item: Item;
  gold: string; // clause or 'unknown'
  pred: string; // clause or 'unknown'
  top1: string; // clause regardless of threshold
  confidence: number;
  result?: ClassifierResult;
}

interface Evaluated {
  item: Item;
  parts: number;
  units: Unit[];
  caveats: string[];
  detected: Language;
}

const UNKNOWN = 'unknown';

function findDataset(): string {
  const rel = path.join('bench', 'classifier', 'dataset.jsonl');
  for (let dir = path.resolve(__dirname); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, rel);
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) break;
  }
  const fromCwd = path.resolve(process.cwd(), rel);
  if (fs.existsSync(fromCwd)) return fromCwd;
  throw new Error(`dataset ${rel} not found above ${__dirname} or in ${process.cwd()}`);
}

function loadDataset(file: string): Item[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      const x = JSON.parse(l) as Item;
      if (!x.id || !Array.isArray(x.gold) || (x.split !== 'dev' && x.split !== 'heldout')) throw new Error(`bad dataset line ${i + 1}`);
      return x;
    });
}

function evaluate(item: Item, threshold: number): Evaluated {
  const lexicon = defaultLexicon();
  const detected = detectLanguage(`${item.subject}\n${item.description}`);
  const parts = splitProblems({ subject: item.subject, description: item.description }, undefined, lexicon);
  const results = parts.map((p) => classify({ subject: p.subject, description: p.description, topic: item.topic }, lexicon));
  const gold = item.gold.length ? item.gold : [UNKNOWN];
  const units: Unit[] = gold.map((g, i) => {
    const r = results[i];
    if (!r) return { item, gold: g, pred: UNKNOWN, top1: UNKNOWN, confidence: 0 };
    const top1 = r.clause ?? UNKNOWN;
    const pred = r.clause && r.confidence >= threshold ? r.clause : UNKNOWN;
    return { item, gold: g, pred, top1, confidence: r.confidence, result: r };
  });
  const caveats = [...new Set(results.flatMap((r) => r.caveats))].sort();
  return { item, parts: parts.length, units, caveats, detected };
}

const pct = (n: number, d: number): string => (d === 0 ? '   n/a' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);

function report(title: string, evs: Evaluated[], clauses: string[], threshold: number, showConfusion: boolean): void {
  const units = evs.flatMap((e) => e.units);
  const correct = units.filter((u) => u.pred === u.gold).length;
  const top1 = units.filter((u) => u.top1 === u.gold || (u.gold === UNKNOWN && u.pred === UNKNOWN)).length;
  console.log(`\n=== ${title}: ${evs.length} requests, ${units.length} problems ===`);
  console.log(`accuracy (threshold ${threshold}, unknown counts as wrong): ${pct(correct, units.length)}  (${correct}/${units.length})`);
  console.log(`top-1 accuracy ignoring the threshold:                 ${pct(top1, units.length)}`);
  const covered = units.filter((u) => u.pred !== UNKNOWN);
  console.log(`accuracy on auto-classified (non-unknown) problems:     ${pct(covered.filter((u) => u.pred === u.gold).length, covered.length)}  (${covered.length})`);
  for (const lang of ['en', 'lv', 'ru'] as Language[]) {
    const lu = units.filter((u) => u.item.language === lang);
    console.log(`  ${lang}: ${pct(lu.filter((u) => u.pred === u.gold).length, lu.length)}  (${lu.length} problems)`);
  }
  const unknown = units.filter((u) => u.pred === UNKNOWN).length;
  console.log(`unknown (→ human triage) rate: ${pct(unknown, units.length)}  (${unknown})`);
  const declines = units.filter((u) => u.pred.startsWith('4.2.'));
  const goodDeclines = declines.filter((u) => u.pred === u.gold).length;
  console.log(`decline precision: ${pct(goodDeclines, declines.length)}  (${goodDeclines}/${declines.length} auto-declines correct)`);
  const excludedGold = units.filter((u) => u.gold.startsWith('4.2.')).length;
  console.log(`decline recall:    ${pct(goodDeclines, excludedGold)}  (of ${excludedGold} excluded problems)`);
  const splitOk = evs.filter((e) => e.parts === Math.max(1, e.item.gold.length)).length;
  const multi = evs.filter((e) => e.item.gold.length > 1);
  const single = evs.filter((e) => e.item.gold.length <= 1);
  console.log(
    `split accuracy: ${pct(splitOk, evs.length)}  (multi-problem ${pct(multi.filter((e) => e.parts === e.item.gold.length).length, multi.length)} of ${multi.length}; single not split ${pct(single.filter((e) => e.parts === 1).length, single.length)} of ${single.length})`,
  );
  const langOk = evs.filter((e) => e.detected === e.item.language).length;
  console.log(`language detection: ${pct(langOk, evs.length)}`);
  // caveats (per request)
  let tp = 0,
    fp = 0,
    fn = 0;
  for (const e of evs) {
    for (const c of e.caveats) {
      if (e.item.caveats.includes(c)) tp++;
      else fp++;
    }
    for (const c of e.item.caveats) if (!e.caveats.includes(c)) fn++;
  }
  console.log(`caveats 4.4.x: precision ${pct(tp, tp + fp)}  recall ${pct(tp, tp + fn)}  (tp ${tp}, fp ${fp}, fn ${fn})`);

  // per-clause P/R/F1 and macro-F1
  const rows: string[] = [];
  let f1sum = 0;
  let f1n = 0;
  for (const c of clauses) {
    const tpc = units.filter((u) => u.gold === c && u.pred === c).length;
    const predc = units.filter((u) => u.pred === c).length;
    const goldc = units.filter((u) => u.gold === c).length;
    if (goldc === 0 && predc === 0) continue;
    const p = predc ? tpc / predc : 0;
    const r = goldc ? tpc / goldc : 0;
    const f1 = p + r ? (2 * p * r) / (p + r) : 0;
    if (goldc > 0) {
      f1sum += f1;
      f1n++;
    }
    rows.push(`  ${c.padEnd(7)} P ${(p * 100).toFixed(0).padStart(3)}  R ${(r * 100).toFixed(0).padStart(3)}  F1 ${(f1 * 100).toFixed(0).padStart(3)}  n=${goldc}`);
  }
  console.log(`macro-F1 (over ${f1n} clauses with gold items): ${((100 * f1sum) / Math.max(1, f1n)).toFixed(1)}`);
  if (!showConfusion) return;
  console.log('per-clause:');
  rows.forEach((r) => console.log(r));
  console.log('confusion (gold → predicted:count; diagonal first):');
  for (const g of [...clauses, UNKNOWN]) {
    const gu = units.filter((u) => u.gold === g);
    if (!gu.length) continue;
    const counts = new Map<string, number>();
    gu.forEach((u) => counts.set(u.pred, (counts.get(u.pred) ?? 0) + 1));
    const diag = counts.get(g) ?? 0;
    const off = [...counts.entries()]
      .filter(([p]) => p !== g)
      .sort((a, b) => b[1] - a[1])
      .map(([p, n]) => `${p === UNKNOWN ? '?' : p}:${n}`);
    console.log(`  ${g.padEnd(7)} ${String(diag).padStart(3)}/${String(gu.length).padEnd(3)} ${off.join(' ')}`);
  }
}

function main(): void {
  const args = process.argv.slice(2);
  const threshold = args.includes('--threshold') ? Number(args[args.indexOf('--threshold') + 1]) : DEFAULT_CONFIDENCE_THRESHOLD;
  const onlySplit = args.includes('--split') ? args[args.indexOf('--split') + 1] : undefined;
  const showErrors = args.includes('--errors');
  const file = findDataset();
  const items = loadDataset(file);
  const lexicon = defaultLexicon();
  const clauses = lexicon.clauses.map((c) => c.id);
  const started = Date.now();
  const evs = items.map((it) => evaluate(it, threshold));
  const ms = Date.now() - started;
  console.log(
    `classifier benchmark — lexicon ${lexicon.version}, dataset ${path.relative(process.cwd(), file)} (${items.length} requests), threshold ${threshold}, ${(ms / items.length).toFixed(1)} ms/request`,
  );
  const dev = evs.filter((e) => e.item.split === 'dev');
  const held = evs.filter((e) => e.item.split === 'heldout');
  if (!onlySplit || onlySplit === 'dev') report('DEV (tuned on)', dev, clauses, threshold, true);
  if (!onlySplit || onlySplit === 'heldout') report('HELD-OUT (never tuned on)', held, clauses, threshold, !onlySplit || onlySplit === 'heldout');
  if (!onlySplit) report('ALL', evs, clauses, threshold, false);
  if (showErrors) {
    const pool = onlySplit ? evs.filter((e) => e.item.split === onlySplit) : dev;
    console.log(`\n--- errors (${onlySplit ?? 'dev'}) ---`);
    for (const e of pool) {
      const bad = e.units.filter((u) => u.pred !== u.gold);
      const splitBad = e.parts !== Math.max(1, e.item.gold.length);
      const cavBad = e.caveats.join() !== e.item.caveats.join();
      if (!bad.length && !splitBad && !cavBad) continue;
      console.log(`${e.item.id} gold=${e.item.gold.join('+') || UNKNOWN} parts=${e.parts} cav=${e.item.caveats.join(',')}|${e.caveats.join(',')}`);
      for (const u of e.units) {
        const r = u.result;
        console.log(
          `   ${u.gold} → ${u.pred} (top1 ${u.top1} ${u.confidence}) ${
            r
              ? r.ranking
                  .slice(0, 3)
                  .map((x) => `${x.clause}:${x.score}`)
                  .join(' ')
              : ''
          }`,
        );
      }
    }
  }
}

main();
