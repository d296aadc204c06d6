#!/usr/bin/env node
/**
 * Bundles the pages' browser code (TypeScript and CSS under apps/<app>/src/**\/client) with
 * esbuild into dist/client/, where the servers read it (libs/platform/src/http/client-bundle.ts).
 * `npm run build` runs this after tsc; type checking of the client code is `npm run lint:types`
 * (tsconfig.client.json, with the DOM lib), esbuild only strips the types.
 */
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** [output name under dist/client, without extension; entry file]: a page's script and its stylesheet share a name. */
const entries = [
  ['desk/app', 'apps/agent-desk/src/desk/client/main.ts'],
  ['desk/app', 'apps/agent-desk/src/desk/client/desk.css'],
  ['surveys/survey', 'apps/feedback-survey/src/pages/client/survey.css'],
  ['surveys/csat-report', 'apps/feedback-survey/src/pages/client/csat-report.ts'],
  ['surveys/csat-report', 'apps/feedback-survey/src/pages/client/csat-report.css'],
  ['portal/app', 'apps/portal/src/client/main.ts'],
  ['portal/app', 'apps/portal/src/client/portal.css'],
  ['outbox/outbox', 'apps/notifier/src/catcher/client/outbox.css'],
];

const started = Date.now();
const result = await build({
  absWorkingDir: root,
  entryPoints: entries.map(([out, entry]) => ({ in: entry, out })),
  outdir: 'dist/client',
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
  tsconfig: 'tsconfig.client.json',
  charset: 'utf8',
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
});
const files = Object.keys(result.metafile.outputs).map((f) => f.replace(/^dist\/client\//, ''));
console.log(`client bundles: ${files.join(', ')} in dist/client (${Date.now() - started} ms)`);
