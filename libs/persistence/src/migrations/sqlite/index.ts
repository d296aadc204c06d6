import type { EntityOrMigrationClass } from '../../database-url';
import { Initial1795616724682Sqlite } from './1795616724682-Initial';
import { AgentsSlaSurveys1795618567149Sqlite } from './1795618567149-AgentsSlaSurveys';
import { StuckJobs1796173229938Sqlite } from './1796173229938-StuckJobs';
import { OutboxSqlite1796182340603 } from './1796182340603-Outbox';
import { WebhooksSqlite1796182494101 } from './1796182494101-Webhooks';
import { InboundMailSqlite1796182648381 } from './1796182648381-InboundMail';
import { MailDeliveriesSqlite1796182906227 } from './1796182906227-MailDeliveries';
import { WorkListsSqlite1796186060275 } from './1796186060275-WorkLists';
import { SurveyOptOutsSqlite1796186247470 } from './1796186247470-SurveyOptOuts';
import { LabelledExamplesSqlite1796187093110 } from './1796187093110-LabelledExamples';
import { ReturnToTeamSqlite1796187897815 } from './1796187897815-ReturnToTeam';
import { MacrosSqlite1796196010645 } from './1796196010645-Macros';

/** Migrations in the order they run (generate new ones with scripts/generate-migration.ts). */
export const MIGRATIONS: EntityOrMigrationClass[] = [
  Initial1795616724682Sqlite,
  AgentsSlaSurveys1795618567149Sqlite,
  StuckJobs1796173229938Sqlite,
  OutboxSqlite1796182340603,
  WebhooksSqlite1796182494101,
  InboundMailSqlite1796182648381,
  MailDeliveriesSqlite1796182906227,
  WorkListsSqlite1796186060275,
  SurveyOptOutsSqlite1796186247470,
  LabelledExamplesSqlite1796187093110,
  ReturnToTeamSqlite1796187897815,
  MacrosSqlite1796196010645,
];
