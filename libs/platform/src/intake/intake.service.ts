import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Events, type SubmissionAnswer, type SubmissionDto } from '@support/contracts';
import { splitSubmission, statusAfter, UNDECIDED, warmClassifier } from '@support/domain';
import { EventPublisher } from '@support/messaging';
import { newId, RequestEntity, RequestStore, type SubmissionEntity } from '@support/persistence';
import { CUSTOMER_TOKEN } from '../auth/auth.guard';
import { TokenSigner } from '../auth/token-signer';
import { type NotQueued, notQueued, publishAfterCommit } from '../http/after-commit';
import { RulesService } from '../reference/rules.service';
import { SETTINGS, type Settings } from '../settings';

/** What storing a request emits: written to the outbox with it, published after the commit. */
const RECEIVED = [{ event: Events.received }];

/**
 * The 202 answer (CONTRACT.md), plus `notice` when rule 2.3 applied: the list of the requests a
 * split submission became, or the request to submit one request per problem ("ask" mode).
 */
export type IntakeAnswer = SubmissionAnswer & { notice?: string } & Partial<NotQueued>;

export interface IntakeResult {
  answer: IntakeAnswer;
  /** false when the idempotency key was seen before: the first answer is returned again. */
  created: boolean;
}

/**
 * Intake, shared by HTTP, the queue and mail (apps/mail-in): stores a submission and its requests (one per problem,
 * rule 2.3) in one transaction, then hands each request to the licence check. A repeated
 * idempotency key stores nothing new and re-emits, so a crash between commit and publish heals
 * on the producer's retry (and the pipeline sweeper covers producers that do not retry).
 */
@Injectable()
export class IntakeService implements OnModuleInit {
  constructor(
    private readonly store: RequestStore,
    private readonly publisher: EventPublisher,
    private readonly rules: RulesService,
    private readonly tokens: TokenSigner,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  /** Splitting a submission reads the classifier's model (rule 2.3): loaded before the first one arrives. */
  onModuleInit(): void {
    warmClassifier();
  }

  async submit(body: SubmissionDto, producerId: string, idempotencyKey: string | null): Promise<IntakeResult> {
    if (idempotencyKey) {
      const existing = await this.store.findSubmission(producerId, idempotencyKey);
      if (existing) return { answer: await this.reemit(existing), created: false };
    }
    const receivedAt = new Date();
    const ruleSet = this.rules.inForce(receivedAt);
    const split = splitSubmission(ruleSet, { subject: body.subject, description: body.description }, body.customer.language);
    const parts = split.parts;
    const submissionId = newId('sub');
    const requests = parts.map((part, index) => this.toRequest(body, producerId, submissionId, index, part, receivedAt, ruleSet.version));
    const submission: SubmissionEntity = {
      id: submissionId,
      producerId,
      idempotencyKey,
      channel: body.channel,
      receivedAt: receivedAt.toISOString(),
      payload: body as unknown as Record<string, unknown>,
      requestIds: requests.map((r) => r.id),
    };
    const created = await this.store.createSubmission(
      submission,
      requests,
      (r) => ({
        stage: 'intake',
        event: Events.received,
        effectKey: 'intake',
        at: receivedAt,
        detail: {
          submissionId,
          channel: body.channel,
          part: r.partIndex + 1,
          of: requests.length,
          rulesVersion: ruleSet.version,
          // Rule 2.3: what the customer was told about several problems in one message.
          ...(split.notice ? { splitting: split.mode, problemsDetected: split.problemsDetected, notice: split.notice } : {}),
        },
      }),
      RECEIVED,
    );
    if (!created) {
      // Another delivery of the same key won the race: answer with what it stored.
      const winner = await this.store.findSubmission(producerId, idempotencyKey as string);
      return { answer: await this.reemit(winner as SubmissionEntity), created: false };
    }
    const queued = await this.emitReceived(submission.requestIds);
    return { answer: await this.answer(submission, split.notice, queued), created: true };
  }

  private toRequest(
    body: SubmissionDto,
    producerId: string,
    submissionId: string,
    index: number,
    part: { subject: string; description: string },
    receivedAt: Date,
    rulesVersion: string,
  ): RequestEntity {
    const at = receivedAt.toISOString();
    return Object.assign(new RequestEntity(), {
      id: newId('req'),
      submissionId,
      partIndex: index,
      producerId,
      status: statusAfter(null, [Events.received]),
      ...UNDECIDED,
      country: body.customer.country.toUpperCase(),
      language: body.customer.language ?? null,
      customerId: body.customer.id,
      customerEmail: body.customer.email,
      companyId: body.companyId ?? null,
      productCode: body.product.code,
      productVersion: body.product.version,
      platform: body.platform ? { ...body.platform } : null,
      licenceKey: body.licenceKey ?? null,
      channel: body.channel,
      topic: body.topic ?? null,
      subject: part.subject.slice(0, 220),
      description: part.description,
      rulesVersion,
      receivedAt: at,
      updatedAt: at,
    });
  }

  private async reemit(submission: SubmissionEntity): Promise<IntakeAnswer> {
    const queued = await this.emitReceived(submission.requestIds);
    // The first answer's notice is the one recorded on the timeline (the rules may have changed since).
    const received = (await this.store.timeline(submission.requestIds[0])).find((e) => e.event === Events.received);
    const notice = received?.detail?.notice;
    return this.answer(submission, typeof notice === 'string' ? notice : null, queued);
  }

  /**
   * Publishes after the commit. With Redis unreachable the submission stays stored (false): the
   * answer says so, and the pipeline sweeper publishes requests left in `received` when it is back.
   */
  private emitReceived(requestIds: string[]): Promise<boolean> {
    return publishAfterCommit('request.received', () => Promise.all(requestIds.map((requestId) => this.publisher.emit({ id: requestId }, RECEIVED))));
  }

  /**
   * The customer tokens are issued at the submission's receipt and expire CUSTOMER_TOKEN_TTL_MS
   * later: derived from the stored receipt time, so a repeated idempotency key gets the same
   * tokens again (while the signing secret and the lifetime stay the same).
   */
  private async answer(submission: SubmissionEntity, notice: string | null, queued: boolean): Promise<IntakeAnswer> {
    const issuedAt = new Date(submission.receivedAt);
    const expiresAt = new Date(issuedAt.getTime() + this.settings.customerTokenTtlMs);
    return {
      submissionId: submission.id,
      requests: await Promise.all(submission.requestIds.map(async (id) => ({ id, customerToken: await this.tokens.sign(CUSTOMER_TOKEN, id, { issuedAt, expiresAt }) }))),
      ...(notice ? { notice } : {}),
      ...(queued ? {} : notQueued()),
    };
  }
}
