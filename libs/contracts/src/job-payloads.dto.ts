import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsObject, IsOptional, IsString, Length, Matches, Min, ValidateNested } from 'class-validator';
import { Events } from './events';
import { type JobName, Jobs } from './jobs';
import { QueuedSubmissionDto } from './submission.dto';

/** The data of every job about an existing request: its id, nothing more. */
export class RequestEventDto {
  @IsString()
  @Length(1, 40)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'requestId must be a request id' })
  requestId: string;
}

export class AwaitAlarmDto extends RequestEventDto {
  @IsInt()
  @Min(1)
  awaitCount: number;
}

export class ReturnToTeamDto extends RequestEventDto {
  @IsString()
  @Length(1, 200)
  holdId: string;
}

export class LicenceChangedDto {
  @IsString()
  @Length(1, 128)
  licenceKey: string;
}

export class SlaAlarmDto extends RequestEventDto {
  @IsIn(['warning', 'breach'])
  kind: 'warning' | 'breach';

  @IsIn(['first-response', 'resolution'])
  target: 'first-response' | 'resolution';

  @IsISO8601()
  at: string;
}

class NotificationRecipientDto {
  @IsIn(['customer', 'company', 'supervisors'])
  kind: 'customer' | 'company' | 'supervisors';

  @IsString()
  @Length(0, 128)
  id: string;

  @IsOptional()
  @IsString()
  @Length(0, 254)
  email?: string | null;

  @IsOptional()
  @IsString()
  @Length(0, 64)
  team?: string | null;
}

/** What the SLA clock and the survey scheduler tell people (see NotificationData). */
export class NotificationDto {
  @IsOptional()
  @IsString()
  @Length(1, 40)
  requestId?: string;

  @IsOptional()
  @IsString()
  @Length(1, 40)
  surveyId?: string;

  @ValidateNested()
  @Type(() => NotificationRecipientDto)
  to: NotificationRecipientDto;

  @IsString()
  @Length(0, 1000)
  subject: string;

  @IsString()
  @Length(0, 20000)
  body: string;

  @IsOptional()
  @IsString()
  @Length(0, 2000)
  link?: string;

  @IsOptional()
  @IsObject()
  detail?: Record<string, unknown>;
}

export class MailSendDto {
  @IsString()
  @Length(1, 80)
  @Matches(/^[A-Za-z0-9_.-]+$/, { message: 'deliveryId must be a delivery id' })
  deliveryId: string;
}

export class SurveySendDto {
  @IsString()
  @Length(1, 40)
  surveyId: string;
}

export class WebhookDeliveryDto {
  @IsString()
  @Length(1, 64)
  deliveryId: string;
}

/** The class that validates each job's data at the queue boundary (null: the job carries no data and none is read). */
export const JOB_PAYLOAD_DTOS: { readonly [N in JobName]: (new () => object) | null } = {
  [Events.submitted]: QueuedSubmissionDto,
  [Events.received]: RequestEventDto,
  [Events.eligibilityDecided]: RequestEventDto,
  [Events.classified]: RequestEventDto,
  [Events.routed]: RequestEventDto,
  [Events.assigned]: RequestEventDto,
  [Events.replied]: RequestEventDto,
  [Events.awaitingCustomer]: RequestEventDto,
  [Events.customerReplied]: RequestEventDto,
  [Events.resolved]: RequestEventDto,
  [Events.reopened]: RequestEventDto,
  [Events.closed]: RequestEventDto,
  [Events.reminderSent]: RequestEventDto,
  [Events.declined]: RequestEventDto,
  [Events.licenceChanged]: LicenceChangedDto,
  [Events.planChanged]: RequestEventDto,
  [Events.slaClockChanged]: RequestEventDto,
  [Events.escalationDue]: RequestEventDto,
  [Events.slaWarning]: NotificationDto,
  [Events.slaBreached]: NotificationDto,
  [Events.slaEscalated]: NotificationDto,
  [Events.surveyDelivery]: NotificationDto,
  [Events.surveyAnswered]: NotificationDto,
  [Jobs.reconcile]: null,
  [Jobs.slaAlarm]: SlaAlarmDto,
  [Jobs.slaSweep]: null,
  [Jobs.surveySend]: SurveySendDto,
  [Jobs.surveyPeriodic]: null,
  [Jobs.surveySweep]: null,
  [Jobs.outboxRelay]: null,
  [Jobs.mailSend]: MailSendDto,
  [Jobs.mailSweep]: null,
  [Jobs.reminderDue]: AwaitAlarmDto,
  [Jobs.autoCloseDue]: AwaitAlarmDto,
  [Jobs.returnToTeamDue]: ReturnToTeamDto,
  [Jobs.webhookDelivery]: WebhookDeliveryDto,
  [Jobs.webhookSweep]: null,
};
