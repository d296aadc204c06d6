import type { DataSource } from 'typeorm';
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
  const columnOf = (p: string) => `"${meta.findColumnWithPropertyName(p)?.databaseName ?? p}"`;
  const where = properties.map((p, i) => `${columnOf(p)} = ${parameter(dataSource, i + 1)}`).join(' AND ');
  const sql = `SELECT ${columns.select} FROM "${meta.tableName}" WHERE ${where}${orderBy ? ` ORDER BY ${columnOf(orderBy)} ASC` : ''}`;
  return async (...values) => (await preparedQuery(dataSource, sql, values)).map((row) => columns.read(row));
}

/** One row of an entity by the values of some of its columns (a key): see `rowsReader`. */
export function rowReader<T extends object>(dataSource: DataSource, target: new () => T, properties: Readonly<Array<keyof T & string>>): (...values: unknown[]) => Promise<T | null> {
  const rows = rowsReader(dataSource, target, properties);
  return async (...values) => (await rows(...values))[0] ?? null;
}

/**
 * The rows of an entity whose `property` is any of the given keys, in one PostgreSQL statement (`= ANY($1)`: one text for any
 * count of keys, so one prepared statement). In no particular order.
 */
export function rowsByKeys<T extends object>(dataSource: DataSource, target: new () => T, property: keyof T & string): (keys: readonly string[]) => Promise<T[]> {
  const meta = dataSource.getMetadata(target);
  const columns = entityColumns(dataSource, target);
  const column = `"${meta.findColumnWithPropertyName(property)?.databaseName ?? property}"`;
  const sql = `SELECT ${columns.select} FROM "${meta.tableName}" WHERE ${column} = ANY($1)`;
  return async (keys) => (await preparedQuery(dataSource, sql, [keys])).map((row) => columns.read(row));
}
