/**
 * Which part of the infrastructure an error says cannot be reached: the queue (Redis), the
 * database, or null when it is not a connection error at all (a bug, a constraint, bad SQL: those
 * stay 500s). Only the shapes the drivers give for "cannot reach the server" count:
 * - ioredis / BullMQ: a command rejected after `maxRetriesPerRequest` reconnects
 *   (MaxRetriesPerRequestError), on a closed or unwritable connection, a cluster without
 *   reachable nodes, or one in failover (too many redirections, CLUSTERDOWN); ioredis never
 *   rejects a command with a bare socket error.
 * - pg (also inside TypeORM's QueryFailedError.driverError): a socket error while connecting
 *   (ECONNREFUSED, ETIMEDOUT, ...), a connection ended under the query, a pool connect timeout,
 *   and the server's own class 08 (connection exception) and 57P0x (shutting down, starting up)
 *   and 53300 (too many connections).
 * - better-sqlite3 (also inside QueryFailedError): the file busy past the busy timeout, locked,
 *   unopenable, an I/O error, a full disk, read-only; and TypeORM's "not connected" errors.
 */
export type Unavailable = 'queue' | 'database';

/** What the 503 answer says (CONTRACT: JSON error bodies; the names operators know). */
export const UNAVAILABLE_MESSAGES: Record<Unavailable, string> = {
  queue: 'the queue (Redis) is unavailable',
  database: 'the database is unavailable',
};

/** Where the process's Redis and database live, to tell two bare socket errors apart by their port. */
export interface Endpoints {
  redisPorts: number[];
  databasePort: number | null;
}

const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'ECONNABORTED']);
const REDIS_ERROR_NAMES = new Set(['MaxRetriesPerRequestError', 'ClusterAllFailedError']);
// A cluster in failover: ioredis gives up after its redirections (MOVED to the dead master, CLUSTERDOWN
// until a replica takes over); the node's own CLUSTERDOWN / TRYAGAIN replies say the same.
const REDIS_MESSAGES = [
  /^Connection is closed\.?$/,
  /^Stream isn't writeable/,
  /^None of startup nodes is available/,
  /^Failed to refresh slots cache/,
  /^Redis is not ready/i,
  /^Too many Cluster redirections/,
  /^(CLUSTERDOWN|TRYAGAIN) /,
];
const PG_MESSAGES = [/^Connection terminated/, /^timeout exceeded when trying to connect/, /^Client has encountered a connection error/, /^Connection ended/];
const PG_CODES = /^(08...|57P0[123]|53300)$/;
const SQLITE_CODES = /^SQLITE_(BUSY|LOCKED|CANTOPEN|IOERR|FULL|READONLY|NOTADB|CORRUPT)/;
const TYPEORM_NAMES = new Set(['ConnectionIsNotSetError', 'CannotConnectAlreadyConnectedError', 'ConnectionNotFoundError']);
const TYPEORM_MESSAGES = [/^The database connection is not open/, /^Driver not Connected/i, /Connection with sqlite database is not established/];

type ErrorLike = { name?: unknown; message?: unknown; code?: unknown; port?: unknown; driverError?: unknown; cause?: unknown; errors?: unknown };

/** The part an error says is unreachable, looking through TypeORM's driverError, `cause` and AggregateError. */
export function unavailablePart(error: unknown, endpoints: Endpoints = { redisPorts: [], databasePort: null }, depth = 0): Unavailable | null {
  if (!error || typeof error !== 'object' || depth > 4) return null;
  const e = error as ErrorLike;
  const name = typeof e.name === 'string' ? e.name : '';
  const message = typeof e.message === 'string' ? e.message : '';
  const code = typeof e.code === 'string' ? e.code : '';
  if (REDIS_ERROR_NAMES.has(name) || REDIS_MESSAGES.some((m) => m.test(message))) return 'queue';
  if (PG_CODES.test(code) || SQLITE_CODES.test(code) || PG_MESSAGES.some((m) => m.test(message))) return 'database';
  if (TYPEORM_NAMES.has(name) || TYPEORM_MESSAGES.some((m) => m.test(message))) return 'database';
  if (SOCKET_CODES.has(code)) {
    // A bare socket error: ioredis keeps these for its 'error' event, pg rejects with them. The port tells.
    const port = typeof e.port === 'number' ? e.port : null;
    if (port !== null && endpoints.redisPorts.includes(port)) return 'queue';
    if (endpoints.databasePort !== null && (port === null || port === endpoints.databasePort)) return 'database';
    return null;
  }
  for (const inner of [e.driverError, e.cause, ...(Array.isArray(e.errors) ? e.errors : [])]) {
    const part = unavailablePart(inner, endpoints, depth + 1);
    if (part) return part;
  }
  return null;
}

/** The ports of REDIS_URL and DATABASE_URL (defaults 6379, 5432); SQLite has none. */
export function endpointsOf(redisUrl: string, databaseUrl: string): Endpoints {
  const ports = (url: string, fallback: number) =>
    url
      .replace(/^[a-z+]+:\/\/(?:[^@/]*@)?/, '')
      .split('/')[0]
      .split(',')
      .map((hostPort) => Number(/:(\d+)$/.exec(hostPort)?.[1] ?? fallback));
  return {
    redisPorts: ports(redisUrl, 6379),
    databasePort: databaseUrl.startsWith('sqlite:') ? null : (ports(databaseUrl, 5432)[0] ?? null),
  };
}
