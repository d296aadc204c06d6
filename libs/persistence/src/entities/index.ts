import { ApiKeyEntity, SettingEntity } from './api-key.entity';
import { LicenceEntity, ProducerEntity, ProductEntity, TeamEntity } from './reference.entities';
import { RequestEntity } from './request.entity';
import { SubmissionEntity } from './submission.entity';
import { TimelineEventEntity } from './timeline-event.entity';
import { AgentEntity, CompanyEntity } from './people.entities';
import { CalendarEntity, SlaPlanEntity } from './schedule.entities';
import { SurveyEntity } from './survey.entity';
import { SurveyOptOutEntity } from './survey-opt-out.entity';
import { StuckJobEntity } from './stuck-job.entity';
import { OutboxEntity } from './outbox.entity';
import { MailDeliveryEntity } from './mail-delivery.entity';
import { WebhookDeliveryEntity, WebhookSubscriptionEntity } from './webhook.entities';
import { InboundMailEntity, MailAttachmentEntity } from './inbound-mail.entities';
import { LabelledExampleEntity } from './labelled-example.entity';
import { MacroEntity } from './macro.entity';

export * from './api-key.entity';
export * from './reference.entities';
export * from './request.entity';
export * from './submission.entity';
export * from './timeline-event.entity';
export * from './people.entities';
export * from './schedule.entities';
export * from './survey.entity';
export * from './survey-opt-out.entity';
export * from './stuck-job.entity';
export * from './outbox.entity';
export * from './mail-delivery.entity';
export * from './webhook.entities';
export * from './inbound-mail.entities';
export * from './labelled-example.entity';
export * from './macro.entity';

export const ENTITIES = [
  LabelledExampleEntity,
  SubmissionEntity,
  RequestEntity,
  TimelineEventEntity,
  ProductEntity,
  LicenceEntity,
  TeamEntity,
  ProducerEntity,
  ApiKeyEntity,
  SettingEntity,
  AgentEntity,
  CompanyEntity,
  CalendarEntity,
  SlaPlanEntity,
  SurveyEntity,
  SurveyOptOutEntity,
  StuckJobEntity,
  OutboxEntity,
  MailDeliveryEntity,
  WebhookSubscriptionEntity,
  WebhookDeliveryEntity,
  InboundMailEntity,
  MailAttachmentEntity,
  MacroEntity,
];
