import DataLoader from 'dataloader';
import type { DataSource, EntityMetadata } from 'typeorm';
import { parameter } from './parameter';
import { preparedQuery } from './prepared-query';

/**
 * Maps raw rows of an entity's table to the entity as TypeORM would hydrate it, from the entity's
 * own column metadata: JSON columns parsed, every other column as the driver returns it (the
 * entities read this way have strings and integers only, which both drivers already return as such).
 */
export function entityColumns<T extends object>(dataSource: DataSource, target: new () => T): { select: string; read(row: Record<string, unknown>): T } {
  const columns = dataSource.getMetadata(target).columns.map((c) => ({
    property: c.propertyName,
    column: c.databaseName,
    json: c.type === 'simple-json',
  }));
  return {
    // The columns by name, never `*`: PostgreSQL keeps a prepared read's plan, and a column that a later release's
    // migration adds would change the result of `SELECT *` under it ("cached plan must not change result type").
    select: columns.map((c) => `"${c.column}"`).join(', '),
    read(row) {
      const entity = new target();
      const fields = entity as unknown as Record<string, unknown>;
      for (const { property, column, json } of columns) {
        const value = row[column];
        fields[property] = json && typeof value === 'string' ? JSON.parse(value) : (value ?? null);
      }
      return entity;
    },
  };
}

/** The database column of an entity's property. */
const columnName = (meta: EntityMetadata, property: string): string => meta.findColumnWithPropertyName(property)?.databaseName ?? property;

/**
 * The rows of an entity with the given values of some of its columns, for the hot reads (a request by id, a request's
 * timeline, a licence by key): one prepared statement (prepared-query.ts) mapped by `entityColumns`, instead of a query
 * built and hydrated per call; ordered by `orderBy` when given.
 */
export function rowsReader<T extends object>(
  dataSource: DataSource,
  target: new () => T,
  properties: Readonly<Array<keyof T & string>>,
  orderBy?: keyof T & string,
): (...values: unknown[]) => Promise<T[]> {
  const meta = dataSource.getMetadata(target);
  const columns = entityColumns(dataSource, target);
  const columnOf = (p: string) => `"${columnName(meta, p)}"`;
  const where = properties.map((p, i) => `${columnOf(p)} = ${parameter(dataSource, i + 1)}`).join(' AND ');
  const sql = `SELECT ${columns.select} FROM "${meta.tableName}" WHERE ${where}${orderBy ? ` ORDER BY ${columnOf(orderBy)} ASC` : ''}`;
  return async (...values) => (await preparedQuery(dataSource, sql, values)).map((row) => columns.read(row));
}

/** One row of an entity by the values of some of its columns (a key): see `rowsReader`. */
export function rowReader<T extends object>(dataSource: DataSource, target: new () => T, properties: Readonly<Array<keyof T & string>>): (...values: unknown[]) => Promise<T | null> {
  const rows = rowsReader(dataSource, target, properties);
  return async (...values) => (await rows(...values))[0] ?? null;
}

/** At most this many reads in one statement (rowByKeyReader). */
const MAX_READS_TOGETHER = 100;

/**
 * One row of an entity by a unique column, for the hottest reads (a request by id, a licence by key). On PostgreSQL the reads
 * asked for in the same turn of the event loop are one statement (`= ANY($1)`, one text for any count, so one prepared
 * statement): there each statement is a round trip and a system call, and under load several reads meet in a turn (the jobs
 * of several stages finishing together; bench/README.md, "Request reads together"). SQLite runs in the process, where a
 * statement per read costs less than gathering them. Never cached: a read is issued no earlier than it would be alone, so it
 * sees every write its caller made before it. No key (a job without one): null.
 */
export function rowByKeyReader<T extends object>(dataSource: DataSource, target: new () => T, property: keyof T & string): (key: string) => Promise<T | null> {
  const read = dataSource.options.type === 'postgres' ? gatheredReader(dataSource, target, property) : rowReader(dataSource, target, [property]);
  return (key) => (key === undefined || key === null ? Promise.resolve(null) : read(key));
}

/** PostgreSQL: the reads of one turn of the event loop as one `= ANY($1)` statement (see rowByKeyReader). */
function gatheredReader<T extends object>(dataSource: DataSource, target: new () => T, property: string): (key: string) => Promise<T | null> {
  const meta = dataSource.getMetadata(target);
  const columns = entityColumns(dataSource, target);
  const column = columnName(meta, property);
  const sql = `SELECT ${columns.select} FROM "${meta.tableName}" WHERE "${column}" = ANY($1)`;
  const together = new DataLoader<string, T | null>(
    async (keys) => {
      const rows = new Map((await preparedQuery(dataSource, sql, [keys])).map((row) => [String(row[column]), columns.read(row)]));
      return keys.map((key) => rows.get(key) ?? null);
    },
    { cache: false, maxBatchSize: MAX_READS_TOGETHER },
  );
  return (key) => together.load(key);
}
