import type { RetryPolicy } from '@support/domain';
import type { WebhookSettings } from '@support/platform';

/** The retry schedule the settings describe. */
export const retryPolicyFrom = (s: WebhookSettings): RetryPolicy => ({ firstDelayMs: s.retryFirstDelayMs, maxDelayMs: s.retryMaxDelayMs, retryForMs: s.retryForMs });
