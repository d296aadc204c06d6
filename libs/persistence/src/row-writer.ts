import type { DataSource, EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { DateUtils } from 'typeorm/util/DateUtils';
import { parameter } from './parameter';
import { preparedQuery } from './prepared-query';

/** A statement and its parameters, numbered from where it sits among the statements sent together. */
export interface Statement {
  sql: string;
  params: unknown[];
}
/** Builds a statement whose first parameter is the `first`-th of what is sent (null: nothing to write). */
export type StatementOf = (first: number) => Statement | null;

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
   * Whether `together` can send several writes as one statement: PostgreSQL runs data-modifying
   * statements in WITH, SQLite does not.
   */
  get writesTogether(): boolean {
    return !this.sqlite;
  }

  /** The statements one after another in the transaction of `m`. */
  async run(m: EntityManager, writes: readonly StatementOf[]): Promise<void> {
    for (const write of writes) {
      const statement = write(1);
      if (statement) await m.query(statement.sql, statement.params);
    }
  }

  /**
   * PostgreSQL: the writes as ONE statement (`WITH w0 AS (INSERT …), w1 AS (UPDATE …) SELECT 1`),
   * outside any transaction: a single statement is its own transaction, all or nothing (a unique
   * violation in one part undoes the others), so a stage's three writes cost one round trip instead
   * of five (BEGIN, three statements, COMMIT). It commits as the connection commits (relaxed), or,
   * `durable`, synchronously: `set_config('synchronous_commit', 'on', true)` in the statement is
   * `SET LOCAL` for its own transaction, and a commit follows the setting in effect when it commits.
   */
  async together(writes: readonly StatementOf[], { durable = false } = {}): Promise<void> {
    if (!this.writesTogether) throw new Error('SQLite cannot send writes together: run them in a transaction');
    const parts: Statement[] = [];
    let first = 1;
    for (const write of writes) {
      const statement = write(first);
      if (!statement) continue;
      parts.push(statement);
      first += statement.params.length;
    }
    if (parts.length === 0) return;
    const ctes = parts.map((p, i) => `w${i} AS (${p.sql})`);
    const sql = durable ? `WITH durable AS (SELECT set_config('synchronous_commit', 'on', true)), ${ctes.join(', ')} SELECT 1 FROM durable` : `WITH ${ctes.join(', ')} SELECT 1`;
    await preparedQuery(
      this.dataSource,
      sql,
      parts.flatMap((p) => p.params),
    );
  }

  /**
   * Rows inserted in one statement. Columns are those any row gives a value (a generated id is
   * left to the database); a value missing in one row is NULL. Properties that are not columns are
   * ignored, as TypeORM's insert ignores them. `orIgnore`: a row that breaks a unique key is skipped.
   */
  insertOf<T extends ObjectLiteral>(target: EntityTarget<T>, entities: readonly Partial<T>[], { orIgnore = false } = {}): StatementOf {
    return (first) => {
      if (entities.length === 0) return null;
      const rows = entities as readonly Record<string, unknown>[];
      const meta = this.dataSource.getMetadata(target);
      const columns = meta.columns.filter((c) => c.isInsert && rows.some((r) => r[c.propertyName] !== undefined));
      const sql = this.statement(`i|${meta.tableName}|${orIgnore}|${rows.length}|${columns.map((c) => c.databaseName).join(',')}|${first}`, () => {
        let n = first - 1;
        const tuple = () => `(${columns.map(() => this.placeholder(++n)).join(', ')})`;
        const head = this.sqlite && orIgnore ? 'INSERT OR IGNORE INTO' : 'INSERT INTO';
        const tail = !this.sqlite && orIgnore ? ' ON CONFLICT DO NOTHING' : '';
        return `${head} "${meta.tableName}" (${columns.map((c) => `"${c.databaseName}"`).join(', ')}) VALUES ${rows.map(tuple).join(', ')}${tail}`;
      });
      return { sql, params: rows.flatMap((r) => columns.map((c) => this.value(r[c.propertyName] ?? null, c))) };
    };
  }

  /**
   * `UPDATE … SET … WHERE <primary key> = id`. Undefined values and columns marked not to be
   * updated are left out, and a property that is not a column throws, as in TypeORM's update.
   */
  updateOf<T extends ObjectLiteral>(target: EntityTarget<T>, id: string | number, patch: Partial<T>): StatementOf {
    return (first) => {
      const meta = this.dataSource.getMetadata(target);
      const values = patch as Record<string, unknown>;
      const columns = Object.keys(values)
        .filter((p) => values[p] !== undefined)
        .map((p) => column(meta, p))
        .filter((c) => c.isUpdate);
      if (columns.length === 0) return null;
      const sql = this.statement(`u|${meta.tableName}|${columns.map((c) => c.databaseName).join(',')}|${first}`, () => {
        const [primary] = meta.primaryColumns;
        const set = columns.map((c, i) => `"${c.databaseName}" = ${this.placeholder(first + i)}`).join(', ');
        return `UPDATE "${meta.tableName}" SET ${set} WHERE "${primary.databaseName}" = ${this.placeholder(first + columns.length)}`;
      });
      return { sql, params: [...columns.map((c) => this.value(values[c.propertyName], c)), id] };
    };
  }

  /** A statement's text, built once per shape. */
  private statement(key: string, build: () => string): string {
    let sql = this.statements.get(key);
    if (!sql) this.statements.set(key, (sql = build()));
    return sql;
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
