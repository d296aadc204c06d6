import { InvalidInputError, stringProblem } from '@support/contracts';
import { fts5Query, POSTGRES_SEARCH_DOCUMENT, type RequestEntity } from '@support/persistence';
import type { SelectQueryBuilder } from 'typeorm';
import type { ListRequestsQuery, ListSort } from './list-requests.query';

/**
 * What a sort key orders by. Empty values sort as if far away (no SLA deadline, no priority yet)
 * so the key is never NULL and keyset paging stays a plain comparison on both databases.
 */
const KEYS = {
  receivedAt: { expr: 'r.receivedAt', parse: (v: string) => v },
  slaDue: { expr: "COALESCE(r.slaDueAt, '9999')", parse: (v: string) => v },
  priority: { expr: 'COALESCE(r.priority, 99)', parse: (v: string) => Number(v) },
} as const;
type Key = keyof typeof KEYS;

const bad = (field: string, message: string) => new InvalidInputError([{ field, messages: [message] }]);

/** The filters and the full-text search (the database's own index: a GIN tsvector on PostgreSQL, FTS5 on SQLite). */
export function applyFilters(qb: SelectQueryBuilder<RequestEntity>, query: ListRequestsQuery, postgres: boolean): void {
  if (query.status) qb.andWhere('r.status = :s', { s: query.status });
  if (query.team) qb.andWhere('r.teamId = :t', { t: query.team });
  if (query.customerId) qb.andWhere('r.customerId = :cu', { cu: query.customerId });
  if (query.customer) qb.andWhere('(r.customerId = :cust OR r.customerEmail = :cust OR r.companyId = :cust)', { cust: query.customer });
  if (query.clause) qb.andWhere('r.clauseId = :cl', { cl: query.clause });
  if (query.priority !== undefined) qb.andWhere('r.priority = :pr', { pr: Number(query.priority) });
  if (query.assignee) qb.andWhere('r.assigneeId = :as', { as: query.assignee });
  if (query.language) qb.andWhere('r.language = :lang', { lang: query.language });
  if (query.slaDueBefore) qb.andWhere('r.slaDueAt < :due', { due: new Date(query.slaDueBefore).toISOString() });
  if (query.q !== undefined) {
    if (stringProblem(query.q)) throw bad('q', 'q must be text without control characters');
    const words = fts5Query(query.q);
    if (!words) throw bad('q', 'q must contain at least one word');
    if (postgres) qb.andWhere(`${POSTGRES_SEARCH_DOCUMENT.replace(/"(subject|description)"/g, 'r.$1')} @@ plainto_tsquery('simple', :q)`, { q: query.q });
    else qb.andWhere('r.id IN (SELECT "id" FROM "requests_fts" WHERE "requests_fts" MATCH :q)', { q: words });
  }
}

/**
 * Orders the list and continues after the cursor. The default order's cursor is the one this API
 * always gave out (`receivedAt|id`); other orders carry their key: `sort|value|id`.
 */
export function applyOrder(qb: SelectQueryBuilder<RequestEntity>, sort: ListSort, cursor: string | undefined): (last: RequestEntity) => string {
  const desc = sort.startsWith('-');
  const key = sort.replace(/^-/, '') as Key;
  const { expr, parse } = KEYS[key];
  const legacy = sort === '-receivedAt';
  if (cursor) {
    const parts = Buffer.from(cursor, 'base64url').toString().split('|');
    const [value, id] = legacy ? parts : parts[0] === sort ? parts.slice(1) : [];
    const ok = parts.length === (legacy ? 2 : 3) && value && id && !stringProblem(value) && !stringProblem(id) && (key !== 'receivedAt' || !Number.isNaN(Date.parse(value)));
    if (!ok || (key === 'priority' && !Number.isInteger(Number(value)))) throw bad('cursor', 'cursor is not one this API gave out for this sort');
    const op = desc ? '<' : '>';
    qb.andWhere(`(${expr} ${op} :cv OR (${expr} = :cv AND r.id ${op} :cid))`, { cv: parse(value), cid: id });
  }
  qb.orderBy(expr, desc ? 'DESC' : 'ASC').addOrderBy('r.id', desc ? 'DESC' : 'ASC');
  return (last) => {
    const value = key === 'receivedAt' ? last.receivedAt : key === 'slaDue' ? (last.slaDueAt ?? '9999') : String(last.priority ?? 99);
    return Buffer.from(legacy ? `${value}|${last.id}` : `${sort}|${value}|${last.id}`).toString('base64url');
  };
}
