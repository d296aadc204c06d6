#!/usr/bin/env node
/**
 * `npm run dev`: the whole system in one process, rebuilt and restarted on every change. The
 * TypeScript compiler and tsc-alias watch the sources; Node restarts the standalone app when the
 * build output changes (browser bundles: rerun `node scripts/build-client.mjs`).
 */
const { spawn } = require('node:child_process');
const { join } = require('node:path');

const root = join(__dirname, '..');
const bin = (name) => join(root, 'node_modules/.bin', name);
const run = (cmd, args) => spawn(cmd, args, { cwd: root, stdio: 'inherit' });

const children = [
  run(bin('tsc'), ['-p', 'tsconfig.build.json', '--watch', '--preserveWatchOutput']),
  run(bin('tsc-alias'), ['-p', 'tsconfig.build.json', '--watch']),
  run(process.execPath, ['--watch-path=dist/apps', '--watch-path=dist/libs', 'dist/apps/standalone/main.js']),
];
const stop = () => children.forEach((c) => c.kill('SIGTERM'));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
