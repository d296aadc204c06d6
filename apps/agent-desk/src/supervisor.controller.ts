import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { validateInput } from '@support/contracts';
import { RequestStore } from '@support/persistence';
import { Access, ApiBodyTooLarge, ApiError, ApiInvalidInput, ApiKeyErrors, ApiUnavailable, BEARER, Caller, type Principal, RequestViewSchema } from '@support/platform';
import { ReassignDto } from './agent-desk.dto';
import { stepAnswer } from './step-answer';
import { SupervisorService } from './supervisor.service';

const BRIEF = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    subject: { type: 'string' },
    status: { type: 'string' },
    priority: { type: 'integer', nullable: true },
    assignee: { type: 'string', nullable: true },
    slaDueAt: { type: 'string', format: 'date-time', nullable: true, description: 'The next open SLA deadline' },
    receivedAt: { type: 'string', format: 'date-time' },
  },
} as const;
const LIST = { type: 'array', items: BRIEF } as const;

/** Supervisors (agents with role `supervisor`) over their teams. */
@ApiTags('supervisors')
@ApiBearerAuth(BEARER)
@ApiKeyErrors()
@ApiUnavailable()
@Controller('v1/supervisor')
export class SupervisorController {
  constructor(
    private readonly supervisors: SupervisorService,
    private readonly store: RequestStore,
  ) {}

  @Get('teams/:team')
  @Access('agent')
  @ApiOperation({ operationId: 'getTeamOverview', summary: "A team's picture: waiting, held for agents, being worked, SLA at risk (next deadline), breached, agents and what they hold" })
  @ApiParam({ name: 'team', description: 'One of your teams' })
  @ApiOkResponse({
    description: 'The team now (open requests, up to 500, oldest first)',
    schema: {
      type: 'object',
      properties: {
        team: { type: 'string' },
        at: { type: 'string', format: 'date-time' },
        waiting: LIST,
        heldForAgents: { ...LIST, description: "Waiting in an agent's own queue (the customer replied); see return-to-team" },
        beingWorked: LIST,
        awaitingCustomer: { type: 'integer' },
        slaAtRisk: { type: 'object', properties: { nextDeadline: { type: 'string', format: 'date-time', nullable: true }, requests: LIST }, description: 'Open deadlines due within the hour' },
        breached: LIST,
        agents: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, holds: LIST } } },
        truncated: { type: 'boolean' },
      },
    },
  })
  @ApiError(404, 'Not one of your teams')
  async team(@Param('team') team: string, @Caller() caller: Principal) {
    await this.supervisors.supervisor(caller, team);
    return this.supervisors.overview(team);
  }

  @Post('requests/:id/release')
  @HttpCode(200)
  @Access('agent')
  @ApiOperation({ operationId: 'releaseLeaseAsSupervisor', summary: "End an agent's lease on a claimed request: back to the team queue" })
  @ApiParam({ name: 'id', description: 'A claimed request of your teams' })
  @ApiOkResponse({ description: 'The request, queued again (`request.released` by you)', type: RequestViewSchema })
  @ApiError(404, 'No such request in your teams')
  @ApiError(409, 'Not claimed, or the lease lapsed meanwhile')
  async release(@Param('id') id: string, @Caller() caller: Principal) {
    const { supervisor, request } = await this.supervisors.request(caller, id);
    return stepAnswer(this.store, id, await this.supervisors.releaseLease(supervisor, request));
  }

  @Post('requests/:id/return-to-team')
  @HttpCode(200)
  @Access('agent')
  @ApiOperation({ operationId: 'returnToTeam', summary: 'A request held for an absent agent (after a customer reply) goes to the team queue' })
  @ApiParam({ name: 'id', description: 'A request of your teams waiting in its agent’s own queue' })
  @ApiOkResponse({ description: 'The request in the team queue (`request.returned-to-team`)', type: RequestViewSchema })
  @ApiError(404, 'No such request in your teams')
  @ApiError(409, 'Not held for an agent, or its agent just took it')
  async returnToTeam(@Param('id') id: string, @Caller() caller: Principal) {
    const { supervisor, request } = await this.supervisors.request(caller, id);
    return stepAnswer(this.store, id, await this.supervisors.returnToTeam(supervisor.id, request));
  }

  @Post('requests/:id/reassign')
  @HttpCode(200)
  @Access('agent')
  @ApiOperation({ operationId: 'reassignRequest', summary: "Give a queued or claimed request to one agent of its team (into that agent's own queue)" })
  @ApiParam({ name: 'id', description: 'A queued or claimed request of your teams' })
  @ApiBody({ type: ReassignDto })
  @ApiOkResponse({ description: 'The request, waiting for that agent (`request.reassigned`)', type: RequestViewSchema })
  @ApiInvalidInput('Not an agent of the team, or the request is already theirs')
  @ApiError(404, 'No such request in your teams')
  @ApiError(409, 'Not queued or claimed, or it changed hands meanwhile')
  @ApiBodyTooLarge()
  async reassign(@Param('id') id: string, @Body() body: unknown, @Caller() caller: Principal) {
    const dto = validateInput(ReassignDto, body);
    const { supervisor, request } = await this.supervisors.request(caller, id);
    return stepAnswer(this.store, id, await this.supervisors.reassign(supervisor, request, dto.agent));
  }
}
