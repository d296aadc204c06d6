import type { DataSource, EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { DateUtils } from 'typeorm/util/DateUtils';
import { parameter } from './parameter';

/**
 * The stage writes (timeline insert, request update, outbox insert) as plain parameterised SQL
 * through the transaction's EntityManager, so they run in the same transaction or savepoint as
 * before. TypeORM's query builder rebuilt and escaped the same statements on every call (and on
 * SQLite inlined numbers, so no two texts were alike); here each shape of statement (table,
 * column set, row count) is built once. Values are mapped as TypeORM maps them: the driver's own
 * `preparePersistentValue` (simple-json and json as JSON text, simple-array, booleans 1/0 on
 * SQLite...), then on SQLite what its parameter escaping does to a Date.
 */
export class RowWriter {
  private static readonly perDataSource = new WeakMap<DataSource, RowWriter>();
  private readonly statements = new Map<string, string>();
  private readonly sqlite: boolean;

  private constructor(private readonly dataSource: DataSource) {
    this.sqlite = dataSource.options.type === 'better-sqlite3';
  }

  static for(dataSource: DataSource): RowWriter {
    let writer = RowWriter.perDataSource.get(dataSource);
    if (!writer) RowWriter.perDataSource.set(dataSource, (writer = new RowWriter(dataSource)));
    return writer;
  }

  /**
   * Inserts rows in one statement. Columns are those any row gives a value (a generated id is
   * left to the database); a value missing in one row is NULL. Properties that are not columns are
   * ignored, as TypeORM's insert ignores them. `orIgnore`: a row that breaks a unique key is skipped.
   */
  async insert<T extends ObjectLiteral>(m: EntityManager, target: EntityTarget<T>, entities: readonly Partial<T>[], { orIgnore = false } = {}): Promise<void> {
    if (entities.length === 0) return;
    const rows = entities as readonly Record<string, unknown>[];
    const meta = this.dataSource.getMetadata(target);
    const columns = meta.columns.filter((c) => c.isInsert && rows.some((r) => r[c.propertyName] !== undefined));
    const key = `i|${meta.tableName}|${orIgnore}|${rows.length}|${columns.map((c) => c.databaseName).join(',')}`;
    let sql = this.statements.get(key);
    if (!sql) {
      let n = 0;
      const tuple = () => `(${columns.map(() => this.placeholder(++n)).join(', ')})`;
      const head = this.sqlite && orIgnore ? 'INSERT OR IGNORE INTO' : 'INSERT INTO';
      const tail = !this.sqlite && orIgnore ? ' ON CONFLICT DO NOTHING' : '';
      sql = `${head} "${meta.tableName}" (${columns.map((c) => `"${c.databaseName}"`).join(', ')}) VALUES ${rows.map(tuple).join(', ')}${tail}`;
      this.statements.set(key, sql);
    }
    await m.query(
      sql,
      rows.flatMap((r) => columns.map((c) => this.value(r[c.propertyName] ?? null, c))),
    );
  }

  /**
   * `UPDATE … SET … WHERE <primary key> = id`. Undefined values and columns marked not to be
   * updated are left out, and a property that is not a column throws, as in TypeORM's update.
   */
  async update<T extends ObjectLiteral>(m: EntityManager, target: EntityTarget<T>, id: string | number, patch: Partial<T>): Promise<void> {
    const meta = this.dataSource.getMetadata(target);
    const values = patch as Record<string, unknown>;
    const columns = Object.keys(values)
      .filter((p) => values[p] !== undefined)
      .map((p) => column(meta, p))
      .filter((c) => c.isUpdate);
    if (columns.length === 0) return;
    const key = `u|${meta.tableName}|${columns.map((c) => c.databaseName).join(',')}`;
    let sql = this.statements.get(key);
    if (!sql) {
      const [primary] = meta.primaryColumns;
      const set = columns.map((c, i) => `"${c.databaseName}" = ${this.placeholder(i + 1)}`).join(', ');
      sql = `UPDATE "${meta.tableName}" SET ${set} WHERE "${primary.databaseName}" = ${this.placeholder(columns.length + 1)}`;
      this.statements.set(key, sql);
    }
    await m.query(sql, [...columns.map((c) => this.value(values[c.propertyName], c)), id]);
  }

  private placeholder(n: number): string {
    return parameter(this.dataSource, n);
  }

  private value(value: unknown, c: ColumnMetadata): unknown {
    const prepared: unknown = this.dataSource.driver.preparePersistentValue(value, c);
    return this.sqlite && prepared instanceof Date ? DateUtils.mixedDateToUtcDatetimeString(prepared) : prepared;
  }
}

function column(meta: EntityMetadata, property: string): ColumnMetadata {
  const found = meta.findColumnWithPropertyName(property);
  if (!found) throw new Error(`${meta.name} has no column "${property}"`);
  return found;
}
