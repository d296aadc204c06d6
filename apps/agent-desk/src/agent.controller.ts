import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { agentQueueName, teamQueueName, validateInput } from '@support/contracts';
import { WITH_AGENTS } from '@support/domain';
import { RequestEntity, RequestStore } from '@support/persistence';
import { Access, ApiBodyTooLarge, ApiError, ApiInvalidInput, ApiKeyErrors, ApiUnavailable, BEARER, Caller, type Principal, RequestViewSchema, toRequestView } from '@support/platform';
import type { Response } from 'express';
import { DataSource, In } from 'typeorm';
import { AgentQueues } from './agent-queues';
import { CustomerReplyDto, ReplyDto, ResolveDto } from './agent-desk.dto';
import { AgentRequestsSchema, AgentSelfSchema, ClaimSchema, CustomerReplyAnswerSchema, LeaseSchema } from './agent-desk.responses';
import { ClaimsService } from './claims.service';
import { ConversationService } from './conversation.service';
import { DeskAccess } from './desk-access';
import { stepAnswer } from './step-answer';

/** The agents' API: claims with leases, their queues, and working a request. */
@ApiTags('agents')
@ApiBearerAuth(BEARER)
@ApiKeyErrors()
@ApiUnavailable('Redis or the database cannot be reached and nothing was stored (a step stored before Redis failed answers success with `queued: false`)')
@Controller('v1')
export class AgentController {
  constructor(
    private readonly access: DeskAccess,
    private readonly claims: ClaimsService,
    private readonly conversation: ConversationService,
    private readonly queues: AgentQueues,
    private readonly store: RequestStore,
    private readonly dataSource: DataSource,
  ) {}

  @Post('agent/claims')
  @Access('agent')
  @ApiOperation({ operationId: 'claimNextRequest', summary: 'Claim the next request of your teams (204 when there is none)' })
  @ApiOkResponse({ description: 'The next request (highest priority, then earliest deadline, then oldest), leased to you', type: ClaimSchema })
  @ApiNoContentResponse({ description: 'Nothing waits in your queues' })
  async claim(@Caller() caller: Principal, @Res({ passthrough: true }) res: Response) {
    const agent = await this.access.agent(caller);
    const claim = await this.claims.claim(agent);
    if (!claim) {
      res.status(204);
      return;
    }
    res.status(200);
    return { leaseExpiresAt: claim.leaseExpiresAt, request: toRequestView(claim.request, await this.store.timeline(claim.request.id)) };
  }

  @Post('agent/claims/:requestId/renew')
  @HttpCode(200)
  @Access('agent')
  @ApiOperation({ operationId: 'renewClaim', summary: 'Keep your lease on a claimed request' })
  @ApiParam({ name: 'requestId', description: 'The claimed request' })
  @ApiOkResponse({ description: 'The lease, extended', type: LeaseSchema })
  @ApiError(404, 'No such request in your teams')
  @ApiError(409, 'You do not hold it, or the lease has lapsed and the request went back to its queue')
  async renew(@Param('requestId') id: string, @Caller() caller: Principal) {
    const agent = await this.access.agent(caller);
    return { leaseExpiresAt: await this.claims.renew(agent, await this.access.requestForAgent(agent, id)) };
  }

  @Get('agent/me')
  @Access('agent')
  @ApiOperation({ operationId: 'getAgentSelf', summary: 'You, your teams and how much waits in each queue' })
  @ApiOkResponse({ description: 'The agent and the queue counts', type: AgentSelfSchema })
  async me(@Caller() caller: Principal) {
    const agent = await this.access.agent(caller);
    const teams = await Promise.all(agent.teams.map(async (team) => ({ id: team, ...(await this.queues.counts(teamQueueName(team))) })));
    return { id: agent.id, name: agent.name, role: agent.role, teams, returning: await this.queues.counts(agentQueueName(agent.id)) };
  }

  @Get('agent/requests')
  @Access('agent')
  @ApiOperation({ operationId: 'listAgentRequests', summary: 'Your requests: claimed, waiting for the customer, or coming back to you' })
  @ApiOkResponse({ description: 'Up to 200 requests', type: AgentRequestsSchema })
  async mine(@Caller() caller: Principal) {
    const agent = await this.access.agent(caller);
    const rows = await this.dataSource.getRepository(RequestEntity).find({
      where: { assigneeId: agent.id, status: In([...WITH_AGENTS]) },
      order: { updatedAt: 'DESC' },
      take: 200,
    });
    return { items: rows.map((r) => ({ ...toRequestView(r, null), leaseExpiresAt: r.leaseExpiresAt })) };
  }

  @Post('requests/:id/replies')
  @HttpCode(200)
  @Access('agent')
  @ApiOperation({ operationId: 'replyToRequest', summary: 'Reply to the customer; waitForCustomer asks for information and waits' })
  @ApiParam({ name: 'id', description: 'A request you hold' })
  @ApiBody({ type: ReplyDto })
  @ApiOkResponse({ description: 'The request after the reply', type: RequestViewSchema })
  @ApiInvalidInput()
  @ApiError(404, 'No such request in your teams')
  @ApiError(409, 'You do not hold the request (claim it first), or the lease has lapsed')
  @ApiBodyTooLarge()
  async reply(@Param('id') id: string, @Body() body: unknown, @Caller() caller: Principal) {
    const dto = validateInput(ReplyDto, body);
    const agent = await this.access.agent(caller);
    const request = await this.access.requestForAgent(agent, id);
    const queued = await this.conversation.reply(agent, request, dto.body, dto.waitForCustomer ?? false, dto.kind ?? (dto.waitForCustomer ? 'information-request' : 'answer'), dto.suggestionId);
    return this.view(id, queued);
  }

  @Post('requests/:id/resolve')
  @HttpCode(200)
  @Access('agent')
  @ApiOperation({ operationId: 'resolveRequest', summary: 'Resolve a request you hold (or one waiting for its customer)' })
  @ApiParam({ name: 'id', description: 'A request you hold' })
  @ApiBody({ type: ResolveDto })
  @ApiOkResponse({ description: 'The request, resolved', type: RequestViewSchema })
  @ApiInvalidInput()
  @ApiError(404, 'No such request in your teams')
  @ApiError(409, 'You do not hold the request, or the lease has lapsed')
  @ApiBodyTooLarge()
  async resolve(@Param('id') id: string, @Body() body: unknown, @Caller() caller: Principal) {
    const dto = validateInput(ResolveDto, body);
    const agent = await this.access.agent(caller);
    const queued = await this.conversation.resolve(agent, await this.access.requestForAgent(agent, id), dto.summary);
    return this.view(id, queued);
  }

  @Post('requests/:id/release')
  @HttpCode(200)
  @Access('agent')
  @ApiOperation({ operationId: 'releaseRequest', summary: 'Give a claimed request back to its team queue' })
  @ApiParam({ name: 'id', description: 'A request you hold' })
  @ApiOkResponse({ description: 'The request, queued again', type: RequestViewSchema })
  @ApiError(404, 'No such request in your teams')
  @ApiError(409, 'You do not hold the request, or the lease has lapsed')
  async release(@Param('id') id: string, @Caller() caller: Principal) {
    const agent = await this.access.agent(caller);
    const queued = await this.conversation.release(agent, await this.access.requestForAgent(agent, id));
    return this.view(id, queued);
  }

  @Post('requests/:id/customer-replies')
  @HttpCode(202)
  @Access('customer', 'company')
  @ApiOperation({ operationId: 'replyAsCustomer', summary: "The customer's reply (customer token or company key)" })
  @ApiParam({ name: 'id', description: 'The request' })
  @ApiBody({ type: CustomerReplyDto })
  @ApiResponse({
    status: 202,
    description: 'Received: back to its agent when it waited for the customer, reopened within the window when resolved, kept on any other open request',
    type: CustomerReplyAnswerSchema,
  })
  @ApiInvalidInput()
  @ApiError(404, "No such request, or not this customer's or company's")
  @ApiError(409, 'Closed, declined, resolved too long ago to reopen, or the same reply again')
  @ApiBodyTooLarge()
  async customerReply(@Param('id') id: string, @Body() body: unknown, @Caller() caller: Principal) {
    const dto = validateInput(CustomerReplyDto, body);
    const request = await this.access.requestForCustomer(caller, id);
    return this.conversation.customerReply(caller, request, dto.body);
  }

  private view(id: string, queued = true) {
    return stepAnswer(this.store, id, queued);
  }
}
