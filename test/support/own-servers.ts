import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import IORedis from 'ioredis';
import { Client } from 'pg';
import { waitFor } from './wait';

/**
 * Servers of a test's own, to take down and bring back: never the shared Redis (6379) or
 * PostgreSQL (5432) other tests and people use. Each listens on a free loopback port and keeps
 * its data in a temporary directory that stop({ remove: true }) deletes.
 */

/** A free TCP port on 127.0.0.1 (the OS picks it; it is free again when this returns). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface OwnRedis {
  url: string;
  /** Starts (again) on the same port and data directory: what was written before the stop is back (AOF). */
  start(): Promise<void>;
  /** SIGTERM and wait for the process to be gone. */
  stop(): Promise<void>;
  /** Stops it and deletes its directory. */
  remove(): Promise<void>;
}

/** A redis-server of the test's own, with an append-only file fsynced on every write. */
export async function ownRedis(): Promise<OwnRedis> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'own-redis-'));
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  const ping = async () => {
    const client = new IORedis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => undefined);
    try {
      await client.connect();
      return (await client.ping()) === 'PONG';
    } finally {
      client.disconnect();
    }
  };
  const self: OwnRedis = {
    url,
    async start() {
      // Already running: starting again would spawn a second server that fails to bind, and lose this one's handle.
      if (child && child.exitCode === null && child.signalCode === null) return;
      child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--appendfsync', 'always', '--save', ''], {
        stdio: 'ignore',
      });
      const started = child;
      await waitFor(async () => started.exitCode === null && (await ping()), `redis-server on port ${port}`, 10_000, 50).catch((error) => {
        started.kill('SIGKILL');
        throw error;
      });
    },
    async stop() {
      const running = child;
      child = null;
      if (!running || running.exitCode !== null || running.signalCode !== null) return;
      await new Promise<void>((resolve) => {
        running.once('exit', () => resolve());
        running.kill('SIGTERM');
      });
    },
    async remove() {
      await self.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await self.start();
  return self;
}

const PG_BIN = '/usr/lib/postgresql/15/bin';

export interface OwnPostgres {
  /** The admin URL (database postgres). */
  url: string;
  /** A URL for another database of this cluster. */
  database(name: string): string;
  start(): Promise<void>;
  /** `pg_ctl stop -m fast`: connections are ended, new ones refused. */
  stop(): Promise<void>;
  remove(): Promise<void>;
}

/**
 * A PostgreSQL cluster of the test's own (initdb + pg_ctl, trust auth, loopback only). initdb and
 * the server refuse to run as root, so they run as the `postgres` user when the test is root.
 */
export async function ownPostgres(): Promise<OwnPostgres> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'own-pg-'));
  const data = join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  const pgUser = asRoot ? Number(execFileSync('id', ['-u', 'postgres']).toString().trim()) : null;
  if (pgUser !== null) {
    chownSync(dir, pgUser, Number(execFileSync('id', ['-g', 'postgres']).toString().trim()));
    chmodSync(dir, 0o700);
  }
  const run = (command: string, args: string[]) =>
    execFileSync(asRoot ? 'runuser' : join(PG_BIN, command), asRoot ? ['-u', 'postgres', '--', join(PG_BIN, command), ...args] : args, { stdio: 'pipe', cwd: dir });
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const self: OwnPostgres = {
    url,
    database: (name) => url.replace(/\/postgres$/, `/${name}`),
    async start() {
      const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off -c max_connections=40`;
      run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-o', options, '-w', 'start']);
      await waitFor(
        async () => {
          const c = new Client({ connectionString: url });
          try {
            await c.connect();
            return true;
          } finally {
            await c.end().catch(() => undefined);
          }
        },
        `postgres on port ${port}`,
        15_000,
      );
    },
    async stop() {
      run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
    },
    async remove() {
      try {
        await self.stop();
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await self.start();
  return self;
}
