import type { EntityOrMigrationClass } from '../../database-url';
import { Initial1795616724682Postgres } from './1795616724682-Initial';
import { AgentsSlaSurveys1795618567149Postgres } from './1795618567149-AgentsSlaSurveys';
import { StuckJobs1796173229938Postgres } from './1796173229938-StuckJobs';
import { OutboxPostgres1796182340603 } from './1796182340603-Outbox';
import { WebhooksPostgres1796182494101 } from './1796182494101-Webhooks';
import { InboundMailPostgres1796182648381 } from './1796182648381-InboundMail';
import { MailDeliveriesPostgres1796182906227 } from './1796182906227-MailDeliveries';
import { WorkListsPostgres1796186060275 } from './1796186060275-WorkLists';
import { SurveyOptOutsPostgres1796186247470 } from './1796186247470-SurveyOptOuts';
import { LabelledExamplesPostgres1796187093110 } from './1796187093110-LabelledExamples';
import { ReturnToTeamPostgres1796187897815 } from './1796187897815-ReturnToTeam';
import { MacrosPostgres1796196010645 } from './1796196010645-Macros';

/** Migrations in the order they run (generate new ones with scripts/generate-migration.ts). */
export const MIGRATIONS: EntityOrMigrationClass[] = [
  Initial1795616724682Postgres,
  AgentsSlaSurveys1795618567149Postgres,
  StuckJobs1796173229938Postgres,
  OutboxPostgres1796182340603,
  WebhooksPostgres1796182494101,
  InboundMailPostgres1796182648381,
  MailDeliveriesPostgres1796182906227,
  WorkListsPostgres1796186060275,
  SurveyOptOutsPostgres1796186247470,
  LabelledExamplesPostgres1796187093110,
  ReturnToTeamPostgres1796187897815,
  MacrosPostgres1796196010645,
];
