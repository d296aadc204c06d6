import { Queue } from 'bullmq';
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { waitFor } from './wait';

const ROOT = join(__dirname, '../..');
export const ARTIFACTS = join(ROOT, 'test/artifacts');

/** Runs one app from the build (`node dist/apps/<app>/main.js`) as its own process, logging to test/artifacts. */
export function startAppProcess(app: string, env: Record<string, string>, tag = app): ChildProcess {
  const entry = join(ROOT, 'dist/apps', app, 'main.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first (npm test does)`);
  mkdirSync(ARTIFACTS, { recursive: true });
  const child = spawn(process.execPath, [entry], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = createWriteStream(join(ARTIFACTS, `${tag}.log`), { flags: 'a' });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return child;
}

/** Waits until an app process has its worker on `queue` (under `prefix`): it is ready to take jobs. */
export async function workerConnected(redisUrl: string, prefix: string, queue: string, app: string): Promise<void> {
  const probe = new Queue(queue, { connection: { url: redisUrl }, prefix });
  try {
    await waitFor(async () => (await probe.getWorkersCount()) > 0, `the ${app} worker to connect`, 30_000, 200);
  } finally {
    await probe.close();
  }
}

/** Ends a process and waits for it to be gone; answers its exit code and how long after the signal it went. */
export function stopProcess(child: ChildProcess | undefined, signal: NodeJS.Signals = 'SIGTERM'): Promise<{ code: number | null; afterMs: number }> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child?.exitCode ?? null, afterMs: 0 });
  const sent = Date.now();
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve({ code, afterMs: Date.now() - sent }));
    child.kill(signal);
  });
}
