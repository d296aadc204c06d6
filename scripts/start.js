#!/usr/bin/env node
/**
 * `npm start`: builds when the sources are newer than the build, then runs every app in one
 * process (apps/standalone) on PORT with migrations and, on an empty database, the demo seed.
 */
const { execSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const entry = join(root, 'dist/apps/standalone/main.js');

function newestSource(dir) {
  let newest = 0;
  for (const name of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, name.name);
    if (name.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.(ts|css)$/.test(name.name)) newest = Math.max(newest, statSync(path).mtimeMs); // .css: the pages' client styles
  }
  return newest;
}

const stale = !existsSync(entry) || !existsSync(join(root, 'dist/client')) || ['apps', 'libs'].some((d) => newestSource(join(root, d)) > statSync(entry).mtimeMs);
if (stale) {
  console.log('Building (sources changed since the last build)...');
  execSync('npm run build', { cwd: root, stdio: 'inherit' });
}
// The demo receives mail too (CONTRACT.md, "Reaching people"); an empty INBOUND_SMTP_PORT turns it off.
if (process.env.INBOUND_SMTP_PORT === undefined) process.env.INBOUND_SMTP_PORT = '2525';
require(entry);
