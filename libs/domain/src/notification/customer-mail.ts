import type { TimelineRecord } from '@support/contracts';
import type { SupportRequest } from '../request/aggregate';

/** The mails a customer gets; each kind has its texts in config/notifications/mail.json. */
export type CustomerMailKind = 'received' | 'out-of-hours' | 'declined' | 'reply' | 'information-request' | 'diagnostic-utility' | 'reminder' | 'auto-closed' | 'resolved' | 'reopened';

/** What a mail says, apart from its fixed texts: paragraphs already in the request's language (from the stages and the agents). */
export interface CustomerMail {
  kind: CustomerMailKind;
  /** the agent's words, the decision's message, the notice: shown as they are (escaped) */
  paragraphs: string[];
  /** rule 2.1's self-service pointers, where the mail should carry them */
  selfService: boolean;
  /** rule 2.3: the other requests a split submission became */
  listParts: boolean;
}

type Entry<E extends TimelineRecord['event']> = Extract<TimelineRecord, { event: E }>;

const last = <E extends TimelineRecord['event']>(timeline: readonly TimelineRecord[], event: E, where: (e: Entry<E>) => boolean = () => true): Entry<E> | null => {
  for (let i = timeline.length - 1; i >= 0; i--) {
    const e = timeline[i];
    if (e.event === event && where(e as Entry<E>)) return e as Entry<E>;
  }
  return null;
};

/** The occurrence part of an event's job id (`<requestId>.<event>.<occurrence>`), or null for a once-only event. */
export function occurrenceOf(jobId: string, requestId: string, event: string): string | null {
  const prefix = `${requestId}.${event}.`;
  return jobId.startsWith(prefix) ? jobId.slice(prefix.length) : null;
}

/**
 * Which mail, if any, the customer gets for an event of their request (rules 2.1, 2.2, 2.3, 4.4.5,
 * [cooperation]); the words come from the timeline, so the mail says what the request's history
 * says. Null: nothing for the customer (an agent claimed it, a part of a split submission other
 * than the first: the first part's mail lists them all).
 */
export function customerMailFor(event: string, occurrence: string | null, request: SupportRequest, timeline: readonly TimelineRecord[]): CustomerMail | null {
  const mail = (kind: CustomerMailKind, paragraphs: (string | null | undefined)[], extra: Partial<CustomerMail> = {}): CustomerMail => ({
    kind,
    paragraphs: paragraphs.filter((p): p is string => !!p && p.trim() !== ''),
    selfService: false,
    listParts: false,
    ...extra,
  });
  switch (event) {
    case 'request.received': {
      const received = last(timeline, 'request.received');
      if (!received || received.detail.part !== 1) return null;
      return mail('received', [received.detail.notice], { listParts: received.detail.of > 1 });
    }
    case 'request.routed': {
      // A transfer or reclassification (triage.ts) is internal: the customer hears nothing of it.
      if (occurrence?.startsWith('transfer.') || occurrence?.startsWith('reclassify.')) return null;
      const acknowledged = last(timeline, 'request.acknowledged');
      return acknowledged ? mail('out-of-hours', [acknowledged.detail.message]) : null;
    }
    case 'request.declined':
      return request.outcome ? mail('declined', [request.outcome.message], { selfService: true }) : null;
    case 'request.replied': {
      // The occurrence is `reply.<ms>.<agent>`: the reply written at that moment.
      const at = Number(occurrence?.split('.')[1]);
      const reply = last(timeline, 'request.replied', (e) => Date.parse(e.at) === at) ?? (occurrence ? null : last(timeline, 'request.replied'));
      if (!reply) return null;
      const kind = reply.detail.kind === 'answer' ? 'reply' : reply.detail.kind;
      return mail(kind, [reply.detail.body]);
    }
    case 'request.reminder-sent':
      return mail('reminder', [last(timeline, 'request.reminder-sent')?.detail.message]);
    case 'request.closed':
      return mail('auto-closed', [last(timeline, 'request.closed')?.detail.message]);
    case 'request.resolved':
      return mail('resolved', [last(timeline, 'request.resolved')?.detail.summary]);
    case 'request.reopened':
      return mail('reopened', []);
    default:
      return null;
  }
}
