/**
 * Trains the learned clause model and writes config/classifier/model.json.
 *
 *   npm run train:classifier
 *
 * Reads only training data: the real corpus's dev side, the crafted examples' dev side and the
 * agent-labelled examples of the current rules version (bench/classifier/LABELLING.md); never the
 * held-out sides. Single-problem messages only (a multi-problem message has no one clause).
 * Temperature: fitted on 4-fold out-of-fold predictions (folds by source group), so the model's
 * probability is calibrated and the triage threshold keeps its meaning.
 */
import * as fs from 'fs';
import * as path from 'path';
import {
  defaultLexicon,
  findLexiconFile,
  isExcludedClause,
  isIncludedClause,
  isWordFeature,
  MIN_NORM_FEATURES,
  modelFeatures,
  NO_CLAUSE,
  outOfScopeOf,
  withDeclinesOnEvidence,
} from '../libs/domain/src/classification';
import { declineThresholdOf, mayDecline, type RuleSet } from '../libs/domain/src/rules';
import { type Example, fnv1a32, loadAgent, loadCrafted, loadReal } from './classifier-lib/data';
import { rulesInForceNow } from './classifier-lib/rules';
import { fitTemperature, type Row, softmaxRow, train } from './classifier-lib/softmax';

/** Options (chosen by the out-of-fold figures on the training data, never by the held-out sides). */
function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const LAMBDA = option('--lambda', 1e-4);
const REAL_WEIGHT = option('--real-weight', 2);
const EPOCHS = option('--epochs', 250);
// A content-free message ("Hi, something is off, can you take a look?") must go to a person. A fixed weight for the
// no-clause class drifted as the real dev side grew (4 held it at 1,035 real lines; at 1,558 the greeting became
// 4.1.2c at 0.72): its examples now weigh, together, as much as the average clause's (times this share).
const NONE_SHARE = option('--none-share', 1);
const DRY = process.argv.includes('--dry');
/** Print the real dev examples missed out of fold (what to work on; never a held-out side); `--misses et`: every dev example of that language. */
const MISSES_AT = process.argv.indexOf('--misses');
const MISSES = MISSES_AT >= 0;
const MISSES_LANGUAGE = MISSES && !process.argv[MISSES_AT + 1]?.startsWith('--') ? process.argv[MISSES_AT + 1] : undefined;
/** `--wrong-declines 0.9`: print the real dev declines at or above 0.9, out of fold, that cite another clause than the gold one. */
const WRONG_DECLINES_AT = process.argv.indexOf('--wrong-declines');
const WRONG_DECLINES = WRONG_DECLINES_AT >= 0 ? Number(process.argv[WRONG_DECLINES_AT + 1]) : undefined;
/** Measure without the decline-evidence rule (to see what it changes). */
const NO_DECLINE_EVIDENCE = process.argv.includes('--no-decline-evidence');
/** `--oof-out file.json`: write the out-of-fold probabilities (calibrated, as classify decides) for analyses outside this script. */
const OOF_OUT_AT = process.argv.indexOf('--oof-out');
const OOF_OUT = OOF_OUT_AT >= 0 ? process.argv[OOF_OUT_AT + 1] : undefined;
/**
 * `--nb-scale a`: a word feature's values times 1 + a × its class information (the KL divergence of its examples' clauses,
 * smoothed, from the prior), computed from the rows each model is trained on and folded into the weights it exports: a
 * word that tells the clause is regularised less. Tried and not kept (bench/README, round (6) of 2026-12-04): at 3 it was
 * better out of fold, but "My computer is infected with a trojan that Kaspersky did not detect. The antivirus missed the
 * malware." went from undetected malware (4.1.2b) to a detection (4.1.2a) at 0.56. Off (0) by default.
 */
const NB_SCALE = option('--nb-scale', 0);
const MIN_DOC_FREQ = 2;
const FOLDS = 4;
const PRUNE = 0.005;
/** An exclusion with this many real dev examples or more is judged by real text (the decline threshold's tiers, below). */
const COMMON_TIER = 20;

/** The weight that makes the no-clause examples, together, weigh as much as the average clause's examples. */
function noClauseWeight(examples: Array<{ label: string; weight: number }>): number {
  const totals = new Map<string, number>();
  for (const x of examples) totals.set(x.label, (totals.get(x.label) ?? 0) + x.weight);
  const none = totals.get(NO_CLAUSE) ?? 0;
  const clauses = [...totals.entries()].filter(([label]) => label !== NO_CLAUSE).map(([, w]) => w);
  return none ? clauses.reduce((a, b) => a + b, 0) / clauses.length / none : 1;
}

function main(): void {
  const lexicon = defaultLexicon();
  // its version selects the agent-labelled examples; its decline thresholds are how the pipeline decides
  const rules = rulesInForceNow();
  const rulesVersion = rules.version;
  const examples: Example[] = [...loadReal(), ...loadCrafted()].filter((x) => x.split === 'dev').concat(loadAgent().filter((x) => x.rulesVersion === rulesVersion));
  // No clause at all (greetings, empty questions) is a class of its own: without it every text gets
  // some clause with confidence, and a greeting would be decided instead of going to a human.
  const usable = examples.filter((x) => x.gold.length <= 1);
  const labelOf = (x: Example) => x.gold[0] ?? NO_CLAUSE;
  // What classify gives the model, and the lexicon's ranking (for the decline-evidence rule below).
  const readWith = (known?: (f: string) => boolean) => usable.map((x) => modelFeatures({ subject: x.subject, description: x.description, topic: x.topic, language: x.language }, lexicon, known));
  const firstPass = readWith().map((r) => r.features);
  const df = new Map<string, number>();
  for (const fs_ of firstPass) for (const f of fs_.keys()) df.set(f, (df.get(f) ?? 0) + 1);
  const vocab = [...df.entries()].filter(([f, n]) => n >= MIN_DOC_FREQ || !isWordFeature(f)).map(([f]) => f);
  // As classify reads a request: its words normalised over the ones the model knows (features.ts), here the vocabulary.
  const vocabSet = new Set(vocab);
  const readings = readWith((f) => vocabSet.has(f));
  const featureSets = readings.map((r) => r.features);
  const lexRankingOf = new Map(usable.map((x, i) => [x.id, readings[i].lex.ranking]));
  const index = new Map(vocab.map((f, i) => [f, i]));
  const classes = [...new Set(usable.map(labelOf))].sort();
  const K = classes.length;
  const sourceWeight = (x: Example) => (x.kind === 'real' ? REAL_WEIGHT : 1);
  const noneWeight = NONE_SHARE * noClauseWeight(usable.map((x) => ({ label: labelOf(x), weight: sourceWeight(x) })));
  const rows: Row[] = usable.map((x, i) => ({
    x: [...featureSets[i].entries()].filter(([f]) => index.has(f)).map(([f, v]) => [index.get(f)!, v] as [number, number]),
    y: classes.indexOf(labelOf(x)),
    weight: sourceWeight(x) * (x.gold.length === 0 ? noneWeight : 1),
  }));
  console.log(`no-clause examples weigh ${noneWeight.toFixed(2)} each (${usable.filter((x) => !x.gold.length).length} of them)`);
  // Per-feature scales from the rows a model is trained on (never from the rows it is judged on): folded into the weights it exports.
  const noneClass = classes.indexOf(NO_CLAUSE);
  // null: every feature as it is (the default), so the rows are used without a copy.
  const scalesFrom = (training: Row[]): Float64Array | null => {
    if (NB_SCALE === 0) return null;
    const scale = new Float64Array(vocab.length).fill(1);
    const counts = new Float64Array(vocab.length * K);
    const perClass = new Float64Array(K);
    for (const r of training) {
      // what a word tells of the clause: the no-clause examples (greetings) would make "здравствуйте" a telling word
      if (r.y === noneClass) continue;
      perClass[r.y]++;
      for (const [f] of r.x) counts[f * K + r.y]++;
    }
    const total = perClass.reduce((a, b) => a + b, 0);
    vocab.forEach((name, f) => {
      if (!isWordFeature(name)) return;
      let n = 0;
      for (let k = 0; k < K; k++) n += counts[f * K + k];
      let info = 0;
      for (let k = 0; k < K; k++) {
        if (k === noneClass) continue;
        const p = (counts[f * K + k] + 1) / (n + K - 1);
        info += p * Math.log(p / Math.max(perClass[k] / total, 1e-9));
      }
      scale[f] = 1 + NB_SCALE * Math.max(0, info);
    });
    return scale;
  };
  const scaled = (r: Row, scale: Float64Array | null): Row => (scale ? { ...r, x: r.x.map(([f, v]) => [f, v * scale[f]] as [number, number]) } : r);
  const foldOf = (x: Example) => fnv1a32(x.group ?? x.id) % FOLDS;
  // A row's word features renormalised over those `seen` (the text's words, not the subject's "w:^", count: features.ts).
  const textWord = vocab.map((name) => isWordFeature(name) && !name.startsWith('w:^'));
  const asSeen = (r: Row, seen: Uint8Array): Row => {
    let all = 0;
    let known = 0;
    for (const [f] of r.x) {
      if (!textWord[f]) continue;
      all++;
      if (seen[f]) known++;
    }
    if (known === all) return r;
    const factor = Math.sqrt(Math.max(all, MIN_NORM_FEATURES)) / Math.sqrt(Math.max(known, MIN_NORM_FEATURES));
    return { ...r, x: r.x.filter(([f]) => seen[f] || !isWordFeature(vocab[f])).map(([f, v]) => [f, isWordFeature(vocab[f]) ? v * factor : v] as [number, number]) };
  };
  const oof: Array<{ logits: number[]; y: number; real: boolean; language: string; id: string }> = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const trainRows = rows.filter((_, i) => foldOf(usable[i]) !== fold);
    const scale = scalesFrom(trainRows);
    const t = train(
      trainRows.map((r) => scaled(r, scale)),
      vocab.length,
      K,
      { lambda: LAMBDA, epochs: EPOCHS },
    );
    // The words a fold's model never saw are unknown to it, as a new customer's are to the shipped model.
    const seen = new Uint8Array(vocab.length);
    for (const r of trainRows) for (const [f] of r.x) seen[f] = 1;
    rows.forEach((r, i) => {
      if (foldOf(usable[i]) !== fold) return;
      const p = softmaxRow(t, scaled(asSeen(r, seen), scale).x, K);
      oof.push({ logits: p.map((q) => Math.log(q)), y: r.y, real: usable[i].kind === 'real', language: usable[i].language, id: usable[i].id });
    });
  }
  const temperature = fitTemperature(oof);
  const oofAccuracy = oof.filter((o) => o.logits.indexOf(Math.max(...o.logits)) === o.y).length / oof.length;
  // Each example's calibrated probabilities, once: the decline tables and the sure-out-of-scope grid read them many times.
  const calibratedOf = new Map<(typeof oof)[number], number[]>();
  const calibrated = (o: (typeof oof)[number]): number[] => {
    const known = calibratedOf.get(o);
    if (known) return known;
    const max = Math.max(...o.logits.map((l) => l / temperature));
    const e = o.logits.map((l) => Math.exp(l / temperature - max));
    const s = e.reduce((a, c) => a + c, 0);
    const p = e.map((v) => v / s);
    // as classify decides: an excluded clause only with the lexicon's phrase for it (decline-evidence.ts)
    const out = NO_DECLINE_EVIDENCE ? p : withDeclinesOnEvidence(p, classes, lexRankingOf.get(o.id)!);
    calibratedOf.set(o, out);
    return out;
  };
  const none = classes.indexOf(NO_CLAUSE);
  if (OOF_OUT) fs.writeFileSync(OOF_OUT, JSON.stringify({ classes, temperature, oof: oof.map((o) => ({ id: o.id, real: o.real, language: o.language, y: o.y, p: calibrated(o) })) }));
  /** As classify decides: the best clause, never "no clause", and its probability. */
  const decision = (o: (typeof oof)[number]): { best: number; p: number } => {
    const p = calibrated(o).map((q, k) => (k === none ? -1 : q));
    const best = p.indexOf(Math.max(...p));
    return { best, p: p[best] };
  };
  // the best clause needs 0.6; a "no clause" example is right when nothing reaches it
  const rightAt06 = (o: (typeof oof)[number]): boolean => {
    const { best, p } = decision(o);
    return p >= 0.6 ? best === o.y : o.y === none;
  };
  // as the pipeline (and the bench) decides: an excluded clause the rules do not let it decline goes to triage too
  type Classification = RuleSet['classification'];
  const declines = (o: (typeof oof)[number], under: Classification): boolean => {
    const { best, p } = decision(o);
    return isExcludedClause(classes[best]) && mayDecline({ classification: under }, classes[best], { confidence: p, outOfScope: outOfScopeOf(calibrated(o), classes) });
  };
  const rightAsDecided = (o: (typeof oof)[number], under: Classification = rules.classification): boolean => {
    const { best, p } = decision(o);
    return p >= 0.6 && (!isExcludedClause(classes[best]) || declines(o, under)) ? best === o.y : o.y === none;
  };
  for (const real of [true, false]) {
    const part = oof.filter((o) => o.real === real);
    console.log(
      `out-of-fold on ${real ? 'real' : 'crafted'} dev as decided (decline thresholds of rules ${rules.version}): ${((100 * part.filter((o) => rightAsDecided(o)).length) / part.length).toFixed(1)}%`,
    );
    const perLanguage = [...new Set(part.map((o) => o.language))].sort().map((l) => {
      const lp = part.filter((o) => o.language === l);
      return `${l} ${((100 * lp.filter(rightAt06).length) / lp.length).toFixed(1)}% (${lp.length})`;
    });
    console.log(`out-of-fold on ${real ? 'real' : 'crafted'} dev: accuracy at 0.6 ${((100 * part.filter(rightAt06).length) / part.length).toFixed(1)}% (${part.length}); ${perLanguage.join(', ')}`);
  }
  // Reliability: how often the best clause is right at each confidence (calibrated means the two agree).
  for (const real of [true, false]) {
    const bins = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01].map((hi, i, a) => ({ lo: i ? a[i - 1] : 0, hi, n: 0, right: 0, p: 0 }));
    for (const o of oof.filter((x) => x.real === real)) {
      const { best, p } = decision(o);
      const bin = bins.find((b) => p < b.hi)!;
      bin.n++;
      bin.p += p;
      if (best === o.y) bin.right++;
    }
    const shown = bins
      .filter((b) => b.n)
      .map((b) => `[${b.lo.toFixed(1)},${Math.min(b.hi, 1).toFixed(1)}) n=${b.n} conf ${((100 * b.p) / b.n).toFixed(0)}% right ${((100 * b.right) / b.n).toFixed(0)}%`);
    console.log(`reliability on ${real ? 'real' : 'crafted'} dev (out of fold): ${shown.join('; ')}`);
  }
  // Where the real dev examples go out of fold (what to work on, without looking at a held-out side).
  const realOof = oof.filter((o) => o.real);
  const recall = classes
    .map((c, k) => {
      const gold = realOof.filter((o) => o.y === k);
      if (!gold.length) return '';
      const wrong = new Map<string, number>();
      for (const o of gold) {
        if (rightAt06(o)) continue;
        const { best, p } = decision(o);
        const to = p >= 0.6 ? classes[best] : '?';
        wrong.set(to, (wrong.get(to) ?? 0) + 1);
      }
      const off = [...wrong.entries()].map(([t, n]) => `${t}:${n}`).join(' ');
      return `${c} ${gold.length - [...wrong.values()].reduce((a, b) => a + b, 0)}/${gold.length}${off ? ` (${off})` : ''}`;
    })
    .filter(Boolean);
  console.log(`out-of-fold on real dev per clause: ${recall.join(', ')}`);
  if (MISSES) {
    const byId = new Map(usable.map((x) => [x.id, x]));
    for (const o of oof.filter((x) => (MISSES_LANGUAGE ? x.language === MISSES_LANGUAGE : x.real) && !rightAt06(x))) {
      const { best, p } = decision(o);
      const x = byId.get(o.id)!;
      console.log(`miss ${o.id} gold ${classes[o.y]} → ${classes[best]} ${p.toFixed(2)}: ${x.subject.slice(0, 70)} | ${x.description.replace(/\s+/g, ' ').slice(0, 160)}`);
    }
  }
  if (WRONG_DECLINES !== undefined) {
    const byId = new Map(usable.map((x) => [x.id, x]));
    for (const o of oof.filter((x) => x.real)) {
      const { best, p } = decision(o);
      if (!isExcludedClause(classes[best]) || p < WRONG_DECLINES || best === o.y) continue;
      const x = byId.get(o.id)!;
      console.log(`wrong decline ${o.id} gold ${classes[o.y]} → ${classes[best]} ${p.toFixed(3)}: ${x.subject.slice(0, 70)} | ${x.description.replace(/\s+/g, ' ').slice(0, 200)}`);
    }
  }
  // Decline thresholds: out-of-fold precision of automatic declines (excluded clauses) and wrongful declines, per tier.
  // The exclusions real traffic brings (at least COMMON_TIER real dev examples) are confused with one another and with
  // ours on real text; the rare ones (a training course, an incident investigation…) are almost never read on real text,
  // so a threshold set by the common ones' confusions says nothing about them. Each tier gets the rule's own pick.
  const realCount = new Map<string, number>();
  for (const o of oof) if (o.real) realCount.set(classes[o.y], (realCount.get(classes[o.y]) ?? 0) + 1);
  const excluded = classes.filter((c) => isExcludedClause(c));
  const [common, rare] = [true, false].map((isCommon) => ({
    name: isCommon ? 'common' : 'rare',
    rare: !isCommon,
    clauses: new Set(excluded.filter((c) => (realCount.get(c) ?? 0) >= COMMON_TIER === isCommon)),
  }));
  const declinesAt = (tier: Set<string>, t: number, real: boolean) => {
    const part = oof.filter((x) => x.real === real);
    let declines = 0;
    let right = 0;
    let wrongful = 0;
    for (const o of part) {
      const { best, p } = decision(o);
      if (!tier.has(classes[best]) || p < t) continue;
      declines++;
      if (best === o.y) right++;
      else if (isIncludedClause(classes[o.y])) wrongful++;
    }
    // the tier at t, the others at the rules' thresholds; no decline below them (the sure-out-of-scope rule is picked after)
    const thresholds = Object.fromEntries(excluded.map((c) => [c, tier.has(c) ? t : declineThresholdOf(rules, c)]));
    const accuracy = (100 * part.filter((o) => rightAsDecided(o, { ...rules.classification, declineThresholds: thresholds, sureOutOfScope: undefined })).length) / part.length;
    return { examples: part.length, declines, right, wrongful, accuracy };
  };
  // The rule (rules file, classification.declineThreshold and declineThresholds): per tier, the lowest threshold whose declines
  // out of fold cite the right clause at least 95 % of the time and decline at most 1 % of the requests wrongfully, on the
  // real and on the crafted dev side alike (a side without such declines says nothing). A decline always needs more than
  // the triage threshold (0.6): declining an included request costs more than a person's triage step.
  // The rare tier's evidence is crafted text, which the model reads far more surely than real text (the reliability tables
  // above): there no wrongful decline at all is allowed. (At 0.7 the model of 2026-12-04 declined "I have a virus. What do
  // you recommend? Or can you remove it for me?" as 4.2.3, and one crafted dev request wrongfully.)
  const holds = (d: ReturnType<typeof declinesAt>, rare: boolean) => d.declines === 0 || (d.right >= 0.95 * d.declines && d.wrongful <= (rare ? 0 : 0.01 * d.examples));
  /**
   * The sure-out-of-scope rule (rules file, classification.sureOutOfScope): under its clause's threshold, a decline may still be
   * made when the model is sure the problem is out of scope at all and sure enough of the clause. It is a new way to decline, so
   * it is held to the stricter standard: the declines it adds, out of fold, cite the right clause at least 95 % of the time and
   * decline no included request, on the real and on the crafted dev side. Of those, the one with the most right real decisions.
   */
  const pickSureOutOfScope = (): void => {
    const strict = { ...rules.classification, sureOutOfScope: undefined };
    const grid = [0.9, 0.85, 0.8, 0.75, 0.7].flatMap((confidence) => [0.995, 0.99, 0.985, 0.98, 0.97].map((outOfScope) => ({ confidence, outOfScope })));
    const rows = grid.map((sure) => {
      const under = { ...rules.classification, sureOutOfScope: sure };
      const side = (real: boolean) => {
        const part = oof.filter((o) => o.real === real);
        const added = part.filter((o) => declines(o, under) && !declines(o, strict));
        const right = added.filter((o) => decision(o).best === o.y).length;
        const wrongful = added.filter((o) => isIncludedClause(classes[o.y])).length;
        return { added: added.length, right, wrongful, rightDecisions: part.filter((o) => rightAsDecided(o, under)).length, examples: part.length };
      };
      return { sure, real: side(true), crafted: side(false) };
    });
    const holdsAdded = (d: (typeof rows)[number]['real']) => d.right >= 0.95 * d.added && d.wrongful === 0;
    console.log('sure out of scope (a decline under its threshold when the model is sure the problem is out of scope):');
    for (const { sure, real, crafted } of rows) {
      const shown = (d: typeof real) => `${d.added} added, ${d.right} right, wrongful ${d.wrongful}, as decided ${((100 * d.rightDecisions) / d.examples).toFixed(1)}%`;
      console.log(`  confidence ≥ ${sure.confidence}, out of scope ≥ ${sure.outOfScope}: real ${shown(real)}; crafted ${shown(crafted)}`);
    }
    const held = rows.filter((r) => holdsAdded(r.real) && holdsAdded(r.crafted));
    const pick = held.reduce<(typeof rows)[number] | undefined>((best, r) => (!best || r.real.rightDecisions > best.real.rightDecisions ? r : best), undefined)?.sure;
    console.log(
      `  the rule (added declines ≥ 95 % right, none wrongful, real and crafted dev out of fold; the most right real decisions) picks ${pick ? `confidence ${pick.confidence}, out of scope ${pick.outOfScope}` : 'none'}`,
    );
    const inRules = rules.classification.sureOutOfScope;
    if (inRules?.confidence !== pick?.confidence || inRules?.outOfScope !== pick?.outOfScope)
      console.log(`  ⚠ rules ${rules.version} say ${inRules ? JSON.stringify(inRules) : 'none'}: update classification.sureOutOfScope in config/rules`);
  };
  for (const tier of [common, rare]) {
    const table = [0.7, 0.75, 0.8, 0.85, 0.9, 0.92, 0.94, 0.95, 0.96, 0.97, 0.98].map((t) => ({ t, real: declinesAt(tier.clauses, t, true), crafted: declinesAt(tier.clauses, t, false) }));
    console.log(`${tier.name} exclusions (${tier.rare ? `fewer than ${COMMON_TIER}` : `${COMMON_TIER} or more`} real dev examples): ${[...tier.clauses].join(' ')}`);
    for (const { t, real, crafted } of table) {
      const shown = (name: string, d: typeof real) =>
        `${name} ${d.declines}, precision ${d.declines ? ((100 * d.right) / d.declines).toFixed(1) : '-'}%, wrongful ${d.wrongful}, accuracy as decided ${d.accuracy.toFixed(1)}%`;
      console.log(`  out-of-fold declines at ${t}: ${shown('real', real)}; ${shown('crafted', crafted)}`);
    }
    const ruled = table.find(({ real, crafted }) => holds(real, tier.rare) && holds(crafted, tier.rare))?.t;
    console.log(`  the decline rule (≥ 95 % right, ≤ 1 % wrongful (rare: none), real and crafted dev out of fold) picks ${ruled ?? 'none of the thresholds'} for the ${tier.name} exclusions`);
    // The rules file is where the pipeline reads the thresholds: say so when it no longer says what the rule picks.
    const differ = [...tier.clauses].filter((c) => declineThresholdOf(rules, c) !== ruled);
    if (differ.length)
      console.log(
        `  ⚠ rules ${rules.version} differ from the pick for ${differ.map((c) => `${c} (${declineThresholdOf(rules, c)})`).join(', ')}: update classification.declineThreshold(s) in config/rules`,
      );
  }
  pickSureOutOfScope();
  // How steady each threshold's decline precision is: resampling the real dev source groups (the point figure picked
  // 0.9, 0.96 and 0.92 as the corpus grew by a few per cent), its 5th percentile and median over 1,000 resamples.
  const groupOf = new Map(usable.map((x) => [x.id, x.group ?? x.id]));
  const realGroups = new Map<string, Array<{ excluded: boolean; p: number; right: boolean }>>();
  for (const o of oof.filter((x) => x.real)) {
    const { best, p } = decision(o);
    const g = groupOf.get(o.id)!;
    if (!realGroups.has(g)) realGroups.set(g, []);
    realGroups.get(g)!.push({ excluded: common.clauses.has(classes[best]), p, right: best === o.y });
  }
  const groups = [...realGroups.values()];
  let seed = 12345;
  const random = (): number => {
    // mulberry32: the same resamples on every run
    seed = (seed + 0x6d2b79f5) | 0;
    let r = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
  const resamples = Array.from({ length: 1000 }, () => Array.from({ length: groups.length }, () => groups[Math.floor(random() * groups.length)]));
  const steadiness = [0.85, 0.9, 0.92, 0.94, 0.95, 0.96, 0.97].map((t) => {
    const precisions = resamples
      .map((sample) => {
        let declines = 0;
        let right = 0;
        for (const group of sample)
          for (const d of group)
            if (d.excluded && d.p >= t) {
              declines++;
              if (d.right) right++;
            }
        return declines ? right / declines : 1;
      })
      .sort((a, b) => a - b);
    return `${t}: ${(100 * precisions[50]).toFixed(1)} / ${(100 * precisions[500]).toFixed(1)}%`;
  });
  console.log(`real decline precision of the common exclusions over resampled source groups (5th percentile / median): ${steadiness.join(', ')}`);
  if (DRY) return;
  const finalScale = scalesFrom(rows);
  const final = train(
    rows.map((r) => scaled(r, finalScale)),
    vocab.length,
    K,
    { lambda: LAMBDA, epochs: EPOCHS },
  );
  const weights: Record<string, Array<[number, number]>> = {};
  vocab.forEach((f, i) => {
    const pairs: Array<[number, number]> = [];
    for (let k = 0; k < K; k++) {
      const w = final.W[i * K + k] * (finalScale?.[i] ?? 1);
      if (Math.abs(w) >= PRUNE) pairs.push([k, Math.round(w * 1e4) / 1e4]);
    }
    if (pairs.length) weights[f] = pairs;
  });
  const bias = Array.from(final.b, (b) => Math.round(b * 1e4) / 1e4);
  // Named by what it computes (its weights), so a change of features or data is a new version on the timeline.
  const version = `${lexicon.version}-${fnv1a32(JSON.stringify({ classes, bias, temperature, weights })).toString(16)}`;
  const model = { version, lexiconVersion: lexicon.version, trainedOn: { examples: usable.length, rulesVersion }, classes, bias, temperature, weights };
  const file = path.join(path.dirname(findLexiconFile()), 'model.json');
  fs.writeFileSync(file, JSON.stringify(model) + '\n');
  console.log(
    `model ${version}: ${usable.length} examples (${usable.filter((x) => x.kind === 'real').length} real, ${usable.filter((x) => x.kind === 'crafted').length} crafted, ${usable.filter((x) => x.kind === 'agent').length} agent), ${vocab.length} features, ${K} classes, temperature ${temperature}, out-of-fold accuracy ${(100 * oofAccuracy).toFixed(1)}% → ${path.relative(process.cwd(), file)} (${(fs.statSync(file).size / 1024).toFixed(0)} KiB)`,
  );
}

main();
