/**
 * Command-line flags of a bench: `--name value` or `--name=value`, each with a default that
 * also fixes its kind (a number ≥ 0, one of a list of words, or any text such as a file name). Unknown flags are refused.
 */
export type FlagSpec = Record<string, number | string | readonly string[]>;
export type Flags<S extends FlagSpec> = { [K in keyof S]: S[K] extends number ? number : S[K] extends string ? string : S[K] extends readonly (infer W)[] ? W : never };

export function parseFlags<S extends FlagSpec>(argv: string[], spec: S, usage: string): Flags<S> {
  const out: Record<string, number | string> = {};
  for (const [name, kind] of Object.entries(spec)) out[name] = typeof kind === 'number' || typeof kind === 'string' ? kind : kind[0];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--help' || argv[i] === '-h') {
      console.log(usage);
      process.exit(0);
    }
    const [flag, inline] = argv[i].split('=', 2);
    const name = flag.replace(/^--/, '');
    const kind = spec[name];
    if (!flag.startsWith('--') || kind === undefined) throw new Error(`unknown argument ${argv[i]} (try --help)`);
    const value = inline ?? argv[++i];
    if (typeof kind === 'number') {
      const n = Number(value);
      if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} wants a number ≥ 0`);
      out[name] = n;
    } else if (typeof kind === 'string') {
      if (!value) throw new Error(`--${name} wants a value`);
      out[name] = value;
    } else {
      if (!kind.includes(value)) throw new Error(`--${name} wants ${kind.join(' or ')}`);
      out[name] = value;
    }
  }
  return out as Flags<S>;
}
