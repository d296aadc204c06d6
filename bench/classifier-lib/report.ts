/** Prints the bench's figures: headline numbers, per language, per clause and the confusion table. */
import { UNKNOWN, type Evaluated, type Figures } from './evaluate';
import type { Wrapper } from './wrappers';

const pct = (x: number): string => (Number.isNaN(x) ? '  n/a' : `${(100 * x).toFixed(1).padStart(5)}%`);

export function printFigures(title: string, f: Figures): void {
  console.log(`\n=== ${title}: ${f.requests} requests, ${f.problems} problems ===`);
  console.log(`clause accuracy (triage counts as a miss): ${pct(f.accuracy)}`);
  console.log(`triage rate (below the threshold):         ${pct(f.triageRate)}`);
  console.log(`accuracy of what was auto-decided:         ${pct(f.coveredAccuracy)}`);
  console.log(`wrongful declines (included → declined):   ${pct(f.wrongfulDeclineRate)}  (${f.wrongfulDeclines})`);
  console.log(`decline precision:                         ${pct(f.declinePrecision)}  (${f.declines} declines)`);
  console.log(`declines of an out-of-scope problem:       ${pct(f.declinesOutOfScope)}  (any excluded clause cited)`);
  console.log(`split: multi-problem split ${f.multiSplit}/${f.multiTotal}, single-problem split ${f.singleSplit}/${f.singleTotal} (${pct(f.singleSplit / f.singleTotal)})`);
  console.log(`language detection: ${pct(f.languageDetection)}   classifier CPU: ${(f.cpuMicrosPerRequest / 1000).toFixed(2)} ms/request`);
  console.log(
    `per language: ${Object.entries(f.perLanguage)
      .map(([l, x]) => `${l} ${pct(x.accuracy).trim()} (n=${x.n})`)
      .join(', ')}`,
  );
}

export function printClauses(evs: Evaluated[]): void {
  const units = evs.flatMap((e) => e.units);
  const clauses = [...new Set(units.flatMap((u) => [u.gold, u.pred]))].filter((c) => c !== UNKNOWN).sort();
  console.log('per clause (P / R / n):');
  for (const c of clauses) {
    const tp = units.filter((u) => u.gold === c && u.pred === c).length;
    const pred = units.filter((u) => u.pred === c).length;
    const gold = units.filter((u) => u.gold === c).length;
    console.log(`  ${c.padEnd(7)} P ${pct(tp / pred)}  R ${pct(tp / gold)}  n=${gold}`);
  }
  console.log('confusion (gold → predicted:count, ? = triage):');
  for (const g of [...clauses, UNKNOWN]) {
    const gu = units.filter((u) => u.gold === g);
    if (!gu.length) continue;
    const counts = new Map<string, number>();
    gu.forEach((u) => counts.set(u.pred, (counts.get(u.pred) ?? 0) + 1));
    const off = [...counts.entries()]
      .filter(([p]) => p !== g)
      .sort((a, b) => b[1] - a[1])
      .map(([p, n]) => `${p === UNKNOWN ? '?' : p}:${n}`);
    console.log(`  ${g.padEnd(7)} ${String(counts.get(g) ?? 0).padStart(3)}/${String(gu.length).padEnd(3)} ${off.join(' ')}`);
  }
}

export function printErrors(evs: Evaluated[]): void {
  for (const e of evs) {
    const bad = e.units.filter((u) => u.pred !== u.gold);
    if (!bad.length && e.parts === Math.max(1, e.ex.gold.length)) continue;
    console.log(`${e.ex.id} gold=${e.ex.gold.join('+')} parts=${e.parts} :: ${e.ex.subject.slice(0, 70)}`);
    for (const u of bad) console.log(`   ${u.gold} → ${u.pred} (top ${u.top1} ${u.confidence}) ${(u.result?.ranking ?? []).map((x) => `${x.clause}:${x.score}`).join(' ')}`);
  }
}

/** The wrapped real dev lines against the same lines as written; returns the figures for --json. */
export function printWrapped(rows: Array<{ wrapper: Wrapper; asWritten: Figures; wrapped: Figures }>): Array<Record<string, unknown>> {
  console.log('\n=== REAL dev single-problem lines wrapped as real messages arrive (accuracy, triage, false splits; as written → wrapped) ===');
  return rows.map(({ wrapper, asWritten: a, wrapped: w }) => {
    const mark = wrapper.tuned ? 'filters written against it' : 'not tuned on';
    console.log(
      `  ${`${wrapper.name} (${wrapper.language}, ${mark})`.padEnd(72)} ${pct(a.accuracy)} → ${pct(w.accuracy)}   triage ${pct(a.triageRate)} → ${pct(w.triageRate)}   splits ${a.singleSplit} → ${w.singleSplit} of ${w.singleTotal}`,
    );
    return {
      wrapper: wrapper.name,
      language: wrapper.language,
      tuned: wrapper.tuned,
      accuracy: [a.accuracy, w.accuracy],
      triage: [a.triageRate, w.triageRate],
      splits: [a.singleSplit, w.singleSplit],
    };
  });
}
