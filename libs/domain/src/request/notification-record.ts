import type { NotificationFailedDetail } from '@support/contracts';
import type { SupportRequest, Transition } from './aggregate';
import { transition } from './transition';

/** A mail or webhook about the request that could not be delivered, recorded once per delivery (never dropped silently). */
export function notificationFailed(request: Pick<SupportRequest, 'status'>, detail: NotificationFailedDetail): Transition {
  return transition(request, [{ stage: 'notifier', event: 'notification.failed', effectKey: `notification-failed:${detail.deliveryId}`, detail }], {}, []);
}
