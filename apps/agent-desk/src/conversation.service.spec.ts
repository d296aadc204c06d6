import 'reflect-metadata';
import { ConflictException } from '@nestjs/common';
import { agentQueueName, entriesOf, eventJobId, Jobs, Queues, teamQueueName } from '@support/contracts';
import { queueOrder } from '@support/domain';
import { type AgentEntity, newId, type RequestEntity } from '@support/persistence';
import type { Principal } from '@support/platform';
import { testDatabases } from '../../../test/support/databases';
import { type ServiceHarness, serviceHarness } from '../../../test/support/service-harness';
import { AgentQueues } from './agent-queues';
import { ClaimsService } from './claims.service';
import { ConversationService } from './conversation.service';

const DAY = 24 * 3600_000;

describe.each(testDatabases())('ConversationService (%s, real Redis)', (db) => {
  let h: ServiceHarness;
  let agentQueues: AgentQueues;
  let claims: ClaimsService;
  let conversation: ConversationService;
  let agents = 0;

  beforeAll(async () => {
    h = await serviceHarness(db, 'conversation-spec', { REMINDER_AFTER_MS: String(3 * DAY), AUTO_CLOSE_AFTER_MS: String(7 * DAY), REOPEN_WINDOW_MS: String(14 * DAY) });
    agentQueues = new AgentQueues(h.queues, h.workerRedis, h.settings);
    claims = new ClaimsService(agentQueues, h.store, h.reference, h.publisher, h.settings);
    conversation = new ConversationService(h.store, claims, h.publisher, h.settings);
  });

  afterAll(async () => {
    await agentQueues?.onApplicationShutdown();
    await h?.close();
  });

  /** An agent with a team (and so a team queue) of its own, so tests never claim each other's work. */
  const newAgent = (): AgentEntity => {
    agents += 1;
    return { id: `agent-${agents}`, name: `Agent ${agents}`, teams: [`team-${agents}`], role: 'agent', email: null };
  };

  /** A paid customer's request (so the SLA clock hears of it) routed to the agent's team, waiting in the team queue as routing leaves it. */
  async function queuedFor(agent: AgentEntity): Promise<RequestEntity> {
    const id = newId('req');
    const team = agent.teams[0];
    const request = await h.insertRequest({ id, status: 'queued', teamId: team, priority: 3, supportPlan: 'premium', queueJob: { queue: teamQueueName(team), id } });
    await h.publisher.enqueueForAgents(teamQueueName(team), id, id, queueOrder(request));
    return request;
  }

  /** The same, claimed by the agent through the real claim (a BullMQ job lock as the lease). */
  async function claimedBy(agent: AgentEntity): Promise<RequestEntity> {
    const queued = await queuedFor(agent);
    const claim = await claims.claim(agent);
    expect(claim?.request).toMatchObject({ id: queued.id, status: 'assigned', assigneeId: agent.id });
    return h.request(queued.id);
  }

  /** A request waiting for the customer after the agent asked for information. */
  async function awaitingCustomer(agent: AgentEntity): Promise<RequestEntity> {
    const request = await claimedBy(agent);
    await conversation.reply(agent, request, 'Please send the log file.', true, 'information-request');
    return h.request(request.id);
  }

  const customer = (request: RequestEntity): Principal => ({ kind: 'customer', id: request.id, requestId: request.id });

  describe('reply', () => {
    it('records the first response and publishes it, the request staying with its agent', async () => {
      const agent = newAgent();
      const request = await claimedBy(agent);

      await conversation.reply(agent, request, 'Add the program to the exclusions.', false, 'answer');

      const stored = await h.request(request.id);
      expect(stored).toMatchObject({ status: 'assigned', assigneeId: agent.id, leaseToken: request.leaseToken, awaitCount: 0 });
      expect(stored.firstResponseAt).not.toBeNull();
      const [replied] = entriesOf(await h.timeline(request.id), 'request.replied');
      expect(replied.detail).toEqual({ agent: agent.id, body: 'Add the program to the exclusions.', kind: 'answer', firstResponse: true });
      // The reply's effect key names the instant of the first response (and the agent).
      expect(replied.effectKey).toBe(`reply:${Date.parse(stored.firstResponseAt!)}:${agent.id}`);
      // The entry's time is the first response's time, to the millisecond.
      expect(replied.at).toBe(stored.firstResponseAt);
      // The SLA clock hears of it, under an id derived from the reply's effect key.
      // Its job id spells the occurrence with dots: BullMQ reserves ":" in ids.
      const job = await h.job(Queues.sla, eventJobId('request.replied', `${request.id}.reply.${Date.parse(replied.at)}.${agent.id}`));
      expect(job?.id).not.toContain(':');
      expect(job).toMatchObject({ name: 'request.replied', data: { requestId: request.id } });
      // No wait: no alarms, and the agent still holds the job.
      expect(await h.job(Queues.lifecycle, `${request.id}.${Jobs.reminderDue}.1`)).toBeNull();
      expect(await (await h.job(teamQueueName(agent.teams[0]), request.id))!.getState()).toBe('active');
    });

    it('a second reply is not the first response', async () => {
      const agent = newAgent();
      const request = await claimedBy(agent);
      await conversation.reply(agent, request, 'First.', false, 'answer');
      const first = (await h.request(request.id)).firstResponseAt;

      await conversation.reply(agent, await h.request(request.id), 'Second.', false, 'answer');

      expect((await h.request(request.id)).firstResponseAt).toBe(first);
      expect(entriesOf(await h.timeline(request.id), 'request.replied').map((e) => e.detail.firstResponse)).toEqual([true, false]);
    });

    it('waiting for the customer frees the lease and sets a reminder and an auto-close alarm', async () => {
      const agent = newAgent();
      const request = await claimedBy(agent);

      await conversation.reply(agent, request, 'Please run the diagnostic utility.', true, 'diagnostic-utility');

      const stored = await h.request(request.id);
      expect(stored).toMatchObject({ status: 'awaiting-customer', assigneeId: agent.id, awaitCount: 1, leaseToken: null, leaseExpiresAt: null, queueJob: null });
      expect(stored.awaitingSince).not.toBeNull();
      const timeline = await h.timeline(request.id);
      expect(timeline.map((e) => e.event)).toEqual(['request.received', 'request.assigned', 'request.replied', 'request.awaiting-customer']);
      expect(entriesOf(timeline, 'request.awaiting-customer')[0].detail).toEqual({ kind: 'diagnostic-utility', clauses: ['[utilities]'] });
      // The team-queue job the agent held is done with.
      expect(await (await h.job(teamQueueName(agent.teams[0]), request.id))!.getState()).toBe('completed');
      // Both alarms of this (first) wait, delayed by the settings.
      const reminder = await h.job(Queues.lifecycle, `${request.id}.${Jobs.reminderDue}.1`);
      expect(reminder).toMatchObject({ name: Jobs.reminderDue, data: { requestId: request.id, awaitCount: 1 }, delay: 3 * DAY });
      expect(await reminder!.getState()).toBe('delayed');
      const autoClose = await h.job(Queues.lifecycle, `${request.id}.${Jobs.autoCloseDue}.1`);
      expect(autoClose).toMatchObject({ name: Jobs.autoCloseDue, data: { requestId: request.id, awaitCount: 1 }, delay: 7 * DAY });
      expect(await autoClose!.getState()).toBe('delayed');
      expect(await h.job(Queues.sla, eventJobId('request.awaiting-customer', `${request.id}.1`))).toMatchObject({ data: { requestId: request.id } });
    });

    it('asking for information cites [cooperation]', async () => {
      const request = await awaitingCustomer(newAgent());
      expect(entriesOf(await h.timeline(request.id), 'request.awaiting-customer')[0].detail).toEqual({ kind: 'information-request', clauses: ['[cooperation]'] });
    });

    it('is refused (409) to an agent who does not hold the request', async () => {
      const owner = newAgent();
      const request = await claimedBy(owner);
      const other = { ...newAgent(), teams: owner.teams };

      await expect(conversation.reply(other, request, 'Hi', false, 'answer')).rejects.toThrow(ConflictException);
      expect(entriesOf(await h.timeline(request.id), 'request.replied')).toHaveLength(0);
    });
  });

  describe('resolve', () => {
    it('resolves a claimed request, completes its queue job and tells the SLA clock and the surveys', async () => {
      const agent = newAgent();
      const request = await claimedBy(agent);

      await conversation.resolve(agent, request, 'Whitelisted the program.');

      const stored = await h.request(request.id);
      expect(stored).toMatchObject({ status: 'resolved', leaseToken: null, queueJob: null, reopenCount: 0 });
      expect(stored.resolvedAt).not.toBeNull();
      // Resolving without a reply makes the resolution the first response.
      expect(stored.firstResponseAt).toBe(stored.resolvedAt);
      const [resolved] = entriesOf(await h.timeline(request.id), 'request.resolved');
      expect(resolved).toMatchObject({ stage: 'agent-desk', effectKey: 'resolved:0', detail: { agent: agent.id, summary: 'Whitelisted the program.' } });
      expect(await (await h.job(teamQueueName(agent.teams[0]), request.id))!.getState()).toBe('completed');
      const id = eventJobId('request.resolved', `${request.id}.0`);
      expect(await h.job(Queues.sla, id)).toMatchObject({ name: 'request.resolved', data: { requestId: request.id } });
      expect(await h.job(Queues.feedbackSurvey, id)).toMatchObject({ name: 'request.resolved', data: { requestId: request.id } });
    });

    it('lets the assignee resolve a request that waits for the customer (no lease to give back)', async () => {
      const agent = newAgent();
      const request = await awaitingCustomer(agent);

      await conversation.resolve(agent, request, 'Solved by the log.');

      expect(await h.request(request.id)).toMatchObject({ status: 'resolved', awaitingSince: request.awaitingSince });
    });

    it('is refused (409) to another agent while the request waits for the customer, and to anyone before a claim', async () => {
      const agent = newAgent();
      const waiting = await awaitingCustomer(agent);
      const queued = await queuedFor(newAgent());

      await expect(conversation.resolve(newAgent(), waiting, 'not mine')).rejects.toThrow(ConflictException);
      await expect(conversation.resolve(agent, queued, 'not claimed')).rejects.toMatchObject({ status: 409 });
      expect((await h.request(waiting.id)).status).toBe('awaiting-customer');
      expect((await h.request(queued.id)).status).toBe('queued');
    });
  });

  describe('release', () => {
    it('gives the request back to its team queue under a new job', async () => {
      const agent = newAgent();
      const request = await claimedBy(agent);
      const team = teamQueueName(agent.teams[0]);

      await conversation.release(agent, request);

      const stored = await h.request(request.id);
      expect(stored).toMatchObject({ status: 'queued', assigneeId: null, leaseToken: null, leaseExpiresAt: null });
      expect(stored.queueJob?.queue).toBe(team);
      expect(stored.queueJob?.id).toMatch(new RegExp(`^${request.id}\\.release\\.\\d+$`));
      expect(entriesOf(await h.timeline(request.id), 'request.released')[0].detail).toEqual({ agent: agent.id });
      expect(await (await h.job(team, request.id))!.getState()).toBe('completed');
      const placed = await h.job(team, stored.queueJob!.id);
      expect(placed).toMatchObject({ name: 'request.queued', data: { requestId: request.id } });
      expect(['waiting', 'prioritized']).toContain(await placed!.getState());
      // The next agent of the team gets it.
      const next = await claims.claim({ ...newAgent(), teams: agent.teams });
      expect(next?.request).toMatchObject({ id: request.id, status: 'assigned' });
    });
  });

  describe('customerReply', () => {
    it('an answer to a question brings the request back to its agent', async () => {
      const agent = newAgent();
      const request = await awaitingCustomer(agent);

      const answer = await conversation.customerReply(customer(request), request, 'Here is the log.');

      expect(answer).toEqual({ status: 'queued' });
      const stored = await h.request(request.id);
      const place = { queue: agentQueueName(agent.id), id: `${request.id}.r1` };
      expect(stored).toMatchObject({ status: 'queued', assigneeId: agent.id, awaitingSince: null, queueJob: place });
      expect(entriesOf(await h.timeline(request.id), 'request.customer-replied')[0].detail).toEqual({ from: 'customer', body: 'Here is the log.' });
      expect(await h.job(place.queue, place.id)).toMatchObject({ name: 'request.queued', data: { requestId: request.id } });
      expect(await h.job(Queues.sla, eventJobId('request.customer-replied', `${request.id}.r1`))).toMatchObject({ data: { requestId: request.id } });
      // Claimed before the team queues: the agent gets it back.
      expect((await claims.claim(agent))?.request.id).toBe(request.id);
    });

    it('reopens a resolved request within the window', async () => {
      const agent = newAgent();
      const request = await claimedBy(agent);
      await conversation.resolve(agent, request, 'Done.');
      const resolved = await h.request(request.id);

      const answer = await conversation.customerReply(customer(resolved), resolved, 'It is back again.');

      expect(answer).toEqual({ status: 'queued' });
      const place = { queue: agentQueueName(agent.id), id: `${request.id}.o1` };
      expect(await h.request(request.id)).toMatchObject({ status: 'queued', reopenCount: 1, resolvedAt: null, queueJob: place });
      expect(entriesOf(await h.timeline(request.id), 'request.reopened')[0]).toMatchObject({ effectKey: 'reopened:1', detail: { from: 'customer', body: 'It is back again.' } });
      expect(await h.job(place.queue, place.id)).not.toBeNull();
      const id = eventJobId('request.reopened', `${request.id}.o1`);
      expect(await h.job(Queues.sla, id)).toMatchObject({ name: 'request.reopened' });
      expect(await h.job(Queues.feedbackSurvey, id)).toMatchObject({ name: 'request.reopened' });
    });

    it('refuses a second reopen from the same stale view (409), keeping one reopen', async () => {
      const agent = newAgent();
      const request = await claimedBy(agent);
      await conversation.resolve(agent, request, 'Done.');
      const resolved = await h.request(request.id);
      await conversation.customerReply(customer(resolved), resolved, 'Once.');

      await expect(conversation.customerReply(customer(resolved), resolved, 'Twice.')).rejects.toThrow('this reply was already received');
      expect(entriesOf(await h.timeline(request.id), 'request.reopened')).toHaveLength(1);
    });

    it('takes one answer per wait: a second answer from the same stale view (a form posted twice) is 409', async () => {
      const agent = newAgent();
      const request = await awaitingCustomer(agent);
      await conversation.customerReply(customer(request), request, 'Here is the log.');

      await expect(conversation.customerReply(customer(request), request, 'Here is the log.')).rejects.toThrow('this reply was already received');
      expect(entriesOf(await h.timeline(request.id), 'request.customer-replied')).toHaveLength(1);
    });

    it('is 409 when the request was resolved longer ago than the window', async () => {
      const resolvedAt = new Date(Date.now() - 15 * DAY).toISOString();
      const request = await h.insertRequest({ status: 'resolved', teamId: 'team-old', priority: 3, assigneeId: 'agent-old', resolvedAt, firstResponseAt: resolvedAt });

      const reply = conversation.customerReply(customer(request), request, 'Hello again');

      await expect(reply).rejects.toThrow(ConflictException);
      await expect(reply).rejects.toThrow(/resolved too long ago/);
      expect(await h.request(request.id)).toMatchObject({ status: 'resolved', reopenCount: 0, resolvedAt });
      expect((await h.timeline(request.id)).map((e) => e.event)).toEqual(['request.received']);
    });

    it.each(['closed', 'declined'] as const)('is 409 on a %s request', async (status) => {
      const request = await h.insertRequest({ status });

      await expect(conversation.customerReply(customer(request), request, 'Anyone?')).rejects.toMatchObject({ status: 409, message: `this request is ${status}: please submit a new request` });
      expect((await h.timeline(request.id)).map((e) => e.event)).toEqual(['request.received']);
    });

    it('keeps a message about a request nobody waits on as a note, changing nothing else', async () => {
      const agent = newAgent();
      const request = await queuedFor(agent);
      const company: Principal = { kind: 'company', id: 'acme' };

      const answer = await conversation.customerReply(company, request, 'Any news?');

      expect(answer).toEqual({ status: 'queued' });
      expect(await h.request(request.id)).toMatchObject({ status: 'queued', queueJob: request.queueJob });
      const [note] = entriesOf(await h.timeline(request.id), 'request.customer-message');
      expect(note.detail).toEqual({ from: 'company', body: 'Any news?' });
      expect(await h.queues.get(agentQueueName(agent.id)).getJobCounts('wait', 'prioritized')).toEqual({ wait: 0, prioritized: 0 });
    });
  });
});
