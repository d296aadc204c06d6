import type { CustomerRequest } from './types';

/** The words the portal uses for statuses, outcomes, offers and message kinds. */

export const STATUS: Record<string, string> = {
  received: 'Received',
  'checking-licence': 'Checking the licence',
  classifying: 'Being classified',
  queued: 'Waiting for a specialist',
  assigned: 'A specialist is on it',
  'awaiting-customer': 'Waiting for your answer',
  resolved: 'Resolved',
  closed: 'Closed',
  declined: 'Declined',
};

export const OUTCOME: Record<string, string> = {
  refused: 'Not supported',
  'out-of-scope': 'Outside standard support',
  limited: 'Limited support',
};

export const OFFER: Record<string, string> = {
  'professional-services': 'Professional Services (paid)',
  'incident-response': 'Incident Response (paid)',
  'support-restoration': 'Restoring support for this version (paid)',
  'premium-support': 'Premium Support (paid)',
};

export const KIND: Record<string, string> = {
  answer: 'Answer',
  'information-request': 'Asks you for information',
  'diagnostic-utility': 'Asks you to run a diagnostic utility',
  notice: 'Notice',
  message: 'Your message',
};

/** Whether the company can still answer (the server says 409 otherwise: closed and declined requests take no answers). */
export const answerable = (r: CustomerRequest): boolean => r.status !== 'closed' && r.status !== 'declined';

/** A clause id's title as the request's view gives it. */
export const titleIn =
  (r: CustomerRequest) =>
  (id: string): string =>
    r.clauseTitles[id] || '';
