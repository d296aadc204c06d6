/**
 * Checks of the shape of any input before class-transformer sees it (HTTP bodies, query strings,
 * path parameters and queue job data alike):
 *
 * - no string (value or key) holds a NUL byte or a lone UTF-16 surrogate: PostgreSQL refuses NUL
 *   in text ("invalid byte sequence for encoding UTF8: 0x00", a 500), and SQLite would store a lone
 *   surrogate as invalid UTF-8;
 * - no key is `__proto__`, `constructor` or `prototype` (class-transformer drops them silently;
 *   they are refused by name instead);
 * - nesting is at most `maxDepth` levels (class-transformer recurses: 5,000 levels overflow its
 *   stack) and the whole value holds at most `maxNodes` keys and array items.
 *
 * The walk is iterative and stops at the limits, so no input can make it deep or long.
 */
export interface ShapeLimits {
  /** Levels of objects/arrays, the outermost being 1. */
  maxDepth: number;
  /** Keys and array items in all. */
  maxNodes: number;
}

export const DEFAULT_SHAPE_LIMITS: ShapeLimits = { maxDepth: 8, maxNodes: 5000 };

export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

// With the `u` flag a well-formed surrogate pair is one code point, so this finds lone halves only.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** Why a string may not be stored, or null when it may. */
export function stringProblem(value: string): string | null {
  if (value.includes('\u0000')) return 'must not contain NUL bytes (U+0000)';
  if (LONE_SURROGATE.test(value)) return 'must not contain lone UTF-16 surrogates (not valid Unicode text)';
  return null;
}

/** A key shown in a field path: printable, whatever it holds. */
export function shownKey(key: string): string {
  // eslint-disable-next-line no-control-regex
  const printable = key.replace(/[\u0000-\u001f\u007f]|[\uD800-\uDFFF]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return printable.length > 64 ? `${printable.slice(0, 61)}...` : printable;
}

export interface ShapeProblem {
  field: string;
  message: string;
  /** 413 when the input is too big, else 400. */
  status: 400 | 413;
}

const MAX_REPORTED = 20;

/** Every problem of the input's shape ([] when fine), at most 20; a size problem comes alone. */
export function shapeProblems(data: unknown, limits: ShapeLimits = DEFAULT_SHAPE_LIMITS, root = '(body)'): ShapeProblem[] {
  const problems: ShapeProblem[] = [];
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value: data, path: '', depth: 0 }];
  let nodes = 0;
  while (stack.length > 0 && problems.length < MAX_REPORTED) {
    const { value, path, depth } = stack.pop() as { value: unknown; path: string; depth: number };
    const field = path || root;
    if (typeof value === 'string') {
      const problem = stringProblem(value);
      if (problem) problems.push({ field, message: `${field} ${problem}`, status: 400 });
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth + 1 > limits.maxDepth) {
      problems.push({ field, message: `${field} is nested too deeply: at most ${limits.maxDepth} levels of objects and arrays`, status: 400 });
      continue;
    }
    const entries: Array<[string, unknown]> = Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.keys(value).map((k) => [k, (value as Record<string, unknown>)[k]]);
    nodes += entries.length;
    if (nodes > limits.maxNodes) return [{ field: root, message: `${root} holds more than ${limits.maxNodes} keys and array items`, status: 413 }];
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i];
      const childPath = path ? `${path}.${shownKey(key)}` : shownKey(key);
      if (!Array.isArray(value)) {
        if (FORBIDDEN_KEYS.has(key)) {
          problems.push({ field: childPath, message: `property ${shownKey(key)} is not allowed`, status: 400 });
          continue;
        }
        const keyProblem = stringProblem(key);
        if (keyProblem) {
          problems.push({ field: childPath, message: `the key ${keyProblem}`, status: 400 });
          continue;
        }
      }
      stack.push({ value: child, path: childPath, depth: depth + 1 });
    }
  }
  return problems;
}
