/**
 * Apps as separate processes from the build (`node dist/apps/<app>/main.js`), as an operator
 * runs them: each logs to /tmp/<tag>.log.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { join } from 'node:path';

/** dist/ of the build this bench runs from (dist/bench/support → dist). */
const DIST = join(__dirname, '..', '..');

export function startApp(app: string, env: Record<string, string>, tag: string): ChildProcess {
  const entry = join(DIST, 'apps', app, 'main.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first`);
  const child = spawn(process.execPath, [entry], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = createWriteStream(`/tmp/${tag}.log`, { flags: 'a' });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return child;
}

/** Ends a process (SIGTERM: its workers finish their active jobs) and waits for it to be gone; SIGKILL after `graceMs`. */
export function stopApp(child: ChildProcess, graceMs = 15_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
