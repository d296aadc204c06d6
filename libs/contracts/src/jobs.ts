import { Events } from './events';
import { Queues } from './queues';
import type { QueuedSubmissionDto } from './submission.dto';

/**
 * The typed job contract: each job is a discriminated union member keyed by its name, so a
 * producer and its consumer share one type. Apart from the intake job (no row exists yet),
 * jobs carry ids, never copies of database state.
 */
export interface RequestEventData {
  requestId: string;
}

/** Events published between stages (each is also the job name in every subscriber queue). */
export type EventPayloads = {
  [Events.submitted]: QueuedSubmissionDto;
  [Events.received]: RequestEventData;
  [Events.eligibilityDecided]: RequestEventData;
  [Events.classified]: RequestEventData;
  [Events.routed]: RequestEventData;
  [Events.assigned]: RequestEventData;
  [Events.replied]: RequestEventData;
  [Events.awaitingCustomer]: RequestEventData;
  [Events.customerReplied]: RequestEventData;
  [Events.resolved]: RequestEventData;
  [Events.reopened]: RequestEventData;
  [Events.closed]: RequestEventData;
  [Events.reminderSent]: RequestEventData;
  [Events.declined]: RequestEventData;
  [Events.licenceChanged]: LicenceChangedData;
  [Events.planChanged]: RequestEventData;
  [Events.slaClockChanged]: RequestEventData;
  [Events.escalationDue]: RequestEventData;
  [Events.slaWarning]: NotificationData;
  [Events.slaBreached]: NotificationData;
  [Events.slaEscalated]: NotificationData;
  [Events.surveyDelivery]: NotificationData;
  [Events.surveyAnswered]: NotificationData;
};

/** A change to a licence (e.g. its paid plan) that open requests on it must follow. */
export interface LicenceChangedData {
  licenceKey: string;
}

/** An outgoing notification for integrators (e-mail, portal): who, about what, with what to show. */
export interface NotificationData {
  requestId?: string;
  surveyId?: string;
  to: { kind: 'customer' | 'company' | 'supervisors'; id: string; email?: string | null; team?: string | null };
  subject: string;
  body: string;
  link?: string;
  detail?: Record<string, unknown>;
}

/** An SLA alarm: the clock is in the database; this job only wakes the SLA worker at `at`. */
export interface SlaAlarmData {
  requestId: string;
  kind: 'warning' | 'breach';
  target: 'first-response' | 'resolution';
  at: string;
}

/** Send one stored mail (its delivery row). */
export interface MailSendData {
  deliveryId: string;
}

export interface SurveySendData {
  surveyId: string;
}

/** An alarm about one wait for the customer; a later wait makes it stale (awaitCount differs). */
export interface AwaitAlarmData {
  requestId: string;
  awaitCount: number;
}

/** RETURN_TO_TEAM_AFTER: a request held in its agent's own queue goes to the team unless that hold (its queue job id) ended first. */
export interface ReturnToTeamData {
  requestId: string;
  holdId: string;
}

/** One webhook delivery: the row holds the body, the state and the attempts; the job only carries its id. */
export interface WebhookDeliveryData {
  deliveryId: string;
}

/** Maintenance jobs started by BullMQ job schedulers, not by events. */
export const Jobs = {
  /** The reconciler's pass: compares every unfinished request with what Redis holds for it. */
  reconcile: 'reconcile',
  reminderDue: 'request.reminder-due',
  autoCloseDue: 'request.auto-close-due',
  returnToTeamDue: 'request.return-to-team-due',
  slaAlarm: 'sla.alarm-due',
  slaSweep: 'sla.sweep',
  surveySend: 'survey.send-due',
  surveyPeriodic: 'survey.periodic',
  /** Re-arms lost survey alarms and expires old links (principle 7). */
  surveySweep: 'survey.sweep',
  /** Publishes events committed with their transition but not published (the transactional outbox). */
  outboxRelay: 'outbox.relay',
  mailSend: 'mail.send',
  /** Enqueues again mails whose job was lost. */
  mailSweep: 'mail.sweep',
  /** Sends one webhook delivery (and its retries: the same job, delayed). */
  webhookDelivery: 'webhook.deliver',
  /** Re-queues pending webhook deliveries whose job Redis lost or failed for good (principle 7). */
  webhookSweep: 'webhook.sweep',
} as const;

export type ScheduledPayloads = {
  [Jobs.reconcile]: Record<string, never>;
  [Jobs.reminderDue]: AwaitAlarmData;
  [Jobs.autoCloseDue]: AwaitAlarmData;
  [Jobs.returnToTeamDue]: ReturnToTeamData;
  [Jobs.slaAlarm]: SlaAlarmData;
  [Jobs.slaSweep]: Record<string, never>;
  [Jobs.surveySend]: SurveySendData;
  [Jobs.surveyPeriodic]: Record<string, never>;
  [Jobs.surveySweep]: Record<string, never>;
  [Jobs.outboxRelay]: Record<string, never>;
  [Jobs.mailSend]: MailSendData;
  [Jobs.mailSweep]: Record<string, never>;
  [Jobs.webhookDelivery]: WebhookDeliveryData;
  [Jobs.webhookSweep]: Record<string, never>;
};

export type JobPayloads = EventPayloads & ScheduledPayloads;
export type EventName = keyof EventPayloads;
export type JobName = keyof JobPayloads;
export type Job<N extends JobName = JobName> = { [K in N]: { name: K; data: JobPayloads[K] } }[N];

/**
 * The fan-out table: which queues receive each published event. The publisher adds one job per
 * subscriber queue; stages never call each other directly.
 */
export const FanOut: { readonly [N in EventName]: readonly string[] } = {
  [Events.submitted]: [Queues.intake],
  // The notifier hears what a person or an integrator must hear of (mails, webhooks); the
  // pipeline's inner steps (eligibility decided, classified) stay between the stages.
  [Events.received]: [Queues.licenceCheck, Queues.notifications],
  [Events.eligibilityDecided]: [Queues.classification],
  [Events.classified]: [Queues.routing],
  [Events.routed]: [Queues.sla, Queues.notifications],
  [Events.assigned]: [Queues.notifications],
  [Events.replied]: [Queues.sla, Queues.notifications],
  [Events.awaitingCustomer]: [Queues.sla, Queues.notifications],
  // The desk starts RETURN_TO_TEAM_AFTER when a request comes back to its agent's own queue.
  [Events.customerReplied]: [Queues.sla, Queues.notifications, Queues.lifecycle],
  [Events.resolved]: [Queues.sla, Queues.feedbackSurvey, Queues.notifications],
  [Events.reopened]: [Queues.sla, Queues.feedbackSurvey, Queues.notifications, Queues.lifecycle],
  [Events.closed]: [Queues.sla, Queues.notifications],
  [Events.reminderSent]: [Queues.notifications],
  [Events.declined]: [Queues.sla, Queues.feedbackSurvey, Queues.notifications],
  // The licence check owns a request's paid plan; the SLA clock follows its changes.
  [Events.licenceChanged]: [Queues.licenceCheck],
  [Events.planChanged]: [Queues.sla],
  // The desk owns the team queues: it re-places a request when its clock or priority changes.
  [Events.slaClockChanged]: [Queues.lifecycle],
  [Events.escalationDue]: [Queues.lifecycle],
  [Events.slaWarning]: [Queues.notifications],
  [Events.slaBreached]: [Queues.notifications],
  [Events.slaEscalated]: [Queues.notifications],
  [Events.surveyDelivery]: [Queues.notifications],
  [Events.surveyAnswered]: [Queues.notifications],
};

/**
 * The queues that hear an event about a request whose paid plan is `supportPlan`. The SLA worker
 * keeps clocks for paid plans only ([sla]), so it hears a request's events only while the request
 * has one: for most requests that is one job less per event. A plan that arrives or goes later
 * reaches it as `sla.plan-changed`, which it always hears. `undefined` (the plan is not known
 * where the event is published, e.g. the outbox relay): every subscriber hears it, which is safe.
 */
export function subscribersOf(event: EventName, supportPlan?: string | null): readonly string[] {
  if (supportPlan !== null || event === Events.planChanged) return FanOut[event];
  return FanOut[event].filter((queue) => queue !== Queues.sla);
}

/** The queue each scheduled job runs on. */
export const Scheduled: { readonly [N in keyof ScheduledPayloads]: string } = {
  [Jobs.reconcile]: Queues.maintenance,
  [Jobs.reminderDue]: Queues.lifecycle,
  [Jobs.autoCloseDue]: Queues.lifecycle,
  [Jobs.returnToTeamDue]: Queues.lifecycle,
  [Jobs.slaAlarm]: Queues.sla,
  [Jobs.slaSweep]: Queues.sla,
  [Jobs.surveySend]: Queues.feedbackSurvey,
  [Jobs.surveyPeriodic]: Queues.feedbackSurvey,
  [Jobs.surveySweep]: Queues.feedbackSurvey,
  [Jobs.outboxRelay]: Queues.maintenance,
  [Jobs.mailSend]: Queues.mail,
  [Jobs.mailSweep]: Queues.mail,
  [Jobs.webhookDelivery]: Queues.webhooks,
  [Jobs.webhookSweep]: Queues.webhooks,
};

/** The job names a stage queue consumes, derived from the two tables above. */
export function jobsConsumedBy(queue: string): JobName[] {
  const events = (Object.keys(FanOut) as EventName[]).filter((name) => FanOut[name].includes(queue));
  const scheduled = (Object.keys(Scheduled) as (keyof ScheduledPayloads)[]).filter((name) => Scheduled[name] === queue);
  return [...events, ...scheduled];
}

/** Deterministic job id: the same event about the same request is one job, however often sent. */
export function eventJobId(name: JobName, requestId: string): string {
  return `${requestId}.${name}`;
}

/** The job id of an event a transition emits about a request (its occurrence, when it has one, is part of it). */
export function emitJobId(name: JobName, requestId: string, occurrence?: string | null): string {
  return eventJobId(name, occurrence ? `${requestId}.${occurrence}` : requestId);
}

/** Events that happen more than once in a request's life get the occurrence in their job id. */
export function occurrenceJobId(name: JobName, requestId: string, occurrence: string | number): string {
  return `${requestId}.${name}.${occurrence}`;
}
