/**
 * What to do with a queue's Redis errors. A BullMQ Queue with no 'error' listener prints each one
 * with console.error (a raw stack trace, outside the JSON log and LOG_LEVEL); during an outage every
 * queue of the process reports every reconnect attempt, a few lines a second.
 */
export type QueueErrorHandler = (queue: string, error: Error) => void;

/**
 * Logs the first of each distinct error message, then not that message again for `everyMs` (with
 * how many were held back when it is logged next): one line per outage and half-minute, not one
 * per queue and retry.
 */
export function throttledQueueErrors(log: (fields: { queue: string; err: string; heldBack: number }) => void, everyMs = 30_000, now = Date.now): QueueErrorHandler {
  const seen = new Map<string, { at: number; heldBack: number }>();
  return (queue, error) => {
    const entry = seen.get(error.message);
    if (entry && now() - entry.at < everyMs) {
      entry.heldBack++;
      return;
    }
    if (!entry && seen.size >= 100) seen.clear(); // messages that name a changing detail must not grow it for ever
    log({ queue, err: error.message, heldBack: entry?.heldBack ?? 0 });
    seen.set(error.message, { at: now(), heldBack: 0 });
  };
}
