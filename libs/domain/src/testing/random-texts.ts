/**
 * Texts drawn from a few characters, with a fixed seed (the same texts on every run): for checking that a rewritten text
 * function answers as the one it replaced, on the strings where the two could differ.
 */
export function randomTexts(alphabet: readonly string[], count: number, maxLength: number, seed = 1): string[] {
  // mulberry32: small, fast, and the same sequence everywhere
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: count }, () => Array.from({ length: Math.floor(next() * (maxLength + 1)) }, () => alphabet[Math.floor(next() * alphabet.length)]).join(''));
}
