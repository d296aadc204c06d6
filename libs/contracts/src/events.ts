/** Event types: every state change of a request is one of these, and each is a BullMQ job name. */
export const Events = {
  submitted: 'request.submitted',
  received: 'request.received',
  eligibilityDecided: 'request.eligibility-decided',
  classified: 'request.classified',
  routed: 'request.routed',
  assigned: 'request.assigned',
  replied: 'request.replied',
  awaitingCustomer: 'request.awaiting-customer',
  customerReplied: 'request.customer-replied',
  resolved: 'request.resolved',
  reopened: 'request.reopened',
  closed: 'request.closed',
  reminderSent: 'request.reminder-sent',
  released: 'request.released',
  leaseExpired: 'request.lease-expired',
  escalated: 'request.escalated',
  declined: 'request.declined',
  slaWarning: 'sla.warning',
  slaBreached: 'sla.breached',
  slaEscalated: 'sla.escalated',
  /** The licence check moved a request to another paid plan (or none): its SLA clock follows. */
  planChanged: 'sla.plan-changed',
  /** The SLA clock changed what orders the request in its queue (a deadline, an escalation): the desk re-places it. */
  slaClockChanged: 'sla.clock-changed',
  /** The SLA worker recorded a breach: the desk raises the request's priority (once per breach) and re-places it. */
  escalationDue: 'sla.escalation-due',
  surveyScheduled: 'survey.scheduled',
  surveyAnswered: 'survey.answered',
  surveyDelivery: 'survey.delivery',
  licenceChanged: 'licence.changed',
} as const;

export type EventType = (typeof Events)[keyof typeof Events];
