import type { Emit, RequestRepository, SupportRequest, Transition } from '@support/domain';
import { TransitionRefused } from '@support/domain';
import { UnrecoverableError } from 'bullmq';
import type { EventPublisher } from './event-publisher';

/** One stage of a request's life, as the runner drives it. */
export interface Stage {
  /** the stage's name, for metrics */
  name: string;
  /** Is the stage's effect stored already? (Its own columns say so, written in the same transaction.) */
  done(request: SupportRequest): boolean;
  /** Why this request cannot go through the stage (bad data: fails at once), or null. */
  notReady?(request: SupportRequest): string | null;
  /** The transition, from the request and the facts the stage looks up (may throw to retry later). */
  decide(request: SupportRequest): Promise<Transition>;
  /** What the stage publishes, from the stored request: the same after a redelivery. */
  emits(request: SupportRequest): Emit[];
  /** Work after publishing that follows from the stored request (e.g. its place in a team queue). */
  after?(request: SupportRequest): Promise<void>;
  /** The metric label of a decision just taken. */
  outcome?(transition: Transition): string;
}

export type DecisionObserver = (stage: string, outcome: string) => void;

/**
 * The stage runner (principle 2): load, guard, apply once, emit. A stage's effect and its timeline
 * entries commit in one transaction whose effect key makes a second apply impossible; whether it
 * was applied now or by an earlier delivery, what follows is published from the stored request,
 * with deterministic job ids. A worker killed at any instruction loses and duplicates nothing.
 * Errors are not caught: retries are BullMQ's; a request that is missing or not ready fails at once.
 */
export class StageRunner {
  constructor(
    private readonly requests: RequestRepository,
    private readonly publisher: EventPublisher,
    private readonly observe: DecisionObserver = () => undefined,
  ) {}

  async run(requestId: string, stage: Stage): Promise<SupportRequest> {
    let request = await this.requests.find(requestId);
    if (!request) throw new UnrecoverableError(`request ${requestId} does not exist`);
    const notReady = stage.notReady?.(request);
    if (notReady) throw new UnrecoverableError(`request ${requestId}: ${notReady}`);
    if (!stage.done(request)) {
      const next = await this.decide(stage, request);
      if (await this.requests.apply(requestId, next)) {
        request = { ...request, ...next.patch };
        this.observe(stage.name, stage.outcome?.(next) ?? 'applied');
      } else {
        // Another delivery won the race: its stored effect is the one to follow.
        request = (await this.requests.find(requestId)) as SupportRequest;
      }
    }
    await this.publisher.emit(request, stage.emits(request));
    await stage.after?.(request);
    return request;
  }

  private async decide(stage: Stage, request: SupportRequest): Promise<Transition> {
    try {
      return await stage.decide(request);
    } catch (error) {
      // The lifecycle does not allow this step from the stored status: retrying cannot help.
      if (error instanceof TransitionRefused) throw new UnrecoverableError(error.message);
      throw error;
    }
  }
}
