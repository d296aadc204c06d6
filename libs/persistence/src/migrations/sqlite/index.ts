import type { EntityOrMigrationClass } from '../../database-url';
import { Initial1795616724682Sqlite } from './1795616724682-Initial';
import { AgentsSlaSurveys1795618567149Sqlite } from './1795618567149-AgentsSlaSurveys';
import { StuckJobs1796173229938Sqlite } from './1796173229938-StuckJobs';
import { InboundMail1796182648381Sqlite } from './1796182648381-InboundMail';

/** Migrations in the order they run (generate new ones with scripts/generate-migration.ts). */
export const MIGRATIONS: EntityOrMigrationClass[] = [Initial1795616724682Sqlite, AgentsSlaSurveys1795618567149Sqlite, StuckJobs1796173229938Sqlite, InboundMail1796182648381Sqlite];
