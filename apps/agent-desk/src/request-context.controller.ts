import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { type Macro, suggestReplies } from '@support/domain';
import { MacroStore, ReferenceStore } from '@support/persistence';
import { Access, ApiError, ApiKeyErrors, ApiUnavailable, BEARER, Caller, type Principal, RulesService } from '@support/platform';
import { CustomerPanel } from './customer-panel';
import { DeskAccess } from './desk-access';
import { CustomerPanelSchema, SuggestionsSchema, TeamListSchema } from './request-context.responses';

/** What the desk shows beside a request of the agent's teams: the replies it suggests, the customer panel, and the teams to transfer to. */
@ApiTags('agents')
@ApiBearerAuth(BEARER)
@ApiKeyErrors()
@ApiUnavailable()
@Controller('v1')
export class RequestContextController {
  constructor(
    private readonly access: DeskAccess,
    private readonly rules: RulesService,
    private readonly macros: MacroStore,
    private readonly panel: CustomerPanel,
    private readonly reference: ReferenceStore,
  ) {}

  @Get('agent/teams')
  @Access('agent')
  @ApiOperation({ operationId: 'listTransferTeams', summary: 'Every team, for a transfer (POST /v1/requests/{id}/transfer)' })
  @ApiOkResponse({ description: 'The teams, by id', type: TeamListSchema })
  async teams(@Caller() caller: Principal) {
    await this.access.agent(caller);
    return { items: (await this.reference.teams()).map(({ id, segment, countries, languages, skills }) => ({ id, segment, countries, languages, skills })) };
  }

  @Get('requests/:id/suggestions')
  @Access('agent')
  @ApiOperation({
    operationId: 'getReplySuggestions',
    summary: "Suggested replies: the rules' text for the request's clause and language, the self-service pointers (2.1), and the macros for its language and clause",
  })
  @ApiParam({ name: 'id', description: 'A request of your teams' })
  @ApiOkResponse({ description: 'The suggestions, in the request language (English where the rules have no texts in it)', type: SuggestionsSchema })
  @ApiError(404, 'No such request in your teams')
  async suggestions(@Param('id') id: string, @Caller() caller: Principal) {
    const request = await this.access.requestForAgent(await this.access.agent(caller), id);
    return suggestReplies(this.rules.of(request), request, (await this.macros.list()) as Macro[]);
  }

  @Get('requests/:id/customer')
  @Access('agent')
  @ApiOperation({ operationId: 'getCustomerPanel', summary: 'The customer (or company) of a request: plan, licences, and its other requests in your teams' })
  @ApiParam({ name: 'id', description: 'A request of your teams' })
  @ApiOkResponse({ description: 'The customer panel', type: CustomerPanelSchema })
  @ApiError(404, 'No such request in your teams')
  async customer(@Param('id') id: string, @Caller() caller: Principal) {
    const agent = await this.access.agent(caller);
    return this.panel.of(agent, await this.access.requestForAgent(agent, id));
  }
}
