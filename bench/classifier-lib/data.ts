/**
 * Loads the classifier benchmark's labelled sets: real-world messages (bench/classifier/real/*.jsonl,
 * split by source group), crafted examples (the files `loadCrafted` lists; their own `split` field says
 * which side each line is on) and, when present, agent-labelled examples (agent-labelled.jsonl).
 * Shared by the bench and the training script.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Language } from '../../libs/domain/src/classification';

export type Kind = 'real' | 'crafted' | 'agent';

export interface Example {
  id: string;
  kind: Kind;
  language: Language;
  subject: string;
  description: string;
  topic?: string;
  /** one clause per problem; empty = cannot be placed (triage) */
  gold: string[];
  caveats: string[];
  split: 'dev' | 'heldout';
  source?: string;
  group?: string;
  rulesVersion?: string;
}

/** Walk up from here to the folder holding bench/classifier (works from dist/ and from the sources). */
export function benchDir(): string {
  const rel = path.join('bench', 'classifier');
  for (let dir = path.resolve(__dirname); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, rel, 'dataset.jsonl');
    if (fs.existsSync(candidate)) return path.join(dir, rel);
    if (path.dirname(dir) === dir) break;
  }
  const fromCwd = path.resolve(process.cwd(), rel);
  if (fs.existsSync(path.join(fromCwd, 'dataset.jsonl'))) return fromCwd;
  throw new Error(`${rel}/dataset.jsonl not found above ${__dirname} or in ${process.cwd()}`);
}

export function readJsonl(file: string): Record<string, any>[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      try {
        return JSON.parse(l);
      } catch {
        throw new Error(`${file}:${i + 1}: not JSON`);
      }
    });
}

/** FNV-1a 32-bit: the once-and-for-all split rule of the real corpus (held-out iff hash % 3 == 0). */
export function fnv1a32(text: string): number {
  let h = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export const splitOfGroup = (group: string): 'dev' | 'heldout' => (fnv1a32(group) % 3 === 0 ? 'heldout' : 'dev');

function toExample(x: Record<string, any>, kind: Kind, where: string): Example {
  if (!x.id || !Array.isArray(x.gold) || (x.split !== 'dev' && x.split !== 'heldout')) throw new Error(`${where}: bad example ${JSON.stringify(x).slice(0, 80)}`);
  return {
    id: x.id,
    kind,
    language: x.language,
    subject: x.subject ?? '',
    description: x.description ?? '',
    topic: x.topic,
    gold: x.gold,
    caveats: x.caveats ?? [],
    split: x.split,
    source: x.source,
    group: x.group,
    rulesVersion: x.rulesVersion,
  };
}

export function loadReal(dir = benchDir()): Example[] {
  const realDir = path.join(dir, 'real');
  const files = fs.existsSync(realDir) ? fs.readdirSync(realDir).filter((f) => f.endsWith('.jsonl')) : [];
  return files.flatMap((f) =>
    readJsonl(path.join(realDir, f)).map((x) => {
      const ex = toExample(x, 'real', f);
      // The split is fixed by the source group; a line moved by hand would leak held-out wording into tuning.
      if (!ex.group || splitOfGroup(ex.group) !== ex.split) throw new Error(`${f}: ${ex.id} is on the wrong side of the split for group ${ex.group}`);
      return ex;
    }),
  );
}

export function loadCrafted(dir = benchDir()): Example[] {
  return [
    'dataset.jsonl',
    'crafted-baltic.jsonl',
    'crafted-none.jsonl',
    'crafted-none-more.jsonl',
    'crafted-ru-more.jsonl',
    'crafted-en-more.jsonl',
    'crafted-baltic-more.jsonl',
    'crafted-ru-extra.jsonl',
    'crafted-decline.jsonl',
    'crafted-heldout-b.jsonl',
    'crafted-ru-dev-c.jsonl',
    'crafted-baltic-dev-c.jsonl',
    'crafted-baltic-dev-d.jsonl',
    'crafted-howto-third-party.jsonl',
    'crafted-training-howto.jsonl',
    'crafted-en-dev-e.jsonl',
    'crafted-ru-dev-e.jsonl',
    'crafted-et-dev-e.jsonl',
    'crafted-lv-dev-e.jsonl',
    'crafted-spot-dev-f.jsonl',
    'crafted-ru-dev-g.jsonl',
    'crafted-et-dev-g.jsonl',
    'crafted-ru-dev-i.jsonl',
    'crafted-et-dev-i.jsonl',
    'crafted-ru-et-dev-k.jsonl',
    'crafted-baltic-dev-j.jsonl',
  ]
    .map((f) => path.join(dir, f))
    .filter((f) => fs.existsSync(f))
    .flatMap((f) => readJsonl(f).map((x) => toExample(x, 'crafted', path.basename(f))));
}

/** Agent-labelled examples (optional file); each carries the rules version it was labelled under. */
export function loadAgent(dir = benchDir()): Example[] {
  const f = path.join(dir, 'agent-labelled.jsonl');
  if (!fs.existsSync(f)) return [];
  return readJsonl(f).map((x) => {
    if (typeof x.rulesVersion !== 'string') throw new Error(`agent-labelled.jsonl: ${x.id} has no rulesVersion`);
    return toExample({ split: 'dev', ...x }, 'agent', 'agent-labelled.jsonl');
  });
}
