/**
 * Classifier benchmark. Runs splitProblems + classify over the real-world corpus (held-out and dev,
 * split by source) and the crafted examples (reported apart), plus agent-labelled examples when the
 * file exists, and prints accuracy, triage rate, wrongful declines, decline precision, per-language
 * and per-clause figures, the confusion table, splitting rates and classifier CPU per request; then
 * the real dev lines wrapped as real messages arrive (templates, logs, signatures: classifier-lib/wrappers.ts), and the cost of
 * the longest submissions written to cost the most (classifier-lib/floods.ts).
 *
 *   npm run build && node dist/bench/classifier.js [--errors real-heldout|real-dev|crafted] [--threshold 0.6] [--decline-threshold 0.85 (default: the rules file's)] [--json]
 */
import { defaultLexicon } from '../libs/domain/src/classification';
import { mayDecline } from '../libs/domain/src/rules';
import { loadAgent, loadCrafted, loadReal } from './classifier-lib/data';
import { evaluate, figures, type MayDecline } from './classifier-lib/evaluate';
import { rulesInForceNow } from './classifier-lib/rules';
import { printClauses, printErrors, printFigures, printWrapped } from './classifier-lib/report';
import { WRAPPERS } from './classifier-lib/wrappers';
import { measureFloods } from './classifier-lib/floods';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function main(): void {
  // As the pipeline decides, by the rules file's thresholds, unless given here (one decline threshold for every clause, and no
  // decline below it however sure the model is that the problem is out of scope).
  const rules = rulesInForceNow();
  const given = arg('--decline-threshold');
  const classification = {
    ...rules.classification,
    confidenceThreshold: Number(arg('--threshold') ?? rules.classification.confidenceThreshold),
    ...(given ? { declineThreshold: Number(given), declineThresholds: {}, sureOutOfScope: undefined } : {}),
  };
  const threshold = classification.confidenceThreshold;
  const declines: MayDecline = (clause, r) => mayDecline({ classification }, clause, r);
  const real = loadReal();
  const crafted = loadCrafted();
  const agent = loadAgent();
  // Loading the lexicon/model and the JIT's warm-up are not per-request work: one unmeasured pass first.
  [...real, ...crafted].forEach((x) => evaluate(x, threshold, declines));
  const run = (xs: typeof real) => xs.map((x) => evaluate(x, threshold, declines));
  const sets = {
    'real-heldout': run(real.filter((x) => x.split === 'heldout')),
    'real-dev': run(real.filter((x) => x.split === 'dev')),
    crafted: run(crafted.filter((x) => x.split === 'heldout')),
    'crafted-dev': run(crafted.filter((x) => x.split === 'dev')),
    agent: run(agent),
  };
  const perClause = Object.entries(classification.declineThresholds ?? {}).map(([c, t]) => `, ${c} ${t}`);
  const sure = classification.sureOutOfScope;
  const sureShown = sure ? `, or ${sure.confidence} when out of scope at ${sure.outOfScope}` : '';
  const declineShown = `${classification.declineThreshold}${perClause.join('')}${sureShown}${given ? '' : ` (rules ${rules.version})`}`;
  console.log(`classifier benchmark — lexicon ${defaultLexicon().version}, threshold ${threshold}, decline threshold ${declineShown}`);
  const out: Record<string, unknown> = {};
  const titles: Record<string, string> = {
    'real-heldout': 'REAL held-out (never tuned on)',
    'real-dev': 'REAL dev (trained/tuned on)',
    crafted: 'CRAFTED held-out',
    'crafted-dev': 'CRAFTED dev (trained on)',
    agent: 'AGENT-labelled',
  };
  for (const [name, evs] of Object.entries(sets)) {
    if (!evs.length) continue;
    const f = figures(evs);
    out[name] = f;
    printFigures(titles[name], f);
    if (name === 'real-heldout' || name === 'crafted') printClauses(evs);
  }
  // Real messages arrive wrapped in templates, logs and signatures the corpus was trimmed of: how far do the decisions move?
  // "As written" is the real dev run above, not a second one.
  const single = sets['real-dev'].filter((e) => e.ex.gold.length === 1);
  out.wrapped = printWrapped(
    WRAPPERS.map((w) => {
      const asWritten = single.filter((e) => e.ex.language === w.language);
      return { wrapper: w, asWritten: figures(asWritten), wrapped: figures(run(asWritten.map(({ ex }) => ({ ...ex, description: w.wrap(ex.description) })))) };
    }),
  );
  const floods = measureFloods();
  out.floods = floods;
  console.log('\n=== The longest submissions, written to cost the most (rule 2.3 + classification as the pipeline runs them, CPU, best of 3) ===');
  for (const f of floods) {
    console.log(
      `  ${f.name.padEnd(34)} ${String(f.chars).padStart(6)} chars  ${String(f.problems).padStart(4)} problems → ${String(f.requests).padStart(2)} requests  ${f.ms.toFixed(1).padStart(7)} ms`,
    );
  }
  const errors = arg('--errors') as keyof typeof sets | undefined;
  if (errors && sets[errors]) printErrors(sets[errors]);
  if (process.argv.includes('--json')) console.log(JSON.stringify(out));
}

main();
