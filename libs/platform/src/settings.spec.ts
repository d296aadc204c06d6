import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidSettingsError, settingsFromEnv } from './settings';
import { repoRoot } from './reference/repo-root';

const DAY = 24 * 3600_000;

const problemsOf = (env: Record<string, string>, portVariable?: string): string[] => {
  try {
    settingsFromEnv(env, portVariable);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidSettingsError);
    return (error as InvalidSettingsError).problems;
  }
  throw new Error('expected invalid settings');
};

describe('settingsFromEnv', () => {
  let scratch: string;
  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), 'settings-'));
    writeFileSync(join(scratch, 'policy.json'), '{}');
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('gives the documented defaults for an empty environment', () => {
    expect(settingsFromEnv({})).toEqual({
      redisUrl: 'redis://127.0.0.1:6379',
      databaseUrl: 'sqlite:./data/support.sqlite',
      databasePoolSize: 10,
      queuePrefix: 'support',
      port: 3000,
      adminApiKey: null,
      demoSeed: true,
      concurrency: 8,
      workerLockMs: 30_000,
      workerStallMs: 60_000,
      shutdownGraceMs: 25_000,
      redisErrorStacks: false,
      stuckAfterMs: 30_000,
      sweepEveryMs: 15_000,
      reconcileEveryMs: 15_000,
      reconcileRetries: 3,
      logLevel: 'info',
      tokenSecret: null,
      tokenSecretsPrevious: [],
      customerTokenTtlMs: 180 * DAY,
      rulesDir: join(repoRoot(), 'config', 'rules'),
      referenceCacheMs: 5000,
      leaseMs: 300_000,
      reminderAfterMs: 3 * DAY,
      returnToTeamAfterMs: 4 * 3600_000,
      autoCloseAfterMs: 7 * DAY,
      reopenWindowMs: 14 * DAY,
      slaSweepEveryMs: 30_000,
      surveyPolicyFile: null,
      publicUrl: 'http://localhost:3000',
      smtpUrl: null,
      mailFrom: 'Support <support@localhost>',
      mailDomain: 'localhost',
      inboundSmtpPort: null,
      mailRetryMs: 5000,
      rateLimits: { windowMs: 60_000, authFailures: 20, submissions: 600, publicPerIp: 300 },
      webhooks: {
        timeoutMs: 10_000,
        retryFirstDelayMs: 30_000,
        retryMaxDelayMs: 4 * 3600_000,
        retryForMs: DAY,
        disableAfterFailures: 5,
        allowPrivateTargets: true,
        sweepEveryMs: 60_000,
      },
    });
  });

  it('treats an empty variable as unset', () => {
    expect(settingsFromEnv({ WORKER_CONCURRENCY: '', REDIS_URL: '', ADMIN_API_KEY: '' })).toMatchObject({ concurrency: 8, redisUrl: 'redis://127.0.0.1:6379', adminApiKey: null });
  });

  it('reads every documented variable', () => {
    const settings = settingsFromEnv({
      REDIS_URL: 'redis+cluster://h1:7000,h2:7001',
      DATABASE_URL: 'postgres://u:p@db:5432/support',
      DATABASE_POOL_SIZE: '25',
      QUEUE_PREFIX: 'acme',
      PORT: '8080',
      ADMIN_API_KEY: 'admin-key',
      NODE_ENV: 'development',
      DEMO_SEED: 'on',
      WORKER_CONCURRENCY: '3',
      WORKER_LOCK_MS: '4000',
      WORKER_STALL_MS: '9000',
      STUCK_AFTER_MS: '5000',
      SWEEP_EVERY_MS: '6000',
      SLA_SWEEP_EVERY_MS: '7000',
      RECONCILE_EVERY_MS: '8000',
      RECONCILE_RETRIES: '0',
      TOKEN_SECRET: 'a-long-secret-of-at-least-32-characters',
      TOKEN_SECRETS_PREVIOUS: 'an-older-secret-of-32-characters-or-more, the-oldest-secret-still-verifying-tokens',
      CUSTOMER_TOKEN_TTL_MS: '86400000',
      RULES_DIR: scratch,
      SURVEY_POLICY_FILE: join(scratch, 'policy.json'),
      PUBLIC_URL: 'https://support.example.com/',
      LOG_LEVEL: 'debug',
      LEASE_MS: '60000',
      SHUTDOWN_GRACE_MS: '9000',
      REDIS_ERROR_STACKS: 'on',
      REMINDER_AFTER_MS: '1000',
      RETURN_TO_TEAM_AFTER_MS: '2000',
      AUTO_CLOSE_AFTER_MS: '2000',
      REOPEN_WINDOW_MS: '0',
      REFERENCE_CACHE_MS: '0',
      RATE_LIMIT_WINDOW_MS: '2000',
      AUTH_FAILURE_LIMIT: '5',
      SUBMISSION_RATE_LIMIT: '0',
      PUBLIC_RATE_LIMIT: '50',
      SMTP_URL: 'smtp://mailer:pw@mail.example.com:587',
      MAIL_FROM: 'Acme Support <help@support.example.com>',
      MAIL_DOMAIN: 'Support.Example.com',
      INBOUND_SMTP_PORT: '2525',
      MAIL_RETRY_MS: '250',
      WEBHOOK_TIMEOUT_MS: '3000',
      WEBHOOK_RETRY_FIRST_DELAY_MS: '100',
      WEBHOOK_RETRY_MAX_DELAY_MS: '400',
      WEBHOOK_RETRY_FOR_MS: '1000',
      WEBHOOK_DISABLE_AFTER_FAILURES: '2',
      WEBHOOK_PRIVATE_TARGETS: 'refuse',
      WEBHOOK_SWEEP_EVERY_MS: '500',
    });
    expect(settings).toEqual({
      redisUrl: 'redis+cluster://h1:7000,h2:7001',
      databaseUrl: 'postgres://u:p@db:5432/support',
      databasePoolSize: 25,
      queuePrefix: 'acme',
      port: 8080,
      adminApiKey: 'admin-key',
      demoSeed: true,
      concurrency: 3,
      workerLockMs: 4000,
      workerStallMs: 9000,
      shutdownGraceMs: 9000,
      redisErrorStacks: true,
      stuckAfterMs: 5000,
      sweepEveryMs: 6000,
      reconcileEveryMs: 8000,
      reconcileRetries: 0,
      slaSweepEveryMs: 7000,
      tokenSecret: 'a-long-secret-of-at-least-32-characters',
      tokenSecretsPrevious: ['an-older-secret-of-32-characters-or-more', 'the-oldest-secret-still-verifying-tokens'],
      customerTokenTtlMs: DAY,
      rulesDir: scratch,
      surveyPolicyFile: join(scratch, 'policy.json'),
      publicUrl: 'https://support.example.com',
      smtpUrl: 'smtp://mailer:pw@mail.example.com:587',
      mailFrom: 'Acme Support <help@support.example.com>',
      mailDomain: 'support.example.com',
      inboundSmtpPort: 2525,
      mailRetryMs: 250,
      logLevel: 'debug',
      leaseMs: 60_000,
      reminderAfterMs: 1000,
      returnToTeamAfterMs: 2000,
      autoCloseAfterMs: 2000,
      reopenWindowMs: 0,
      referenceCacheMs: 0,
      rateLimits: { windowMs: 2000, authFailures: 5, submissions: 0, publicPerIp: 50 },
      webhooks: { timeoutMs: 3000, retryFirstDelayMs: 100, retryMaxDelayMs: 400, retryForMs: 1000, disableAfterFailures: 2, allowPrivateTargets: false, sweepEveryMs: 500 },
    });
  });

  it('refuses private webhook targets in production unless WEBHOOK_PRIVATE_TARGETS=allow', () => {
    expect(settingsFromEnv({ NODE_ENV: 'production' }).webhooks.allowPrivateTargets).toBe(false);
    expect(settingsFromEnv({ NODE_ENV: 'production', WEBHOOK_PRIVATE_TARGETS: 'allow' }).webhooks.allowPrivateTargets).toBe(true);
    expect(problemsOf({ WEBHOOK_PRIVATE_TARGETS: 'yes' })).toEqual(["WEBHOOK_PRIVATE_TARGETS must be allow or refuse (got 'yes')"]);
  });

  it('turns the demo seed off in production or with DEMO_SEED=off', () => {
    expect(settingsFromEnv({ NODE_ENV: 'production' }).demoSeed).toBe(false);
    expect(settingsFromEnv({ DEMO_SEED: 'off' }).demoSeed).toBe(false);
    expect(settingsFromEnv({ NODE_ENV: 'test' }).demoSeed).toBe(true);
  });

  it("reads an app's own port variable, falling back to PORT, and derives PUBLIC_URL from the port", () => {
    expect(settingsFromEnv({ INTAKE_PORT: '3100', PORT: '3000' }, 'INTAKE_PORT')).toMatchObject({ port: 3100, publicUrl: 'http://localhost:3100' });
    expect(settingsFromEnv({ PORT: '3005' }, 'INTAKE_PORT').port).toBe(3005);
    expect(settingsFromEnv({ INTAKE_PORT: '0' }, 'INTAKE_PORT').port).toBe(0);
    expect(problemsOf({ INTAKE_PORT: '70000' }, 'INTAKE_PORT')).toEqual(["INTAKE_PORT must be an integer from 0 to 65535 (got '70000')"]);
  });

  it('keeps SLA_SWEEP_EVERY_MS at 100 ms or more', () => {
    expect(settingsFromEnv({ SLA_SWEEP_EVERY_MS: '5' }).slaSweepEveryMs).toBe(100);
  });

  it('names every bad variable in one error', () => {
    let message = '';
    try {
      settingsFromEnv({
        WORKER_CONCURRENCY: 'x',
        LEASE_MS: '-5',
        WORKER_LOCK_MS: '0',
        STUCK_AFTER_MS: '1.5',
        REFERENCE_CACHE_MS: 'soon',
        REDIS_URL: 'http://:secret@cache:6379',
        DATABASE_URL: 'mysql://db',
        LOG_LEVEL: 'loud',
        DEMO_SEED: 'maybe',
        PUBLIC_URL: 'support.example.com',
        RULES_DIR: join(scratch, 'missing'),
        SURVEY_POLICY_FILE: scratch,
        PORT: 'eighty',
        RATE_LIMIT_WINDOW_MS: '0',
        AUTH_FAILURE_LIMIT: 'many',
        SUBMISSION_RATE_LIMIT: '-1',
        RECONCILE_EVERY_MS: '0',
        RECONCILE_RETRIES: 'many',
      });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toMatch(/^invalid settings: /);
    for (const expected of [
      "WORKER_CONCURRENCY must be a positive integer (got 'x')",
      "LEASE_MS must be a positive integer (got '-5')",
      "WORKER_LOCK_MS must be a positive integer (got '0')",
      "STUCK_AFTER_MS must be a positive integer (got '1.5')",
      "REFERENCE_CACHE_MS must be a whole number (got 'soon')",
      "REDIS_URL must be redis://host:port, rediss://host:port or redis+cluster://host:port,host:port (got 'http://:***@cache:6379')",
      "DATABASE_URL must start with sqlite: or postgres:// (got 'mysql://db')",
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
      "DEMO_SEED must be on or off (got 'maybe')",
      "PUBLIC_URL must be an http:// or https:// URL (got 'support.example.com')",
      'RULES_DIR must be a directory',
      'SURVEY_POLICY_FILE must be a file',
      "PORT must be an integer from 0 to 65535 (got 'eighty')",
      "RATE_LIMIT_WINDOW_MS must be a positive integer (got '0')",
      "AUTH_FAILURE_LIMIT must be a whole number (got 'many')",
      "SUBMISSION_RATE_LIMIT must be a whole number (got '-1')",
      "RECONCILE_EVERY_MS must be an integer from 1 to 86400000 (got '0')",
      "RECONCILE_RETRIES must be an integer from 0 to 100 (got 'many')",
    ]) {
      expect(message).toContain(expected);
    }
    expect(message).not.toContain('secret');
  });

  it('rejects short token secrets without repeating them', () => {
    const problems = problemsOf({ TOKEN_SECRET: 'short-secret', TOKEN_SECRETS_PREVIOUS: 'a-long-enough-previous-secret-0123456789,tiny', CUSTOMER_TOKEN_TTL_MS: '0' });
    expect(problems).toEqual([
      'TOKEN_SECRET must be at least 32 characters (got 12 characters)',
      'TOKEN_SECRETS_PREVIOUS must be a comma-separated list of secrets of at least 32 characters each (got 45 characters)',
      "CUSTOMER_TOKEN_TTL_MS must be a positive integer (got '0')",
    ]);
    expect(problems.join(' ')).not.toMatch(/short-secret|tiny/);
  });

  it('rejects a malformed Redis Cluster node list', () => {
    expect(problemsOf({ REDIS_URL: 'redis+cluster://h1' })).toEqual([expect.stringMatching(/^REDIS_URL must be /)]);
  });
});
