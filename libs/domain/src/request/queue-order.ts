import { queuePriority } from '../routing';
import type { SlaView, SupportRequest } from './aggregate';

/** The deadline that orders a request in its queue: the next paid target still running, if any. */
export function queueDeadline(view: Pick<SlaView, 'firstRespondedAt' | 'firstResponseDueAt' | 'resolutionDueAt'> | null): Date | null {
  if (!view) return null;
  const due = view.firstRespondedAt ? view.resolutionDueAt : (view.firstResponseDueAt ?? view.resolutionDueAt);
  return due ? new Date(due) : null;
}

/** The request's BullMQ priority in its team or agent queue: its level, then its deadline. */
export const queueOrder = (request: Pick<SupportRequest, 'priority' | 'sla'>): number => queuePriority(request.priority ?? 3, queueDeadline(request.sla));
