import type { DataSource } from 'typeorm';
import { RequestEntity } from './entities';

/**
 * Maps a raw `requests` row to the entity as TypeORM would hydrate it, from the entity's own
 * column metadata: JSON columns parsed, every other column as the driver returns it (the request's
 * columns are strings and integers only, which both drivers already return as such).
 */
export function requestColumns(dataSource: DataSource): { read(row: Record<string, unknown>): RequestEntity } {
  const columns = dataSource.getMetadata(RequestEntity).columns.map((c) => ({
    property: c.propertyName,
    column: c.databaseName,
    json: c.type === 'simple-json',
  }));
  return {
    read(row) {
      const request = new RequestEntity();
      const target = request as unknown as Record<string, unknown>;
      for (const { property, column, json } of columns) {
        const value = row[column];
        target[property] = json && typeof value === 'string' ? JSON.parse(value) : (value ?? null);
      }
      return request;
    },
  };
}
