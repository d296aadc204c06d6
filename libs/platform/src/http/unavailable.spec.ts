import { QueryFailedError } from 'typeorm';
import { endpointsOf, unavailablePart } from './unavailable';

const socket = (code: string, port: number) => Object.assign(new Error(`connect ${code} 127.0.0.1:${port}`), { code, port, syscall: 'connect' });
const named = (name: string, message: string) => Object.assign(new Error(message), { name });

describe('unavailablePart', () => {
  const endpoints = endpointsOf('redis://127.0.0.1:6380', 'postgres://u:p@db.local:5433/support');

  it('knows the ports of REDIS_URL (single and cluster) and DATABASE_URL', () => {
    expect(endpoints).toEqual({ redisPorts: [6380], databasePort: 5433 });
    expect(endpointsOf('redis+cluster://:pw@a:7000,b:7001', 'sqlite:./x.sqlite')).toEqual({ redisPorts: [7000, 7001], databasePort: null });
    expect(endpointsOf('redis://localhost', 'postgres://localhost/db')).toEqual({ redisPorts: [6379], databasePort: 5432 });
  });

  it.each([
    ['ioredis after maxRetriesPerRequest', named('MaxRetriesPerRequestError', 'Reached the max retries per request limit (which is 3).')],
    ['a closed connection', new Error('Connection is closed.')],
    ['an unwritable stream', new Error("Stream isn't writeable and enableOfflineQueue options is false")],
    ['a cluster without nodes', named('ClusterAllFailedError', 'Failed to refresh slots cache.')],
    ['a cluster in failover, after the redirections', new Error('Too many Cluster redirections. Last error: ReplyError: MOVED 2220 127.0.0.1:7977')],
    ['a cluster without a master for the slot', named('ReplyError', 'CLUSTERDOWN The cluster is down')],
    ['a socket error on the Redis port', socket('ECONNREFUSED', 6380)],
  ])('the queue: %s', (_, error) => expect(unavailablePart(error, endpoints)).toBe('queue'));

  it.each([
    ['pg refused on the database port', socket('ECONNREFUSED', 5433)],
    ['pg connection ended under a query', new Error('Connection terminated unexpectedly')],
    ['pg pool connect timeout', new Error('timeout exceeded when trying to connect')],
    ['pg admin shutdown (57P01)', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })],
    ['pg starting up (57P03)', Object.assign(new Error('the database system is starting up'), { code: '57P03' })],
    ['pg too many connections (53300)', Object.assign(new Error('sorry, too many clients already'), { code: '53300' })],
    ['sqlite busy, inside QueryFailedError', new QueryFailedError('INSERT …', ['anna@example.lv'], Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }))],
    ['sqlite I/O error', Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_WRITE' })],
    ['better-sqlite3 closed', new TypeError('The database connection is not open')],
    ['a cause chain', new Error('wrapped', { cause: new Error('Connection terminated unexpectedly') })],
  ])('the database: %s', (_, error) => expect(unavailablePart(error, endpoints)).toBe('database'));

  it.each([
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a unique violation', new QueryFailedError('INSERT …', [], Object.assign(new Error('duplicate key'), { code: '23505' }))],
    ['bad SQL', new QueryFailedError('SELEC 1', [], Object.assign(new Error('syntax error'), { code: '42601' }))],
    ['a sqlite constraint', Object.assign(new Error('UNIQUE constraint failed'), { code: 'SQLITE_CONSTRAINT_UNIQUE' })],
    ['a socket error to some other service', socket('ECONNREFUSED', 25)],
    ['not an error', 'boom'],
  ])('not an outage: %s', (_, error) => expect(unavailablePart(error, endpoints)).toBeNull());
});
