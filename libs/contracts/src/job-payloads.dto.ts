import { IsIn, IsInt, IsISO8601, IsString, Length, Matches, Min } from 'class-validator';
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
  [Events.declined]: RequestEventDto,
  [Events.licenceChanged]: LicenceChangedDto,
  [Events.planChanged]: RequestEventDto,
  [Events.slaClockChanged]: RequestEventDto,
  [Events.escalationDue]: RequestEventDto,
  // Notifications go out to integrators; nothing in this system consumes them.
  [Events.slaWarning]: null,
  [Events.slaBreached]: null,
  [Events.slaEscalated]: null,
  [Events.surveyDelivery]: null,
  [Events.surveyAnswered]: null,
  [Jobs.reconcile]: null,
  [Jobs.slaAlarm]: SlaAlarmDto,
  [Jobs.slaSweep]: null,
  [Jobs.surveySend]: SurveySendDto,
  [Jobs.surveyPeriodic]: null,
  [Jobs.surveySweep]: null,
  [Jobs.reminderDue]: AwaitAlarmDto,
  [Jobs.autoCloseDue]: AwaitAlarmDto,
  [Jobs.webhookDelivery]: WebhookDeliveryDto,
  [Jobs.webhookSweep]: null,
};
