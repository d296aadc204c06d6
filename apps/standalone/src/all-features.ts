import { AdminModule } from '../../admin/src/admin.module';
import { AgentDeskModule } from '../../agent-desk/src/agent-desk.module';
import { ClassificationModule } from '../../classification/src/classification.module';
import { FeedbackSurveyModule } from '../../feedback-survey/src/feedback-survey.module';
import { IntakeModule } from '../../intake/src/intake.module';
import { LicenceCheckModule } from '../../licence-check/src/licence-check.module';
import { NotifierModule } from '../../notifier/src/notifier.module';
import { PortalModule } from '../../portal/src/portal.module';
import { MailInModule } from '../../mail-in/src/mail-in.module';
import { ReconcilerModule } from '../../reconciler/src/reconciler.module';
import { SlaModule } from '../../sla/src/sla.module';
import { QueueDashboardModule } from '@support/platform';

/** Every app's feature module: what the standalone process (and the end-to-end tests) run. */
export const ALL_FEATURES = [
  IntakeModule,
  LicenceCheckModule,
  ClassificationModule,
  AgentDeskModule,
  SlaModule,
  FeedbackSurveyModule,
  PortalModule,
  AdminModule,
  ReconcilerModule,
  NotifierModule,
  AdminModule,
  ReconcilerModule,
  MailInModule,
  QueueDashboardModule,
];
