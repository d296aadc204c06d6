import { ConflictException, GoneException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Events, InvalidInputError, Jobs, type NotificationData, Queues, type QueuedSubmissionDto } from '@support/contracts';
import { decideSend, isSampled, monthWindow, previousPeriod, relationshipKey, surveyId, surveyLanguage } from '@support/domain';
import { EventPublisher } from '@support/messaging';
import { ProducerEntity, ReferenceStore, RequestEntity, RequestStore, SurveyEntity } from '@support/persistence';
import { publishAfterCommit, SETTINGS, type Settings } from '@support/platform';
import type { DataSource, EntityManager } from 'typeorm';
import type { SurveyAnswerDto } from './survey.dto';
import { SurveyPolicyService } from './survey-policy.service';
import { SurveyOptOuts } from './survey-opt-outs';
import { SurveyTokens } from './survey-tokens';

/** The producer whose `request.submitted` jobs are follow-ups of low survey scores (created when missing). */
export const FOLLOW_UP_PRODUCER = 'survey-follow-up';

const sendJobId = (id: string) => `${id}.${Jobs.surveySend}`;

/**
 * Surveys ([feedback], 7.1, 7.2): the row in `surveys` is the truth (send time, status, answer);
 * a delayed `survey.send-due` job is only the alarm clock (principle 7). Every step is
 * idempotent: the survey id derives from (kind, request or period+customer, round), a row is
 * inserted once, a status moves only from the expected status, and follow-on jobs have
 * deterministic ids.
 */
@Injectable()
export class SurveyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly requests: RequestStore,
    private readonly reference: ReferenceStore,
    private readonly publisher: EventPublisher,
    private readonly policyService: SurveyPolicyService,
    private readonly tokens: SurveyTokens,
    private readonly optOuts: SurveyOptOuts,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  private get policy() {
    return this.policyService.policy;
  }

  private repo() {
    return this.dataSource.getRepository(SurveyEntity);
  }

  find(id: string): Promise<SurveyEntity | null> {
    return this.repo().findOneBy({ id });
  }

  /** After a resolution: one survey per resolution round, sampled, sent after the policy's delay. */
  async scheduleAfterResolution(requestId: string): Promise<{ surveyId?: string; status: string; reason?: string }> {
    const request = await this.requests.find(requestId);
    // Reopened (or closed) before this event was handled: nothing to ask about now.
    if (!request || request.status !== 'resolved' || !request.resolvedAt) return { status: 'none', reason: `request is ${request?.status ?? 'missing'}` };
    const round = request.reopenCount;
    const id = surveyId('transactional', request.id, round);
    const sampled = isSampled(this.policy, request.customerId, request.id);
    const sendAt = new Date(Date.parse(request.resolvedAt) + this.policy.delayMs);
    await this.insertOnce({
      ...this.fromRequest(request),
      id,
      kind: 'transactional',
      requestId: request.id,
      round,
      status: sampled ? 'scheduled' : 'skipped',
      statusReason: sampled ? null : `not sampled (rate ${this.policy.samplingRate})`,
      sendAt: sendAt.toISOString(),
    });
    const survey = (await this.find(id)) as SurveyEntity;
    if (survey.status === 'scheduled') await this.arm(survey);
    return { surveyId: id, status: survey.status, reason: survey.statusReason ?? undefined };
  }

  /** The request reopened: a survey not yet sent about it is cancelled (its alarm then finds nothing to do). */
  async cancelOnReopen(requestId: string): Promise<{ cancelled: number }> {
    const pending = await this.repo().findBy({ requestId, kind: 'transactional', status: 'scheduled' });
    let cancelled = 0;
    for (const survey of pending) {
      const result = await this.repo().update({ id: survey.id, status: 'scheduled' }, { status: 'cancelled', statusReason: 'the request was reopened before the survey was sent' });
      cancelled += result.affected ?? 0;
      // The alarm would find the survey cancelled anyway; removing it is tidiness, not correctness.
      await this.publisher.cancel(Jobs.surveySend, sendJobId(survey.id)).catch(() => undefined);
    }
    return { cancelled };
  }

  /**
   * The alarm rang: send the survey unless the request reopened or closed meanwhile, or the
   * customer's cooldown or monthly cap forbids it. Throttling is decided here, at send time,
   * under a per-customer lock, because surveys sent since scheduling must count.
   */
  async sendDue(id: string, now = new Date()): Promise<{ status: string; reason?: string }> {
    const before = await this.find(id);
    if (!before) return { status: 'unknown survey' };
    if (before.status === 'scheduled' && Date.parse(before.sendAt) > now.getTime() + 1000) {
      // Early (clock skew, or a sweeper's re-arm): ring again at the stored time.
      await this.publisher.enqueue(Jobs.surveySend, { surveyId: id }, { jobId: `${sendJobId(id)}.at${Date.parse(before.sendAt)}`, delay: Date.parse(before.sendAt) - now.getTime() });
      return { status: 'scheduled', reason: 'early: re-armed' };
    }
    const survey = before.status === 'scheduled' ? await this.requests.unitOfWork.run((m) => this.decideAndMark(m, id, now)) : before;
    // A survey already sent (a redelivered alarm, or a crash after the commit) only re-emits its delivery.
    if (survey.status === 'sent') await this.deliver(survey);
    return { status: survey.status, reason: survey.statusReason ?? undefined };
  }

  private async decideAndMark(m: EntityManager, id: string, now: Date): Promise<SurveyEntity> {
    const survey = (await m.findOneBy(SurveyEntity, { id })) as SurveyEntity;
    if (m.connection.options.type === 'postgres') await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`survey:${survey.customerId}`]);
    const fresh = (await m.findOneBy(SurveyEntity, { id })) as SurveyEntity;
    if (fresh.status !== 'scheduled') return fresh;
    let patch: Partial<SurveyEntity>;
    const stale = fresh.kind === 'transactional' ? await this.staleReason(m, fresh) : null;
    if (stale) patch = { status: 'cancelled', statusReason: stale };
    else if (await this.optOuts.hasOptedOut(m, fresh.customerId)) patch = { status: 'skipped', statusReason: 'the customer unsubscribed from surveys' };
    else {
      const month = monthWindow(now, this.policy.timezone);
      const last = await m
        .createQueryBuilder(SurveyEntity, 's')
        .select('MAX(s.sentAt)', 'last')
        .where('s.customerId = :c', { c: fresh.customerId })
        .andWhere('s.id <> :id', { id: fresh.id })
        .andWhere('s.sentAt IS NOT NULL')
        .getRawOne<{ last: string | null }>();
      const sentThisMonth = await m
        .createQueryBuilder(SurveyEntity, 's')
        .where('s.customerId = :c', { c: fresh.customerId })
        .andWhere('s.id <> :id', { id: fresh.id })
        .andWhere('s.sentAt >= :from AND s.sentAt < :to', { from: month.start.toISOString(), to: month.end.toISOString() })
        .getCount();
      const decision = decideSend(this.policy, { lastSentAt: last?.last ? new Date(last.last) : null, sentThisMonth }, now);
      patch = decision.send
        ? { status: 'sent', statusReason: null, sentAt: now.toISOString(), expiresAt: new Date(now.getTime() + this.policy.tokenLifetimeMs).toISOString() }
        : { status: 'skipped', statusReason: decision.reason };
    }
    await m.update(SurveyEntity, { id, status: 'scheduled' }, patch);
    return { ...fresh, ...patch };
  }

  /** Why a transactional survey must not go out now: the request is no longer resolved in that round. */
  private async staleReason(m: EntityManager, survey: SurveyEntity): Promise<string | null> {
    const request = await m.findOneBy(RequestEntity, { id: survey.requestId });
    if (!request) return 'the request no longer exists';
    if (request.status !== 'resolved') return `the request is ${request.status}`;
    if (request.reopenCount !== survey.round) return 'the request was reopened and resolved again (a later round has its own survey)';
    return null;
  }

  /** The delivery notification (integrators e-mail it or show it in the company portal); idempotent per survey. */
  async deliver(survey: SurveyEntity): Promise<void> {
    const lang = surveyLanguage(survey.language);
    const expiresAt = new Date(survey.expiresAt as string);
    const token = await this.tokens.sign(survey.id, expiresAt);
    const portal = survey.segment === 'business' && !!survey.companyId;
    // Rule 7.2: a business survey is answered in the company portal's Feedback section.
    const link = portal ? `${this.settings.publicUrl}/portal#feedback-h` : `${this.settings.publicUrl}/surveys/${token}`;
    const when = expiresAt.toISOString().slice(0, 10);
    const data: NotificationData = {
      to: portal ? { kind: 'company', id: survey.companyId as string, email: survey.customerEmail } : { kind: 'customer', id: survey.customerId, email: survey.customerEmail },
      subject: this.policyService.text(lang, 'subject'),
      body: this.policyService.text(lang, portal ? 'companyBody' : 'body', { link, expiresAt: when }),
      link,
      surveyId: survey.id,
      ...(survey.kind === 'transactional' ? { requestId: survey.requestId } : {}),
      detail: {
        channel: portal ? 'company-portal' : 'form',
        language: lang,
        kind: survey.kind,
        segment: survey.segment,
        expiresAt: survey.expiresAt,
        clauses: ['[feedback]', portal ? '7.2' : '7.1'],
        unsubscribe: await this.optOuts.link(survey.customerId, new Date(survey.sentAt ?? survey.sendAt)),
      },
    };
    await this.publisher.publish(Events.surveyDelivery, data, { key: survey.id });
  }

  /**
   * The periodic relationship survey: every customer with a request resolved in the last
   * complete period gets one survey for that period (once, however often the run repeats),
   * sent now under the same cooldown and cap.
   */
  async runPeriodic(at: Date): Promise<{ period: string; customers: number; scheduled: number }> {
    const period = previousPeriod(at, this.policy.relationship.period, this.policy.relationship.timezone);
    const resolved = await this.dataSource
      .getRepository(RequestEntity)
      .createQueryBuilder('r')
      .where('r.status = :s', { s: 'resolved' })
      .andWhere('r.resolvedAt >= :from AND r.resolvedAt < :to', { from: period.start.toISOString(), to: period.end.toISOString() })
      .orderBy('r.resolvedAt', 'ASC')
      .getMany();
    const latest = new Map<string, RequestEntity>();
    for (const r of resolved) latest.set(r.customerId, r); // the customer's latest resolved request gives team, language, channel
    let scheduled = 0;
    const now = new Date().toISOString();
    for (const request of latest.values()) {
      const key = relationshipKey(period.key, request.customerId);
      const id = surveyId('relationship', key, 0);
      await this.insertOnce({ ...this.fromRequest(request), id, kind: 'relationship', requestId: key, round: 0, status: 'scheduled', statusReason: `period ${period.key}`, sendAt: now });
      const survey = (await this.find(id)) as SurveyEntity;
      if (survey.status === 'scheduled') {
        await this.arm(survey);
        scheduled++;
      }
    }
    return { period: period.key, customers: latest.size, scheduled };
  }

  /** Catches lost alarms, expires old links, re-emits recent answers' events (their job ids make repeats no-ops). */
  async sweep(now = new Date()): Promise<{ rearmed: number; expired: number; reemitted: number }> {
    const late = new Date(now.getTime() - this.settings.stuckAfterMs).toISOString();
    const stuck = await this.repo().createQueryBuilder('s').where('s.status = :st', { st: 'scheduled' }).andWhere('s.sendAt < :late', { late }).orderBy('s.sendAt', 'ASC').limit(500).getMany();
    const bucket = Math.floor(now.getTime() / Math.max(1, this.settings.stuckAfterMs));
    for (const s of stuck) await this.publisher.enqueue(Jobs.surveySend, { surveyId: s.id }, { jobId: `${sendJobId(s.id)}.sweep${bucket}` });
    // Alarms not due yet are armed again under their own id: a no-op while Redis holds them, back at once when it lost them.
    const pending = await this.repo().createQueryBuilder('s').where('s.status = :st', { st: 'scheduled' }).andWhere('s.sendAt >= :late', { late }).orderBy('s.sendAt', 'ASC').limit(500).getMany();
    for (const s of pending) await this.arm(s);
    const expired = await this.repo()
      .createQueryBuilder()
      .update(SurveyEntity)
      .set({ status: 'expired', statusReason: 'the link expired unanswered' })
      .where('status = :st', { st: 'sent' })
      .andWhere('expiresAt <= :now', { now: now.toISOString() })
      .execute();
    const recent = await this.repo()
      .createQueryBuilder('s')
      .where('s.status = :st', { st: 'answered' })
      .andWhere('s.answeredAt >= :from AND s.answeredAt < :late', { from: new Date(now.getTime() - 5 * this.settings.stuckAfterMs).toISOString(), late })
      .limit(500)
      .getMany();
    for (const s of recent) await this.emitAnswered(s);
    return { rearmed: stuck.length, expired: expired.affected ?? 0, reemitted: recent.length };
  }

  /** Checks a link for the form: the survey it opens, or why it cannot be answered. */
  async open(token: string, now = new Date()): Promise<SurveyEntity> {
    const check = await this.tokens.check(token, now);
    if (!check.ok && check.reason === 'invalid') throw new NotFoundException({ statusCode: 404, reason: 'unknown', message: 'This survey link is not valid.' });
    const survey = await this.find(check.surveyId);
    if (!survey || !['sent', 'answered', 'expired'].includes(survey.status)) throw new NotFoundException({ statusCode: 404, reason: 'unknown', message: 'This survey link is not valid.' });
    if (survey.status === 'answered') throw Object.assign(new ConflictException({ statusCode: 409, reason: 'answered', message: 'This survey has already been answered.' }), { survey });
    if (!check.ok || survey.status === 'expired') {
      await this.repo().update({ id: survey.id, status: 'sent' }, { status: 'expired', statusReason: 'the link expired unanswered' });
      throw Object.assign(new GoneException({ statusCode: 410, reason: 'expired', message: `This survey link expired at ${check.expiresAt.toISOString()}.` }), { survey });
    }
    return survey;
  }

  /** Stores an answer once (the single use of the link), then tells integrators and opens a follow-up on a low score. */
  async answer(token: string, dto: SurveyAnswerDto, now = new Date()): Promise<SurveyEntity & { queued: boolean }> {
    if (!this.policyService.isFeedbackType(dto.feedbackType)) {
      throw new InvalidInputError([{ field: 'feedbackType', messages: [`feedbackType must be one of ${this.policy.feedbackTypes.map((t) => t.id).join(', ')}`] }]);
    }
    const survey = await this.open(token, now);
    const patch: Partial<SurveyEntity> = { status: 'answered', answeredAt: now.toISOString(), score: dto.score, feedbackType: dto.feedbackType, comment: dto.comment?.trim() || null };
    const result = await this.repo().update({ id: survey.id, status: 'sent' }, patch);
    if ((result.affected ?? 0) !== 1) await this.open(token, now); // lost a race: answers 409 (or 410)
    const answered = { ...survey, ...patch } as SurveyEntity;
    // Stored: with Redis unreachable the answer stands, and the sweep re-emits recent answers' events.
    const queued = await publishAfterCommit('survey answer', () => this.emitAnswered(answered));
    return { ...answered, queued };
  }

  private async emitAnswered(survey: SurveyEntity): Promise<void> {
    const low = (survey.score ?? 5) <= this.policy.lowScoreThreshold;
    const followUp = low ? await this.openFollowUp(survey) : null;
    const data: NotificationData = {
      to: { kind: 'supervisors', id: survey.teamId ?? 'unassigned', team: survey.teamId },
      subject: `Survey answered: ${survey.score}/5 (${survey.feedbackType})${low ? ' — low score, follow-up opened' : ''}`,
      body: survey.comment ?? '',
      surveyId: survey.id,
      ...(survey.kind === 'transactional' ? { requestId: survey.requestId } : {}),
      detail: {
        kind: survey.kind,
        score: survey.score,
        feedbackType: survey.feedbackType,
        comment: survey.comment,
        lowScore: low,
        followUp,
        segment: survey.segment,
        country: survey.country,
        customerId: survey.customerId,
      },
    };
    await this.publisher.publish(Events.surveyAnswered, data, { key: survey.id });
  }

  /**
   * A low score opens a follow-up request for the team's supervisors: a `request.submitted` job on
   * the public intake queue (CONTRACT.md) from the system producer `survey-follow-up`, with the
   * survey id as idempotency key and job id, so it is submitted exactly once. It then goes through
   * the pipeline like any request; the `survey.answered` notification to the supervisors names it.
   */
  private async openFollowUp(survey: SurveyEntity): Promise<{ queue: string; jobId: string; producer: string }> {
    const jobId = `follow-up.${survey.id}`;
    if (!(await this.reference.producer(FOLLOW_UP_PRODUCER))) {
      // Through the store: it writes in the unit of work and forgets the "no such producer" it just cached.
      await this.reference.put(ProducerEntity, { id: FOLLOW_UP_PRODUCER, name: 'Survey follow-ups (low scores)' });
    }
    const basis =
      survey.kind === 'transactional'
        ? await this.requests.find(survey.requestId)
        : await this.dataSource.getRepository(RequestEntity).findOne({ where: { customerId: survey.customerId }, order: { receivedAt: 'DESC' } });
    if (!basis) throw new Error(`survey ${survey.id}: no request of customer ${survey.customerId} to base the follow-up on`);
    const about = survey.kind === 'transactional' ? `request ${basis.id} “${basis.subject}”` : `the ${survey.statusReason ?? 'periodic'} relationship survey`;
    const body: QueuedSubmissionDto = {
      producer: FOLLOW_UP_PRODUCER,
      idempotencyKey: jobId,
      customer: { id: survey.customerId, email: survey.customerEmail ?? basis.customerEmail, country: survey.country, language: survey.language },
      ...(survey.companyId ? { companyId: survey.companyId } : {}),
      product: { code: basis.productCode, version: basis.productVersion },
      ...(basis.platform ? { platform: basis.platform as QueuedSubmissionDto['platform'] } : {}),
      ...(basis.licenceKey ? { licenceKey: basis.licenceKey } : {}),
      channel: 'api',
      subject: `Follow-up: customer rated our support ${survey.score}/5`,
      description: [
        `The customer answered the feedback survey ${survey.id} about ${about} with ${survey.score} of 5 (feedback about: ${survey.feedbackType}).`,
        survey.comment ? `Their comment: ${survey.comment}` : 'They left no comment.',
        `Supervisors of team ${survey.teamId ?? '(none)'}: please contact the customer about their experience.`,
      ].join('\n'),
    } as QueuedSubmissionDto;
    // Through the typed intake contract (the fan-out table sends request.submitted to the intake queue).
    await this.publisher.publish(Events.submitted, body, { jobId });
    return { queue: Queues.intake, jobId, producer: FOLLOW_UP_PRODUCER };
  }

  /** Pending surveys of a company's portal (7.2): sent and not yet expired. */
  async pendingForCompany(companyId: string, now = new Date()) {
    const rows = await this.repo()
      .createQueryBuilder('s')
      .where('s.companyId = :c', { c: companyId })
      .andWhere('s.status = :st', { st: 'sent' })
      .andWhere('s.expiresAt > :now', { now: now.toISOString() })
      .orderBy('s.sentAt', 'DESC')
      .getMany();
    const subjects = new Map<string, string>();
    for (const r of rows) if (r.kind === 'transactional') subjects.set(r.requestId, (await this.requests.find(r.requestId))?.subject ?? '');
    return Promise.all(
      rows.map(async (s) => {
        const token = await this.tokens.sign(s.id, new Date(s.expiresAt as string));
        const lang = surveyLanguage(s.language);
        return {
          id: s.id,
          kind: s.kind,
          requestId: s.kind === 'transactional' ? s.requestId : null,
          subject: subjects.get(s.requestId) ?? null,
          customerId: s.customerId,
          language: lang,
          sentAt: s.sentAt,
          expiresAt: s.expiresAt,
          token,
          form: `${this.settings.publicUrl}/surveys/${token}`,
          answer: { method: 'POST', path: `/v1/surveys/${token}` },
          feedbackTypes: this.policy.feedbackTypes.map((t) => ({ id: t.id, label: t.labels[lang] })),
        };
      }),
    );
  }

  private fromRequest(r: RequestEntity): Pick<SurveyEntity, 'customerId' | 'customerEmail' | 'companyId' | 'segment' | 'country' | 'language' | 'teamId'> {
    return {
      customerId: r.customerId,
      customerEmail: r.customerEmail,
      companyId: r.companyId,
      segment: (r.segment as 'home' | 'business') ?? 'home',
      country: r.country,
      language: surveyLanguage(r.language),
      teamId: r.teamId,
    };
  }

  private async insertOnce(row: Omit<SurveyEntity, 'sentAt' | 'expiresAt' | 'answeredAt' | 'score' | 'feedbackType' | 'comment' | 'createdAt'>): Promise<void> {
    await this.repo()
      .createQueryBuilder()
      .insert()
      .into(SurveyEntity)
      .values({ ...row, sentAt: null, expiresAt: null, answeredAt: null, score: null, feedbackType: null, comment: null, createdAt: new Date().toISOString() })
      .orIgnore()
      .execute();
  }

  /** The alarm clock: a delayed job with a deterministic id, due at the stored send time. */
  private async arm(survey: SurveyEntity): Promise<void> {
    const delay = Math.max(0, Date.parse(survey.sendAt) - Date.now());
    await this.publisher.enqueue(Jobs.surveySend, { surveyId: survey.id }, { jobId: sendJobId(survey.id), delay });
  }
}
