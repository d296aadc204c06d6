/**
 * Classifier benchmark. Runs splitProblems + classify over the real-world corpus (held-out and dev,
 * split by source) and the crafted examples (reported apart), plus agent-labelled examples when the
 * file exists, and prints accuracy, triage rate, wrongful declines, decline precision, per-language
 * and per-clause figures, the confusion table, splitting rates and classifier CPU per request.
 *
 *   npm run build && node dist/bench/classifier.js [--errors real-heldout|real-dev|crafted] [--threshold 0.6] [--decline-threshold 0.85] [--json]
 */
import { DEFAULT_CONFIDENCE_THRESHOLD, DEFAULT_DECLINE_THRESHOLD, defaultLexicon } from '../libs/domain/src/classification';
import { loadAgent, loadCrafted, loadReal } from './classifier-lib/data';
import { evaluate, figures } from './classifier-lib/evaluate';
import { printClauses, printErrors, printFigures } from './classifier-lib/report';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function main(): void {
  const threshold = Number(arg('--threshold') ?? DEFAULT_CONFIDENCE_THRESHOLD);
  const declineThreshold = Number(arg('--decline-threshold') ?? DEFAULT_DECLINE_THRESHOLD);
  const real = loadReal();
  const crafted = loadCrafted();
  const agent = loadAgent();
  // Loading the lexicon/model and the JIT's warm-up are not per-request work: one unmeasured pass first.
  [...real, ...crafted].forEach((x) => evaluate(x, threshold, declineThreshold));
  const run = (xs: typeof real) => xs.map((x) => evaluate(x, threshold, declineThreshold));
  const sets = {
    'real-heldout': run(real.filter((x) => x.split === 'heldout')),
    'real-dev': run(real.filter((x) => x.split === 'dev')),
    crafted: run(crafted.filter((x) => x.split === 'heldout')),
    'crafted-dev': run(crafted.filter((x) => x.split === 'dev')),
    agent: run(agent),
  };
  console.log(`classifier benchmark — lexicon ${defaultLexicon().version}, threshold ${threshold}, decline threshold ${declineThreshold}`);
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
  const errors = arg('--errors') as keyof typeof sets | undefined;
  if (errors && sets[errors]) printErrors(sets[errors]);
  if (process.argv.includes('--json')) console.log(JSON.stringify(out));
}

main();
