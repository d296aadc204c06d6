import type { EntityOrMigrationClass } from '../database-url';
import type { DatabaseKind } from '../database-url';
import { MIGRATIONS as POSTGRES } from './postgres';
import { MIGRATIONS as SQLITE } from './sqlite';

/** Each driver has its own generated SQL; both describe the same entities. */
export function migrationsFor(kind: DatabaseKind): EntityOrMigrationClass[] {
  return kind === 'sqlite' ? SQLITE : POSTGRES;
}
