import type { NotificationData, SlaAlarmDetail } from '@support/contracts';
import type { SlaTarget } from '@support/domain';
import { TARGET_TEXT } from './sla-timeline';

/** What a recorded warning or breach says (kept in its timeline entry, so a re-emit sends the same). */
export type AlarmDetail = SlaAlarmDetail;

export interface RequestFacts {
  id: string;
  subject: string;
  customerId: string;
  customerEmail: string;
  companyId: string | null;
}

const when = (iso: string | null) => (iso ? iso.replace('T', ' ').replace(/\.\d{3}Z$/, ' UTC') : 'an unknown time');

export function warningMessage(request: RequestFacts, target: SlaTarget, plan: string, dueAt: string | null): string {
  return `Request ${request.id} ("${request.subject}") is close to its ${plan} plan's ${TARGET_TEXT[target]} deadline: due at ${when(dueAt)}.`;
}

export function breachMessage(request: RequestFacts, target: SlaTarget, plan: string, dueAt: string, from: number | null, to: number): string {
  return (
    `Request ${request.id} ("${request.subject}") missed its ${plan} plan's ${TARGET_TEXT[target]} deadline (due at ${when(dueAt)}). ` +
    `It is escalated: priority ${from ?? '-'} → ${to} in its team queue, and the team's supervisors are told.`
  );
}

/** sla.warning / sla.breached go to the handling team's supervisors (kind "supervisors", id = team). */
export function alarmNotification(request: RequestFacts, kind: 'warning' | 'breach', d: AlarmDetail): NotificationData {
  return {
    requestId: request.id,
    to: { kind: 'supervisors', id: d.team ?? '', team: d.team },
    subject: kind === 'warning' ? `SLA warning: ${TARGET_TEXT[d.target]} due ${when(d.dueAt)}` : `SLA breached: ${TARGET_TEXT[d.target]} was due ${when(d.dueAt)}`,
    body: d.message,
    detail: { target: d.target, plan: d.plan, dueAt: d.dueAt, warnAt: d.warnAt ?? null, customerId: request.customerId, companyId: request.companyId },
  };
}

/** sla.escalated: to the team's supervisors, naming them. */
export function escalationNotification(request: RequestFacts, d: AlarmDetail): NotificationData {
  const names = (d.supervisors ?? []).map((s) => s.name).join(', ') || 'none registered';
  return {
    requestId: request.id,
    to: { kind: 'supervisors', id: d.team ?? '', team: d.team },
    subject: `Escalation: request ${request.id} breached its ${TARGET_TEXT[d.target]} target`,
    body: `${d.message} Supervisors: ${names}.`,
    detail: { target: d.target, plan: d.plan, dueAt: d.dueAt, priority: d.priority, supervisors: d.supervisors ?? [] },
  };
}
