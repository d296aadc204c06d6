import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { agentQueueName, InvalidInputError, teamQueueName } from '@support/contracts';
import { heldForAgent, reassign, release, returnToTeam, type SupportRequest, teamOverview, WITH_AGENTS } from '@support/domain';
import { EventPublisher } from '@support/messaging';
import { type AgentEntity, ReferenceStore, RequestEntity, RequestStore } from '@support/persistence';
import { placeInQueue, type Principal, publishAfterCommit } from '@support/platform';
import { DataSource, In } from 'typeorm';
import { AgentQueues } from './agent-queues';
import { ReturnToTeamAlarm } from './return-to-team-alarm';

/** How far ahead an open SLA deadline counts as at risk in the team view. */
const RISK_WITHIN_MS = 60 * 60_000;
const OVERVIEW_ROWS = 500;

/** Supervisors (role `supervisor`) over their teams: the team's picture, taking a lease away, returning a request held for an absent agent. */
@Injectable()
export class SupervisorService {
  constructor(
    private readonly reference: ReferenceStore,
    private readonly store: RequestStore,
    private readonly queues: AgentQueues,
    private readonly publisher: EventPublisher,
    private readonly dataSource: DataSource,
    private readonly returnAlarm: ReturnToTeamAlarm,
  ) {}

  /** The caller as a supervisor of `team` (403 for an agent who is not a supervisor; 404 for a team not theirs). */
  async supervisor(principal: Principal, team: string): Promise<AgentEntity> {
    const agent = principal.kind === 'agent' ? await this.reference.agent(principal.id) : null;
    if (!agent || agent.role !== 'supervisor') throw new ForbiddenException('a supervisor key is needed');
    if (!agent.teams.includes(team)) throw new NotFoundException(`team ${team} not found among your teams`);
    return agent;
  }

  async request(principal: Principal, id: string): Promise<{ supervisor: AgentEntity; request: SupportRequest }> {
    const request = await this.store.find(id);
    if (!request?.teamId) throw new NotFoundException(`request ${id} not found`);
    return { supervisor: await this.supervisor(principal, request.teamId).catch(rethrowAs404(id)), request };
  }

  async overview(team: string, now = new Date()) {
    const rows = await this.dataSource.getRepository(RequestEntity).find({ where: { teamId: team, status: In([...WITH_AGENTS]) }, order: { receivedAt: 'ASC' }, take: OVERVIEW_ROWS });
    const agents = (await this.reference.agentsOf(team)).map((a) => ({ id: a.id, name: a.name, role: a.role }));
    return { team, at: now.toISOString(), ...teamOverview(rows, agents, now, RISK_WITHIN_MS), truncated: rows.length === OVERVIEW_ROWS };
  }

  /** Takes a claimed request away from its agent (their lease ends) and back to the team queue. */
  async releaseLease(supervisor: AgentEntity, request: SupportRequest): Promise<boolean> {
    if (request.status !== 'assigned' || !request.queueJob || !request.leaseToken) throw new ConflictException(`request ${request.id} is ${request.status}: no lease to release`);
    const job = await this.queues.job(request.queueJob.queue, request.queueJob.id);
    // The row's lease token is the job's lock: completing with it ends the agent's hold atomically (a lapsed lock fails: 409).
    await job?.moveToCompleted('released by a supervisor', request.leaseToken, false).catch(() => {
      throw new ConflictException('the lease has lapsed meanwhile: the request went back to its queue');
    });
    const place = { queue: teamQueueName(request.teamId as string), id: `${request.id}.release.${Date.now()}` };
    await this.store.apply(request.id, release(request, supervisor.id, place), { durable: true });
    return publishAfterCommit('release', () => placeInQueue(this.publisher, request, place));
  }

  /** A request waiting in its (absent) agent's own queue goes to the team queue; `by`: the supervisor or "timer". */
  async returnToTeam(by: string, request: SupportRequest): Promise<boolean> {
    if (!heldForAgent(request)) throw new ConflictException(`request ${request.id} is not held for an agent (status ${request.status})`);
    const held = await this.queues.job(request.queueJob!.queue, request.queueJob!.id);
    await held?.remove().catch(() => {
      throw new ConflictException(`request ${request.id} was just claimed by its agent`);
    });
    const place = { queue: teamQueueName(request.teamId as string), id: `${request.id}.returned.${Date.now()}` };
    await this.store.apply(request.id, returnToTeam(request, by, place), { durable: true });
    return publishAfterCommit('return to team', () => placeInQueue(this.publisher, request, place));
  }

  /** Gives a queued or claimed request to one agent of its team: into that agent's own queue (RETURN_TO_TEAM_AFTER applies there too). */
  async reassign(supervisor: AgentEntity, request: SupportRequest, to: string): Promise<boolean> {
    const target = await this.reference.agent(to);
    if (!target || !target.teams.includes(request.teamId as string)) throw new InvalidInputError([{ field: 'agent', messages: [`${to} is not an agent of team ${request.teamId}`] }]);
    if (request.status !== 'queued' && request.status !== 'assigned') throw new ConflictException(`request ${request.id} is ${request.status}: only a queued or claimed request can be reassigned`);
    if (request.assigneeId === to) throw new InvalidInputError([{ field: 'agent', messages: [`the request is already ${to}'s`] }]);
    const job = request.queueJob ? await this.queues.job(request.queueJob.queue, request.queueJob.id) : null;
    const out = request.status === 'assigned' ? job?.moveToCompleted('reassigned', request.leaseToken as string, false) : job?.remove();
    await out?.catch(() => {
      throw new ConflictException(`request ${request.id} changed hands meanwhile: look again`);
    });
    const place = { queue: agentQueueName(to), id: `${request.id}.reassigned.${Date.now()}` };
    const next = reassign(request, supervisor.id, to, place, new Date());
    await this.store.apply(request.id, next, { durable: true });
    return publishAfterCommit('reassign', async () => {
      await placeInQueue(this.publisher, request, place);
      await this.returnAlarm.set((await this.store.find(request.id)) as SupportRequest);
    });
  }
}

/** A request outside the supervisor's teams must not show it exists. */
const rethrowAs404 = (id: string) => (error: unknown) => {
  if (error instanceof NotFoundException) throw new NotFoundException(`request ${id} not found`);
  throw error;
};
