import type { DatabaseKind } from '../database-url';
import { MIGRATIONS as POSTGRES } from './postgres';
import { MIGRATIONS as SQLITE } from './sqlite';

/** Each driver has its own generated SQL; both describe the same entities. */
export function migrationsFor(kind: DatabaseKind): Function[] {
  return kind === 'sqlite' ? SQLITE : POSTGRES;
}
