import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { databaseKind, DEFAULT_DATABASE_POOL_SIZE, DEFAULT_DATABASE_URL } from '@support/persistence';
import { DEFAULT_REDIS_URL, parseRedisUrl } from '@support/messaging';
import { repoRoot } from './reference/repo-root';

export const SETTINGS = Symbol('SETTINGS');

/**
 * Everything a process is configured with (README, "Configuration"), read once from the
 * environment by settingsFromEnv. Nothing else reads the environment: modules get this object.
 */
export interface Settings {
  redisUrl: string;
  databaseUrl: string;
  /** Connections in the PostgreSQL pool of one process. */
  databasePoolSize: number;
  queuePrefix: string;
  port: number;
  adminApiKey: string | null;
  /** Load the demo seed into an empty database (standalone only): not in production, not with DEMO_SEED=off. */
  demoSeed: boolean;
  /** Jobs one worker handles at once, per stage queue. */
  concurrency: number;
  /** A stage job's lock, renewed while it runs: a killed worker's jobs are taken over after it lapses. */
  workerLockMs: number;
  /** A stage worker with room that starts no job for this long while its queue holds ready ones is stalled (/health: 503). */
  workerStallMs: number;
  /** On SIGTERM/SIGINT, how long the process may take to finish its active jobs and close before it exits anyway. */
  shutdownGraceMs: number;
  /** A failed Redis command's error shows where it was sent from (ioredis' showFriendlyErrorStack: a stack captured per command; for diagnosing). */
  redisErrorStacks: boolean;
  /** How long a request must be unchanged before the reconciler compares it with what Redis holds. */
  stuckAfterMs: number;
  /** How often the survey sweeper looks for lost alarms and expired links. */
  sweepEveryMs: number;
  /** How often the reconciler compares the database with Redis (and each process checks its job schedulers). */
  reconcileEveryMs: number;
  /** How often the reconciler retries a pipeline request's failed stage job before moving the request aside. */
  reconcileRetries: number;
  logLevel: string;
  /** Signs customer and survey tokens; null: a secret made once and kept in the database. */
  tokenSecret: string | null;
  /** Former signing secrets, newest first: tokens they signed still verify until they expire (key rotation). */
  tokenSecretsPrevious: string[];
  /** How long a customer token reads and answers its request, counted from the request's receipt. */
  customerTokenTtlMs: number;
  /** Where the rules versions are read from. */
  rulesDir: string;
  /** How long products, teams, calendars and SLA plans are cached per process. */
  referenceCacheMs: number;
  /** An agent's claim on a request lasts this long unless renewed. */
  leaseMs: number;
  /** Waiting for the customer: a reminder after this long, then the request closes (4.4.5, [cooperation]). */
  reminderAfterMs: number;
  /** How long a request held for its agent (after a customer reply) waits before it goes to the team queue (a team's returnToTeamAfterMs overrides). */
  returnToTeamAfterMs: number;
  autoCloseAfterMs: number;
  /** A customer writing within this long after resolution reopens the request. */
  reopenWindowMs: number;
  /** How often the SLA sweeper looks for alarms that should have fired (a lost or failed alarm job). */
  slaSweepEveryMs: number;
  /** The survey policy file (default config/surveys/policy.json). */
  surveyPolicyFile: string | null;
  /** Where customers reach this deployment's pages (survey links); default http://localhost:<port>. */
  publicUrl: string;
  /** Outgoing mail (SMTP_URL): null means no SMTP server is configured (the demo then runs its own catcher, see /admin/outbox). */
  smtpUrl: string | null;
  /** The sender of every mail (MAIL_FROM). */
  mailFrom: string;
  /** The domain of the support address and of the per-request reply addresses (support+<token>@MAIL_DOMAIN). */
  mailDomain: string;
  /** The port of the SMTP receiver for incoming mail; null: no receiver. */
  inboundSmtpPort: number | null;
  /** The first retry of a mail that could not be sent waits this long; each next one twice as long (MAIL_RETRY_MS). */
  mailRetryMs: number;
  /** Rate limits (0 = off), each counted in fixed windows of rateLimitWindowMs and shared through Redis by every process. */
  rateLimits: RateLimitSettings;
  /** Outgoing webhooks (README, "Webhooks"). */
  webhooks: WebhookSettings;
}

export interface WebhookSettings {
  /** One attempt waits this long for the receiver's answer. */
  timeoutMs: number;
  /** The retry schedule: the first wait, doubling up to maxDelayMs, for retryForMs after the first attempt. */
  retryFirstDelayMs: number;
  retryMaxDelayMs: number;
  retryForMs: number;
  /** A subscription is disabled after this many deliveries in a row failed for good (each after its whole retry schedule). */
  disableAfterFailures: number;
  /** Deliver to loopback and private addresses (refused by default in production: SSRF). */
  allowPrivateTargets: boolean;
  /** How often the webhook sweeper re-queues pending deliveries whose job was lost. */
  sweepEveryMs: number;
}

export interface RateLimitSettings {
  /** The window every limit is counted in; past a limit, calls are 429 for the rest of the window. */
  windowMs: number;
  /** Failed authentications per presented key (hashed) and per client IP in one window. */
  authFailures: number;
  /** Submissions (POST /v1/requests and /v1/triage/preview) per producer in one window. */
  submissions: number;
  /** Calls to the public routes (pages, their assets, survey answers) per client IP in one window; not /health or /metrics. */
  publicPerIp: number;
}

/** Every bad variable at once, in one line: `invalid settings: A ...; B ...`. */
export class InvalidSettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid settings: ${problems.join('; ')}`);
    this.name = 'InvalidSettingsError';
  }
}

const DAY = 24 * 3600_000;
/** HS256 wants a key of at least 256 bits; a generated secret is 43 characters. */
export const MIN_SECRET_LENGTH = 32;
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export type Environment = Record<string, string | undefined>;

/**
 * Reads and validates every variable the processes know. A bad value is not replaced by its
 * default: all of them are named in one InvalidSettingsError. `portVariable` is the app's own
 * port variable (INTAKE_PORT, ...), which falls back to PORT.
 */
export function settingsFromEnv(env: Environment = process.env, portVariable = 'PORT'): Settings {
  const problems: string[] = [];
  const given = (name: string): string | undefined => (env[name] === '' ? undefined : env[name]);
  // A URL's password is not repeated in the message, nor is a secret.
  const bad = (name: string, want: string, value: string) =>
    problems.push(`${name} ${want} (got ${/SECRET/.test(name) ? `${value.length} characters` : `'${value.replace(/\/\/([^:@/]*):([^@/]*)@/, '//$1:***@')}'`})`);
  const integer = (name: string, fallback: number, min: 0 | 1, max = Number.MAX_SAFE_INTEGER): number => {
    const value = given(name);
    if (value === undefined) return fallback;
    const n = Number(value);
    if (/^\d+$/.test(value.trim()) && Number.isSafeInteger(n) && n >= min && n <= max) return n;
    bad(name, max < Number.MAX_SAFE_INTEGER ? `must be an integer from ${min} to ${max}` : min === 1 ? 'must be a positive integer' : 'must be a whole number', value);
    return fallback;
  };
  const checked = <T>(name: string, fallback: T, check: (value: string) => T): T => {
    const value = given(name);
    if (value === undefined) return fallback;
    try {
      return check(value);
    } catch (error) {
      bad(name, (error as Error).message, value);
      return fallback;
    }
  };
  const want = (ok: boolean, message: string) => {
    if (!ok) throw new Error(message);
  };

  const parses = (parse: (v: string) => unknown, message: string) => (v: string) => {
    try {
      parse(v);
    } catch {
      want(false, message);
    }
    return v;
  };
  const redisUrl = checked('REDIS_URL', DEFAULT_REDIS_URL, parses(parseRedisUrl, 'must be redis://host:port, rediss://host:port or redis+cluster://host:port,host:port'));
  const databaseUrl = checked('DATABASE_URL', DEFAULT_DATABASE_URL, parses(databaseKind, 'must start with sqlite: or postgres://'));
  const portName = given(portVariable) !== undefined ? portVariable : 'PORT';
  const port = integer(portName, 3000, 0, 65535);
  const rulesDir = checked('RULES_DIR', join(repoRoot(), 'config', 'rules'), (v) => {
    want(existsSync(v) && statSync(v).isDirectory(), 'must be a directory');
    return v;
  });
  const surveyPolicyFile = checked('SURVEY_POLICY_FILE', null, (v) => {
    want(existsSync(v) && statSync(v).isFile(), 'must be a file');
    return v;
  });
  const publicUrl = checked('PUBLIC_URL', `http://localhost:${port}`, (v) => {
    let url: URL | null = null;
    try {
      url = new URL(v);
    } catch {
      // reported below
    }
    want(url !== null && (url.protocol === 'http:' || url.protocol === 'https:'), 'must be an http:// or https:// URL');
    return v;
  }).replace(/\/+$/, '');
  const logLevel = checked('LOG_LEVEL', 'info', (v) => {
    want(LOG_LEVELS.includes(v), `must be one of ${LOG_LEVELS.join(', ')}`);
    return v;
  });
  const secret = (v: string) => {
    want(v.length >= MIN_SECRET_LENGTH, `must be at least ${MIN_SECRET_LENGTH} characters`);
    return v;
  };
  const tokenSecret = checked('TOKEN_SECRET', null, secret);
  // A comma-separated list; secrets are not repeated in the message.
  const tokenSecretsPrevious = checked('TOKEN_SECRETS_PREVIOUS', [] as string[], (v) => {
    const list = v
      .split(',')
      .map((x) => x.trim())
      .filter((x) => x !== '');
    want(
      list.every((x) => x.length >= MIN_SECRET_LENGTH),
      `must be a comma-separated list of secrets of at least ${MIN_SECRET_LENGTH} characters each`,
    );
    return list;
  });
  const onOff = (name: string, fallback: boolean): boolean =>
    checked(name, fallback, (v) => {
      want(v === 'on' || v === 'off', 'must be on or off');
      return v === 'on';
    });
  const demoSeed = onOff('DEMO_SEED', true);
  const redisErrorStacks = onOff('REDIS_ERROR_STACKS', false);

  const smtpUrl = checked('SMTP_URL', null, (v) => {
    want(/^smtps?:\/\/[^/]/.test(v), 'must be smtp://[user:pass@]host:port or smtps://...');
    return v;
  });
  const mailDomain = checked('MAIL_DOMAIN', 'localhost', (v) => {
    want(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i.test(v), 'must be a domain name');
    return v.toLowerCase();
  });
  const inboundSmtpPort = given('INBOUND_SMTP_PORT') === undefined ? null : integer('INBOUND_SMTP_PORT', 0, 0, 65535);
  const privateTargets = checked('WEBHOOK_PRIVATE_TARGETS', env.NODE_ENV === 'production' ? 'refuse' : 'allow', (v) => {
    want(v === 'allow' || v === 'refuse', 'must be allow or refuse');
    return v;
  });

  const settings: Settings = {
    redisUrl,
    databaseUrl,
    databasePoolSize: integer('DATABASE_POOL_SIZE', DEFAULT_DATABASE_POOL_SIZE, 1),
    queuePrefix: given('QUEUE_PREFIX') ?? 'support',
    port,
    adminApiKey: given('ADMIN_API_KEY') ?? null,
    demoSeed: env.NODE_ENV !== 'production' && demoSeed,
    concurrency: integer('WORKER_CONCURRENCY', 8, 1),
    workerLockMs: integer('WORKER_LOCK_MS', 30_000, 1),
    workerStallMs: integer('WORKER_STALL_MS', 60_000, 1),
    shutdownGraceMs: integer('SHUTDOWN_GRACE_MS', 25_000, 1),
    redisErrorStacks,
    stuckAfterMs: integer('STUCK_AFTER_MS', 30_000, 1),
    sweepEveryMs: integer('SWEEP_EVERY_MS', 15_000, 1),
    reconcileEveryMs: integer('RECONCILE_EVERY_MS', 15_000, 1, 24 * 3600_000),
    reconcileRetries: integer('RECONCILE_RETRIES', 3, 0, 100),
    logLevel,
    tokenSecret,
    tokenSecretsPrevious,
    customerTokenTtlMs: integer('CUSTOMER_TOKEN_TTL_MS', 180 * DAY, 1),
    rulesDir,
    referenceCacheMs: integer('REFERENCE_CACHE_MS', 5000, 0),
    leaseMs: integer('LEASE_MS', 5 * 60_000, 1),
    reminderAfterMs: integer('REMINDER_AFTER_MS', 3 * DAY, 1),
    returnToTeamAfterMs: integer('RETURN_TO_TEAM_AFTER_MS', 4 * 3600_000, 1),
    autoCloseAfterMs: integer('AUTO_CLOSE_AFTER_MS', 7 * DAY, 1),
    reopenWindowMs: integer('REOPEN_WINDOW_MS', 14 * DAY, 0),
    slaSweepEveryMs: Math.max(100, integer('SLA_SWEEP_EVERY_MS', 30_000, 1)),
    surveyPolicyFile,
    publicUrl,
    smtpUrl,
    mailFrom: given('MAIL_FROM') ?? `Support <support@${mailDomain}>`,
    mailDomain,
    inboundSmtpPort,
    mailRetryMs: integer('MAIL_RETRY_MS', 5000, 1),
    rateLimits: {
      windowMs: integer('RATE_LIMIT_WINDOW_MS', 60_000, 1),
      authFailures: integer('AUTH_FAILURE_LIMIT', 20, 0),
      submissions: integer('SUBMISSION_RATE_LIMIT', 600, 0),
      publicPerIp: integer('PUBLIC_RATE_LIMIT', 300, 0),
    },
    webhooks: {
      timeoutMs: integer('WEBHOOK_TIMEOUT_MS', 10_000, 1),
      retryFirstDelayMs: integer('WEBHOOK_RETRY_FIRST_DELAY_MS', 30_000, 1),
      retryMaxDelayMs: integer('WEBHOOK_RETRY_MAX_DELAY_MS', 4 * 3600_000, 1),
      retryForMs: integer('WEBHOOK_RETRY_FOR_MS', DAY, 0),
      disableAfterFailures: integer('WEBHOOK_DISABLE_AFTER_FAILURES', 5, 1),
      allowPrivateTargets: privateTargets === 'allow',
      sweepEveryMs: Math.max(100, integer('WEBHOOK_SWEEP_EVERY_MS', 60_000, 1)),
    },
  };
  if (problems.length > 0) throw new InvalidSettingsError(problems);
  return settings;
}

/** A fresh random secret, e.g. for keys. */
export const randomSecret = (bytes = 32) => randomBytes(bytes).toString('base64url');
