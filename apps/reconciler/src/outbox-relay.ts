import { Injectable, Logger } from '@nestjs/common';
import type { Emit } from '@support/domain';
import { EventPublisher } from '@support/messaging';
import { OutboxStore } from '@support/persistence';

/** How long an outbox row may wait for its own publisher before the relay publishes it. */
export const RELAY_AFTER_MS = 2000;
const BATCH = 500;

/**
 * The outbox relay: publishes the events that were committed but not published (the process died
 * between commit and publish, or Redis was away). Job ids are the rows' ids, so an event its
 * publisher did get out in the meantime is not added twice.
 */
@Injectable()
export class OutboxRelay {
  private readonly logger = new Logger('outbox-relay');

  constructor(
    private readonly outbox: OutboxStore,
    private readonly publisher: EventPublisher,
  ) {}

  async run(now = new Date()): Promise<{ relayed: number }> {
    let relayed = 0;
    for (;;) {
      const rows = await this.outbox.leftBehind(new Date(now.getTime() - RELAY_AFTER_MS), BATCH);
      for (const row of rows) await this.publisher.emit({ id: row.requestId }, [{ event: row.event as Emit['event'], key: row.occurrence ?? undefined }]);
      await this.outbox.flush();
      relayed += rows.length;
      if (rows.length < BATCH) break;
    }
    if (relayed > 0) this.logger.warn({ relayed }, 'published events their publisher had not (see the outbox)');
    return { relayed };
  }
}
