import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { agentQueueName, teamQueueName, validateInput } from '@support/contracts';
import { RequestEntity, RequestStore } from '@support/persistence';
import { Access, Caller, type Principal, toRequestView } from '@support/platform';
import type { Response } from 'express';
import { DataSource, In } from 'typeorm';
import { AgentQueues } from './agent-queues';
import { CustomerReplyDto, ReplyDto, ResolveDto } from './agent-desk.dto';
import { ClaimsService } from './claims.service';
import { ConversationService } from './conversation.service';
import { DeskAccess } from './desk-access';

/** The agents' API: claims with leases, their queues, and working a request. */
@ApiTags('agents')
@ApiBearerAuth()
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
  @ApiOperation({ summary: 'Claim the next request of your teams (204 when there is none)' })
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
  @ApiOperation({ summary: 'Keep your lease on a claimed request' })
  async renew(@Param('requestId') id: string, @Caller() caller: Principal) {
    const agent = await this.access.agent(caller);
    return { leaseExpiresAt: await this.claims.renew(agent, await this.access.requestForAgent(agent, id)) };
  }

  @Get('agent/me')
  @Access('agent')
  @ApiOperation({ summary: 'You, your teams and how much waits in each queue' })
  async me(@Caller() caller: Principal) {
    const agent = await this.access.agent(caller);
    const teams = await Promise.all(agent.teams.map(async (team) => ({ id: team, ...(await this.queues.counts(teamQueueName(team))) })));
    return { id: agent.id, name: agent.name, role: agent.role, teams, returning: await this.queues.counts(agentQueueName(agent.id)) };
  }

  @Get('agent/requests')
  @Access('agent')
  @ApiOperation({ summary: 'Your requests: claimed, waiting for the customer, or coming back to you' })
  async mine(@Caller() caller: Principal) {
    const agent = await this.access.agent(caller);
    const rows = await this.dataSource.getRepository(RequestEntity).find({
      where: { assigneeId: agent.id, status: In(['assigned', 'awaiting-customer', 'queued']) },
      order: { updatedAt: 'DESC' },
      take: 200,
    });
    return { items: rows.map((r) => ({ ...toRequestView(r, null), leaseExpiresAt: r.leaseExpiresAt })) };
  }

  @Post('requests/:id/replies')
  @HttpCode(200)
  @Access('agent')
  @ApiOperation({ summary: 'Reply to the customer; waitForCustomer asks for information and waits' })
  async reply(@Param('id') id: string, @Body() body: unknown, @Caller() caller: Principal) {
    const dto = validateInput(ReplyDto, body);
    const agent = await this.access.agent(caller);
    const request = await this.access.requestForAgent(agent, id);
    await this.conversation.reply(agent, request, dto.body, dto.waitForCustomer ?? false, dto.kind ?? (dto.waitForCustomer ? 'information-request' : 'answer'));
    return this.view(id);
  }

  @Post('requests/:id/resolve')
  @HttpCode(200)
  @Access('agent')
  async resolve(@Param('id') id: string, @Body() body: unknown, @Caller() caller: Principal) {
    const dto = validateInput(ResolveDto, body);
    const agent = await this.access.agent(caller);
    await this.conversation.resolve(agent, await this.access.requestForAgent(agent, id), dto.summary);
    return this.view(id);
  }

  @Post('requests/:id/release')
  @HttpCode(200)
  @Access('agent')
  @ApiOperation({ summary: 'Give a claimed request back to its team queue' })
  async release(@Param('id') id: string, @Caller() caller: Principal) {
    const agent = await this.access.agent(caller);
    await this.conversation.release(agent, await this.access.requestForAgent(agent, id));
    return this.view(id);
  }

  @Post('requests/:id/customer-replies')
  @HttpCode(202)
  @Access('customer', 'company')
  @ApiOperation({ summary: "The customer's reply (customer token or company key)" })
  async customerReply(@Param('id') id: string, @Body() body: unknown, @Caller() caller: Principal) {
    const dto = validateInput(CustomerReplyDto, body);
    const request = await this.access.requestForCustomer(caller, id);
    return this.conversation.customerReply(caller, request, dto.body);
  }

  private async view(id: string) {
    const request = (await this.store.find(id)) as RequestEntity;
    return toRequestView(request, await this.store.timeline(id));
  }
}
