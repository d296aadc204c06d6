import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

/**
 * The pages' browser code is TypeScript under apps/<app>/src/**\/client, bundled by esbuild at
 * build time (`npm run build` runs scripts/build-client.mjs) into dist/client/. The server finds
 * that folder from the project root, which is the nearest folder above this file holding
 * package.json: the same whether it runs compiled (node dist/apps/...; this file is then in
 * dist/libs/...) or from source under ts-jest (the e2e tests), so both serve the one bundle.
 */
export const CLIENT_OUT_DIR = join('dist', 'client');

export function projectRoot(from: string = __dirname): string | null {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return null;
  }
}

/** Where the bundled client files are (`<root>/dist/client`). */
export function clientDir(from: string = __dirname): string {
  const root = projectRoot(from);
  if (!root) throw new Error(`Cannot find the project root (a folder with package.json) above ${from}, so not the browser bundles in ${CLIENT_OUT_DIR} either.`);
  return join(root, CLIENT_OUT_DIR);
}

/**
 * Reads one bundled client file (`desk/app.js`, …) once, at start: a missing bundle stops the
 * process with a message saying how to make it, instead of serving a page without its script.
 */
export function readClientFile(name: string, dir: string = clientDir()): string {
  const path = join(dir, name);
  if (!existsSync(path)) {
    const shown = path.startsWith(process.cwd() + sep) ? relative(process.cwd(), path) : path;
    throw new Error(
      `The browser bundle ${shown} is missing. Run \`npm run build\` (it bundles the pages' client code under apps/*/src/**/client with esbuild, scripts/build-client.mjs, into ${CLIENT_OUT_DIR}/).`,
    );
  }
  return readFileSync(path, 'utf8');
}
