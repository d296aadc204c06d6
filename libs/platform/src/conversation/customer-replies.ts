import { ConflictException, Inject, Injectable } from '@nestjs/common';
import { agentQueueName, type CustomerMessageDetail, teamQueueName } from '@support/contracts';
import { customerMessageKind, customerWrote, queueOrder, type QueuePlace, type SupportRequest } from '@support/domain';
import { EventPublisher } from '@support/messaging';
import { RequestStore } from '@support/persistence';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { type NotQueued, notQueued, publishAfterCommit } from '../http/after-commit';
import { SETTINGS, type Settings } from '../settings';

/** What a channel adds to a customer's message: details for its timeline entry, and rows that commit with it (a unique one makes a repeat apply nothing). */
export interface CustomerMessageExtras {
  detail?: Omit<CustomerMessageDetail, 'from' | 'body'>;
  alsoStore?: (manager: EntityManager) => Promise<unknown>;
}

/** Puts a request's job in an agent or team queue (the desk's claims take it from there). */
export async function placeInQueue(publisher: EventPublisher, request: SupportRequest, place: QueuePlace): Promise<void> {
  await publisher.enqueueForAgents(place.queue, place.id, request.id, queueOrder(request));
}

/**
 * A message from the customer, whichever way it came (HTTP with a customer token or company key,
 * or a reply mail, apps/mail-in): it brings a request that waits for them back to its agent (which
 * resumes a paused SLA clock through `request.customer-replied`), reopens a resolved one within the
 * window, and is kept on any other open request.
 */
@Injectable()
export class CustomerReplies {
  constructor(
    private readonly store: RequestStore,
    private readonly publisher: EventPublisher,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  async reply(from: Principal['kind'], request: SupportRequest, body: string, extras: CustomerMessageExtras = {}): Promise<{ status: string } & Partial<NotQueued>> {
    const now = new Date();
    const kind = customerMessageKind(request, now, this.settings.reopenWindowMs);
    if (kind === 'too-late') throw new ConflictException('this request was resolved too long ago to reopen: please submit a new request');
    if (kind === 'finished') throw new ConflictException(`this request is ${request.status}: please submit a new request`);
    if (kind === 'note') {
      if (!(await this.store.apply(request.id, customerWrote(request, from, body, { kind: 'note' }, now, extras.detail), { alsoStore: extras.alsoStore, durable: true }))) {
        throw new ConflictException('this message was already received');
      }
      return { status: request.status };
    }
    // Back to its agent (a queue of their own, claimed before the team queues), or to the team.
    const occurrence = kind === 'answered' ? `r${request.awaitCount}` : `o${request.reopenCount + 1}`;
    const queue = request.assigneeId ? agentQueueName(request.assigneeId) : teamQueueName(request.teamId as string);
    const place = { queue, id: `${request.id}.${occurrence}` };
    const next = customerWrote(request, from, body, { kind, place }, now, extras.detail);
    if (!(await this.store.apply(request.id, next, { alsoStore: extras.alsoStore, durable: true }))) throw new ConflictException('this reply was already received');
    const queued = await publishAfterCommit('customer reply', async () => {
      await placeInQueue(this.publisher, request, place);
      await this.publisher.emit(request, next.emits);
    });
    return { status: next.patch.status ?? request.status, ...(queued ? {} : notQueued('the agent sees it')) };
  }
}
