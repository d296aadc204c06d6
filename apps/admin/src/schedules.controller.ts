import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { validateInput } from '@support/contracts';
import { validateCalendar, validateSlaPlan } from '@support/domain';
import { CalendarEntity, ReferenceStore, SlaPlanEntity, TeamEntity } from '@support/persistence';
import { Access, ApiBodyTooLarge, ApiError, ApiInvalidInput, ApiKeyErrors, ApiUnknownReference, BEARER } from '@support/platform';
import { InvalidInputError } from '@support/contracts';
import { checkId, checkReferences, checkSpec, found, missingPriorityLevels, reversedIntervals } from './admin-helpers';
import { CalendarBody, CalendarSchema, SlaPlanBody, SlaPlanSchema, TeamSchema } from './admin.responses';
import { TeamDto } from './reference.dto';

/** Teams and their working hours (2.2), and the paid SLA plans ([sla]). */
@ApiTags('admin')
@ApiBearerAuth(BEARER)
@ApiKeyErrors()
@Access('admin')
@Controller('v1/admin')
export class SchedulesController {
  constructor(private readonly reference: ReferenceStore) {}

  @Put('teams/:id')
  @ApiOperation({ operationId: 'putTeam', summary: 'Create or replace a support team (2.2)' })
  @ApiParam({ name: 'id', description: 'The team id (1–64 letters, digits, dot, dash or underscore)', example: 'home-lv' })
  @ApiBody({ type: TeamDto })
  @ApiOkResponse({ description: 'The team as stored', type: TeamSchema })
  @ApiInvalidInput()
  @ApiUnknownReference('The calendar does not exist: named; nothing is stored')
  @ApiBodyTooLarge()
  async putTeam(@Param('id') id: string, @Body() body: unknown) {
    const dto = validateInput(TeamDto, body);
    checkId(id);
    if (dto.calendar) checkReferences([{ field: 'calendar', what: 'calendar', id: dto.calendar, exists: !!(await this.reference.get(CalendarEntity, { id: dto.calendar })) }]);
    return this.reference.put(TeamEntity, {
      id: checkId(id),
      segment: dto.segment,
      countries: dto.countries,
      languages: dto.languages,
      skills: dto.skills ?? [],
      calendar: dto.calendar ?? null,
      returnToTeamAfterMs: dto.returnToTeamAfterMs ?? null,
    });
  }

  @Get('teams/:id')
  @ApiOperation({ operationId: 'getTeam', summary: 'A support team' })
  @ApiParam({ name: 'id', description: 'The team id' })
  @ApiOkResponse({ description: 'The team', type: TeamSchema })
  @ApiError(404, 'No such team')
  async getTeam(@Param('id') id: string) {
    return found(await this.reference.get(TeamEntity, { id }), `team ${id}`);
  }

  @Get('teams')
  @ApiOperation({ operationId: 'listTeams', summary: 'Every support team' })
  @ApiOkResponse({ description: 'Every team', type: [TeamSchema] })
  listTeams() {
    return this.reference.list(TeamEntity);
  }

  @Delete('teams/:id')
  @HttpCode(204)
  @ApiOperation({ operationId: 'deleteTeam', summary: 'Remove a support team' })
  @ApiParam({ name: 'id', description: 'The team id' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiError(404, 'No such team')
  async deleteTeam(@Param('id') id: string) {
    found(await this.reference.remove(TeamEntity, { id }), `team ${id}`);
  }

  /** { timezone, weekly: { mon: [["09:00","18:00"]] ... }, holidays: ["2026-11-18"], overrides: [{ date, intervals }] } */
  @Put('calendars/:id')
  @ApiOperation({ operationId: 'putCalendar', summary: 'Create or replace a team calendar: time zone, weekly hours, holidays, overrides (2.2)' })
  @ApiParam({ name: 'id', description: 'The calendar id (1–64 letters, digits, dot, dash or underscore)', example: 'riga-office' })
  @ApiBody({ type: CalendarBody })
  @ApiOkResponse({ description: 'The calendar as stored', type: CalendarSchema })
  @ApiInvalidInput('The calendar is invalid (an interval whose end is not after its start included): every problem is named')
  @ApiBodyTooLarge()
  putCalendar(@Param('id') id: string, @Body() body: Record<string, unknown>) {
    checkSpec('calendar', validateCalendar(body));
    const spec = body as Pick<CalendarEntity, 'timezone' | 'weekly' | 'holidays' | 'overrides'>;
    checkSpec('calendar', reversedIntervals(spec));
    return this.reference.put(CalendarEntity, { id: checkId(id), timezone: spec.timezone, weekly: spec.weekly, holidays: spec.holidays ?? [], overrides: spec.overrides ?? [] });
  }

  @Get('calendars/:id')
  @ApiOperation({ operationId: 'getCalendar', summary: 'A team calendar' })
  @ApiParam({ name: 'id', description: 'The calendar id' })
  @ApiOkResponse({ description: 'The calendar', type: CalendarSchema })
  @ApiError(404, 'No such calendar')
  async getCalendar(@Param('id') id: string) {
    return found(await this.reference.get(CalendarEntity, { id }), `calendar ${id}`);
  }

  @Delete('calendars/:id')
  @HttpCode(204)
  @ApiOperation({ operationId: 'deleteCalendar', summary: 'Remove a team calendar' })
  @ApiParam({ name: 'id', description: 'The calendar id' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiError(404, 'No such calendar')
  async deleteCalendar(@Param('id') id: string) {
    found(await this.reference.remove(CalendarEntity, { id }), `calendar ${id}`);
  }

  /** { hours: "business" | "24x7", firstResponseMinutes: { "1": 60 }, resolutionMinutes: {...}, warnAtPercent: 80 } */
  @Put('sla-plans/:id')
  @ApiOperation({ operationId: 'putSlaPlan', summary: 'Create or replace a paid SLA plan ([sla])' })
  @ApiParam({ name: 'id', description: 'The plan id (1–64 letters, digits, dot, dash or underscore)', example: 'business-gold' })
  @ApiBody({ type: SlaPlanBody })
  @ApiOkResponse({ description: 'The plan as stored', type: SlaPlanSchema })
  @ApiInvalidInput('The plan is invalid (a priority level without a target included): every problem is named')
  @ApiBodyTooLarge()
  putSlaPlan(@Param('id') id: string, @Body() body: Record<string, unknown>) {
    checkSpec('slaPlan', validateSlaPlan({ ...body, id }));
    const missing = missingPriorityLevels(body);
    if (missing.length > 0) throw new InvalidInputError(missing);
    const plan = body as Pick<SlaPlanEntity, 'hours' | 'firstResponseMinutes' | 'resolutionMinutes' | 'warnAtPercent'>;
    return this.reference.put(SlaPlanEntity, {
      id: checkId(id),
      hours: plan.hours,
      firstResponseMinutes: plan.firstResponseMinutes,
      resolutionMinutes: plan.resolutionMinutes,
      warnAtPercent: plan.warnAtPercent ?? 80,
    });
  }

  @Get('sla-plans/:id')
  @ApiOperation({ operationId: 'getSlaPlan', summary: 'A paid SLA plan' })
  @ApiParam({ name: 'id', description: 'The plan id' })
  @ApiOkResponse({ description: 'The plan', type: SlaPlanSchema })
  @ApiError(404, 'No such SLA plan')
  async getSlaPlan(@Param('id') id: string) {
    return found(await this.reference.get(SlaPlanEntity, { id }), `SLA plan ${id}`);
  }

  @Delete('sla-plans/:id')
  @HttpCode(204)
  @ApiOperation({ operationId: 'deleteSlaPlan', summary: 'Remove a paid SLA plan' })
  @ApiParam({ name: 'id', description: 'The plan id' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiError(404, 'No such SLA plan')
  async deleteSlaPlan(@Param('id') id: string) {
    found(await this.reference.remove(SlaPlanEntity, { id }), `SLA plan ${id}`);
  }
}
