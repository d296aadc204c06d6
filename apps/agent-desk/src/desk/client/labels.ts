/** The words the page uses for timeline events and reply kinds, and which detail fields it shows how. */

export const EVENTS: Record<string, string> = {
  'request.received': 'Received',
  'request.eligibility-decided': 'Eligibility decided',
  'request.classified': 'Classified',
  'request.routed': 'Routed to a team',
  'request.acknowledged': 'Acknowledged',
  'request.assigned': 'Claimed',
  'request.replied': 'Agent replied',
  'request.awaiting-customer': 'Waiting for the customer',
  'request.customer-replied': 'Customer replied',
  'request.customer-message': 'Customer message',
  'request.reminded': 'Reminder sent',
  'request.resolved': 'Resolved',
  'request.reopened': 'Reopened by the customer',
  'request.closed': 'Closed',
  'request.released': 'Released to the team queue',
  'request.lease-expired': 'Lease lapsed',
  'request.declined': 'Declined',
  'sla.warning': 'SLA warning',
  'sla.breached': 'SLA breached',
  'sla.escalated': 'SLA escalated',
};

export const KINDS: Record<string, string> = {
  answer: 'Reply',
  'information-request': 'Asked for information',
  'diagnostic-utility': 'Asked to run a diagnostic utility',
};

/** Detail fields holding a message: shown as quotes. */
export const TEXT_FIELDS = ['body', 'summary', 'message', 'reason'];

/** Timeline details not worth an agent's eye (the classifier's evidence is in the API for those who want it). */
export const HIDDEN_FIELDS = ['evidence', 'rulesVersion', 'submissionId'];
