import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The project folder (the one with package.json), found from this file in src/ or in dist/. */
export function repoRoot(from = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}`);
    dir = parent;
  }
  return dir;
}
