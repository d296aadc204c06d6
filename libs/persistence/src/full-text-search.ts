/**
 * The work list's full-text index on a request's subject and description, in each database's own
 * engine. Words are matched whole, case-folded, with their diacritics kept (PostgreSQL's 'simple'
 * configuration and FTS5's unicode61 with remove_diacritics 0 agree), so Latvian and Russian words
 * match as typed; no stemming, since one stemmer cannot serve lv, ru, en, et and lt at once.
 */

/** PostgreSQL: an expression GIN index; the query must use the very same expression to use it. */
export const POSTGRES_SEARCH_DOCUMENT = `to_tsvector('simple', "subject" || ' ' || "description")`;

export const POSTGRES_WORK_LIST_UP = [
  `CREATE INDEX "ix_requests_fts" ON "requests" USING GIN ((${POSTGRES_SEARCH_DOCUMENT}))`,
  `UPDATE "requests" SET "clauseId" = ("classification"::json ->> 'clause') WHERE "classification" IS NOT NULL`,
  `UPDATE "requests" SET "slaDueAt" = CASE WHEN ("sla"::json ->> 'resolvedAt') IS NOT NULL THEN NULL WHEN ("sla"::json ->> 'firstRespondedAt') IS NOT NULL THEN "sla"::json ->> 'resolutionDueAt' ELSE COALESCE("sla"::json ->> 'firstResponseDueAt', "sla"::json ->> 'resolutionDueAt') END WHERE "sla" IS NOT NULL`,
];
export const POSTGRES_WORK_LIST_DOWN = ['DROP INDEX "public"."ix_requests_fts"'];

/**
 * SQLite: an FTS5 table of its own (not external content: TypeORM rebuilds `requests` to alter it,
 * which renumbers rowids) kept in step by triggers. A later migration that rebuilds `requests`
 * drops these triggers with the old table and must create them again (SQLITE_SEARCH_TRIGGERS).
 */
export const SQLITE_SEARCH_TRIGGERS = [
  `CREATE TRIGGER "requests_fts_insert" AFTER INSERT ON "requests" BEGIN INSERT INTO "requests_fts" ("id", "subject", "description") VALUES (new."id", new."subject", new."description"); END`,
  `CREATE TRIGGER "requests_fts_update" AFTER UPDATE OF "subject", "description" ON "requests" BEGIN UPDATE "requests_fts" SET "subject" = new."subject", "description" = new."description" WHERE "id" = old."id"; END`,
  `CREATE TRIGGER "requests_fts_delete" AFTER DELETE ON "requests" BEGIN DELETE FROM "requests_fts" WHERE "id" = old."id"; END`,
];

export const SQLITE_WORK_LIST_UP = [
  `CREATE VIRTUAL TABLE "requests_fts" USING fts5("id" UNINDEXED, "subject", "description", tokenize = 'unicode61 remove_diacritics 0')`,
  `INSERT INTO "requests_fts" ("id", "subject", "description") SELECT "id", "subject", "description" FROM "requests"`,
  ...SQLITE_SEARCH_TRIGGERS,
  `UPDATE "requests" SET "clauseId" = json_extract("classification", '$.clause') WHERE "classification" IS NOT NULL`,
  `UPDATE "requests" SET "slaDueAt" = CASE WHEN json_extract("sla", '$.resolvedAt') IS NOT NULL THEN NULL WHEN json_extract("sla", '$.firstRespondedAt') IS NOT NULL THEN json_extract("sla", '$.resolutionDueAt') ELSE COALESCE(json_extract("sla", '$.firstResponseDueAt'), json_extract("sla", '$.resolutionDueAt')) END WHERE "sla" IS NOT NULL`,
];
export const SQLITE_WORK_LIST_DOWN = ['DROP TRIGGER "requests_fts_delete"', 'DROP TRIGGER "requests_fts_update"', 'DROP TRIGGER "requests_fts_insert"', 'DROP TABLE "requests_fts"'];

/**
 * The words of a search as an FTS5 query: each word quoted (so nothing the user types is FTS5
 * syntax), all required. Null when the search has no word at all.
 */
export function fts5Query(q: string): string | null {
  const words = q.match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length > 0 ? words.map((w) => `"${w}"`).join(' ') : null;
}
