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
  /** An agent's claim on a request lasts this long unless renewed. */
  leaseMs: number;
  /** Waiting for the customer: a reminder after this long, then the request closes (4.4.5, [cooperation]). */
  reminderAfterMs: number;
  autoCloseAfterMs: number;
  /** A customer writing within this long after resolution reopens the request. */
  reopenWindowMs: number;
  /** How often the SLA sweeper looks for alarms that should have fired (a lost or failed alarm job). */
  slaSweepEveryMs: number;
  /** The survey policy file (default config/surveys/policy.json). */
  surveyPolicyFile: string | null;
  /** Where customers reach this deployment's pages (survey links); default http://localhost:<port>. */
  publicUrl: string;
}

const int = (value: string | undefined, fallback: number, name: string): number => {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number (got "${value}")`);
  return n;
};

const DAY = 24 * 3600_000;

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
    logLevel: env.LOG_LEVEL || 'info',
    leaseMs: int(env.LEASE_MS, 5 * 60_000, 'LEASE_MS'),
    reminderAfterMs: int(env.REMINDER_AFTER_MS, 3 * DAY, 'REMINDER_AFTER_MS'),
    autoCloseAfterMs: int(env.AUTO_CLOSE_AFTER_MS, 7 * DAY, 'AUTO_CLOSE_AFTER_MS'),
    reopenWindowMs: int(env.REOPEN_WINDOW_MS, 14 * DAY, 'REOPEN_WINDOW_MS'),
    slaSweepEveryMs: Math.max(100, int(env.SLA_SWEEP_EVERY_MS, 30_000, 'SLA_SWEEP_EVERY_MS')),
    surveyPolicyFile: env.SURVEY_POLICY_FILE || null,
    publicUrl: (env.PUBLIC_URL || `http://localhost:${int(env[portVariable] ?? env.PORT, 3000, portVariable)}`).replace(/\/+$/, ''),
  };
}

/** A fresh random secret, e.g. for keys. */
export const randomSecret = (bytes = 32) => randomBytes(bytes).toString('base64url');
