import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { validateInput } from '@support/contracts';
import { RequestStore } from '@support/persistence';
import { Access, ApiBodyTooLarge, ApiError, ApiInvalidInput, ApiKeyErrors, ApiUnavailable, BEARER, Caller, type Principal, RequestViewSchema } from '@support/platform';
import { NoteDto, ReclassifyDto, TransferDto } from './agent-desk.dto';
import { DeskAccess } from './desk-access';
import { stepAnswer } from './step-answer';
import { TriageService } from './triage.service';

/** Triage tools of the agents' API: internal notes, transfers between teams, reclassification. */
@ApiTags('agents')
@ApiBearerAuth(BEARER)
@ApiKeyErrors()
@ApiUnavailable('Redis or the database cannot be reached and nothing was stored (a step stored before Redis failed answers success with `queued: false`)')
@Controller('v1/requests')
export class TriageController {
  constructor(
    private readonly access: DeskAccess,
    private readonly triage: TriageService,
    private readonly store: RequestStore,
  ) {}

  @Post(':id/notes')
  @HttpCode(201)
  @Access('agent')
  @ApiOperation({ operationId: 'addInternalNote', summary: 'Add an internal note (agents only: never in the customer view, a mail or a webhook)' })
  @ApiParam({ name: 'id', description: 'A request of your teams, in any status' })
  @ApiBody({ type: NoteDto })
  @ApiResponse({ status: 201, description: 'The request with the note on its timeline (`request.note-added`)', type: RequestViewSchema })
  @ApiInvalidInput()
  @ApiError(404, 'No such request in your teams')
  @ApiBodyTooLarge()
  async note(@Param('id') id: string, @Body() body: unknown, @Caller() caller: Principal) {
    const dto = validateInput(NoteDto, body);
    const agent = await this.access.agent(caller);
    await this.triage.note(agent, await this.access.requestForAgent(agent, id), dto.body);
    return stepAnswer(this.store, id);
  }

  @Post(':id/transfer')
  @HttpCode(200)
  @Access('agent')
  @ApiOperation({ operationId: 'transferRequest', summary: "Move a request to another team's queue, with a reason (its SLA follows the new team)" })
  @ApiParam({ name: 'id', description: 'A queued request of your teams, or one you hold' })
  @ApiBody({ type: TransferDto })
  @ApiOkResponse({ description: 'The request, queued in the new team (`request.transferred` and `request.routed` on its timeline)', type: RequestViewSchema })
  @ApiInvalidInput('The body is invalid, the team does not exist, or the request is already in it')
  @ApiError(404, 'No such request in your teams')
  @ApiError(409, 'Claimed by another agent, or not queued or claimed (waiting for the customer, resolved, closed)')
  @ApiBodyTooLarge()
  async transfer(@Param('id') id: string, @Body() body: unknown, @Caller() caller: Principal) {
    const dto = validateInput(TransferDto, body);
    const agent = await this.access.agent(caller);
    const queued = await this.triage.transfer(agent, await this.access.requestForAgent(agent, id), dto.team, dto.reason);
    return stepAnswer(this.store, id, queued);
  }

  @Post(':id/reclassify')
  @HttpCode(200)
  @Access('agent')
  @ApiOperation({
    operationId: 'reclassifyRequest',
    summary: "Replace the classifier's clause with yours: routing and the SLA are decided again, and the request becomes a labelled classifier example",
  })
  @ApiParam({ name: 'id', description: 'A queued request of your teams, or one you hold' })
  @ApiBody({ type: ReclassifyDto })
  @ApiOkResponse({ description: 'The request with its new clause, team and priority (`request.reclassified`, then `request.routed`, on its timeline)', type: RequestViewSchema })
  @ApiInvalidInput('The body is invalid, the clause is not one standard support includes, or it is the clause already')
  @ApiError(404, 'No such request in your teams')
  @ApiError(409, 'Claimed by another agent, not queued or claimed, or no team takes the clause')
  @ApiBodyTooLarge()
  async reclassify(@Param('id') id: string, @Body() body: unknown, @Caller() caller: Principal) {
    const dto = validateInput(ReclassifyDto, body);
    const agent = await this.access.agent(caller);
    const queued = await this.triage.reclassify(agent, await this.access.requestForAgent(agent, id), dto.clause, dto.reason);
    return stepAnswer(this.store, id, queued);
  }
}
