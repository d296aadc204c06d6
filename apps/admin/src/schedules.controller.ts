import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { validateInput } from '@support/contracts';
import { validateCalendar, validateSlaPlan } from '@support/domain';
import { CalendarEntity, ReferenceStore, SlaPlanEntity, TeamEntity } from '@support/persistence';
import { Access } from '@support/platform';
import { checkId, checkSpec, found } from './admin-helpers';
import { TeamDto } from './reference.dto';

/** Teams and their working hours (2.2), and the paid SLA plans ([sla]). */
@ApiTags('admin')
@ApiBearerAuth()
@Access('admin')
@Controller('v1/admin')
export class SchedulesController {
  constructor(private readonly reference: ReferenceStore) {}

  @Put('teams/:id')
  putTeam(@Param('id') id: string, @Body() body: unknown) {
    const dto = validateInput(TeamDto, body);
    return this.reference.put(TeamEntity, { id: checkId(id), segment: dto.segment, countries: dto.countries, languages: dto.languages, skills: dto.skills ?? [], calendar: dto.calendar ?? null });
  }

  @Get('teams/:id')
  async getTeam(@Param('id') id: string) {
    return found(await this.reference.get(TeamEntity, { id }), `team ${id}`);
  }

  @Get('teams')
  listTeams() {
    return this.reference.list(TeamEntity);
  }

  @Delete('teams/:id')
  @HttpCode(204)
  async deleteTeam(@Param('id') id: string) {
    found(await this.reference.remove(TeamEntity, { id }), `team ${id}`);
  }

  /** { timezone, weekly: { mon: [["09:00","18:00"]] ... }, holidays: ["2026-11-18"], overrides: [{ date, intervals }] } */
  @Put('calendars/:id')
  putCalendar(@Param('id') id: string, @Body() body: Record<string, unknown>) {
    checkSpec('calendar', validateCalendar(body));
    const spec = body as Pick<CalendarEntity, 'timezone' | 'weekly' | 'holidays' | 'overrides'>;
    return this.reference.put(CalendarEntity, { id: checkId(id), timezone: spec.timezone, weekly: spec.weekly, holidays: spec.holidays ?? [], overrides: spec.overrides ?? [] });
  }

  @Get('calendars/:id')
  async getCalendar(@Param('id') id: string) {
    return found(await this.reference.get(CalendarEntity, { id }), `calendar ${id}`);
  }

  @Delete('calendars/:id')
  @HttpCode(204)
  async deleteCalendar(@Param('id') id: string) {
    found(await this.reference.remove(CalendarEntity, { id }), `calendar ${id}`);
  }

  /** { hours: "business" | "24x7", firstResponseMinutes: { "1": 60 }, resolutionMinutes: {...}, warnAtPercent: 80 } */
  @Put('sla-plans/:id')
  putSlaPlan(@Param('id') id: string, @Body() body: Record<string, unknown>) {
    checkSpec('slaPlan', validateSlaPlan({ ...body, id }));
    const plan = body as Pick<SlaPlanEntity, 'hours' | 'firstResponseMinutes' | 'resolutionMinutes' | 'warnAtPercent'>;
    return this.reference.put(SlaPlanEntity, { id: checkId(id), hours: plan.hours, firstResponseMinutes: plan.firstResponseMinutes, resolutionMinutes: plan.resolutionMinutes, warnAtPercent: plan.warnAtPercent ?? 80 });
  }

  @Get('sla-plans/:id')
  async getSlaPlan(@Param('id') id: string) {
    return found(await this.reference.get(SlaPlanEntity, { id }), `SLA plan ${id}`);
  }

  @Delete('sla-plans/:id')
  @HttpCode(204)
  async deleteSlaPlan(@Param('id') id: string) {
    found(await this.reference.remove(SlaPlanEntity, { id }), `SLA plan ${id}`);
  }
}
