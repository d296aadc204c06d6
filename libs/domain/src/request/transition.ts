import type { TimelineEntry } from '@support/contracts';
import type { Emit, SupportRequest, Transition } from './aggregate';
import { statusAfter } from './lifecycle';

/**
 * Builds a transition: the status follows from the entries through the lifecycle table (an entry
 * the table does not allow from the request's status throws TransitionRefused), never from a
 * status written by hand.
 */
export function transition(request: Pick<SupportRequest, 'status'>, entries: Transition['entries'], patch: Partial<SupportRequest>, emits: Emit[]): Transition {
  if (!entries.some((e) => e.effectKey)) throw new Error('a transition needs an effect: one entry with an effect key');
  const status = statusAfter(
    request.status,
    entries.map((e) => e.event),
  );
  return { patch: status === request.status ? patch : { ...patch, status }, entries, emits };
}

/** An entry of a stage, typed by its event. */
export const entry = <E extends TimelineEntry>(e: E): E => e;
