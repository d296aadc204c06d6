import { randomBytes } from 'node:crypto';
import { DEFAULT_DATABASE_URL } from '@support/persistence';
import { DEFAULT_REDIS_URL } from '@support/messaging';

export const SETTINGS = Symbol('SETTINGS');

/** Everything a process is configured with (CONTRACT.md, "Running it"), read once from the environment. */
export interface Settings {
  redisUrl: string;
  databaseUrl: string;
  queuePrefix: string;
  port: number;
  adminApiKey: string | null;
  production: boolean;
  /** Jobs one worker handles at once, per stage queue. */
  concurrency: number;
  /** How long a request may sit in a pipeline status before the sweeper re-emits its job. */
  stuckAfterMs: number;
  sweepEveryMs: number;
  logLevel: string;
}

const int = (value: string | undefined, fallback: number, name: string): number => {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number (got "${value}")`);
  return n;
};

export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env, portVariable = 'PORT'): Settings {
  const production = env.NODE_ENV === 'production';
  return {
    redisUrl: env.REDIS_URL || DEFAULT_REDIS_URL,
    databaseUrl: env.DATABASE_URL || DEFAULT_DATABASE_URL,
    queuePrefix: env.QUEUE_PREFIX || 'support',
    port: int(env[portVariable] ?? env.PORT, 3000, portVariable),
    adminApiKey: env.ADMIN_API_KEY || null,
    production,
    concurrency: int(env.WORKER_CONCURRENCY, 8, 'WORKER_CONCURRENCY'),
    stuckAfterMs: int(env.STUCK_AFTER_MS, 30_000, 'STUCK_AFTER_MS'),
    sweepEveryMs: int(env.SWEEP_EVERY_MS, 15_000, 'SWEEP_EVERY_MS'),
    logLevel: env.LOG_LEVEL || (production ? 'info' : 'info'),
  };
}

/** A fresh random secret, e.g. for keys. */
export const randomSecret = (bytes = 32) => randomBytes(bytes).toString('base64url');
