import type { EntityOrMigrationClass } from '../../database-url';
import { Initial1795616724682Postgres } from './1795616724682-Initial';
import { AgentsSlaSurveys1795618567149Postgres } from './1795618567149-AgentsSlaSurveys';
import { StuckJobs1796173229938Postgres } from './1796173229938-StuckJobs';
import { InboundMail1796182648381Postgres } from './1796182648381-InboundMail';

/** Migrations in the order they run (generate new ones with scripts/generate-migration.ts). */
export const MIGRATIONS: EntityOrMigrationClass[] = [Initial1795616724682Postgres, AgentsSlaSurveys1795618567149Postgres, StuckJobs1796173229938Postgres, InboundMail1796182648381Postgres];
