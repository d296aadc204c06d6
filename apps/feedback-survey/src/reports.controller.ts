import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { InvalidInputError, validateInput } from '@support/contracts';
import { SurveyEntity } from '@support/persistence';
import { Access, ApiInvalidInput, ApiKeyErrors, ApiPublicRateLimit, BEARER, pageHeaders } from '@support/platform';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import { CSAT_PAGE_CSP, csatReportPage } from './pages';
import { CsatQuery, GROUPS } from './survey.dto';
import { CsatReportSchema } from './survey.responses';

const COLUMN = { team: 's.teamId', segment: 's.segment', country: 's.country' } as const;
const DAY = 86_400_000;

export interface CsatGroupRow {
  key: string | null;
  sent: number;
  answered: number;
  responseRate: number;
  averageScore: number | null;
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * Customer satisfaction: surveys sent in [from, to) (by their send time), grouped by team,
 * segment or country: how many were sent, how many answered, the response rate and the average
 * score of the answers.
 */
@ApiTags('reports')
@Controller()
export class ReportsController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get('v1/reports/csat')
  @Access('admin')
  @ApiBearerAuth(BEARER)
  @ApiOperation({ operationId: 'getCsatReport', summary: 'CSAT by team, segment or country: sent, answered, response rate, average score' })
  @ApiQuery({ name: 'kind', required: false, enum: ['transactional', 'relationship', 'all'], description: 'After a resolution (transactional), periodic (relationship), or both (all, the default)' })
  @ApiQuery({ name: 'groupBy', required: false, enum: GROUPS, description: 'Default team' })
  @ApiQuery({ name: 'to', required: false, schema: { type: 'string' }, description: 'End (exclusive), ISO-8601 date or time; default now', example: '2026-06-01' })
  @ApiQuery({ name: 'from', required: false, schema: { type: 'string' }, description: 'Start (inclusive), ISO-8601 date or time; default 30 days before `to`', example: '2026-05-01' })
  @ApiOkResponse({ description: 'Surveys sent in [from, to) and answered, per group and in total', type: CsatReportSchema })
  @ApiInvalidInput('A bad date, group or kind, or from not before to')
  @ApiKeyErrors()
  async csat(@Query() raw: unknown) {
    const q = validateInput(CsatQuery, raw ?? {});
    const to = q.to ? new Date(q.to) : new Date();
    const from = q.from ? new Date(q.from) : new Date(to.getTime() - 30 * DAY);
    if (from.getTime() >= to.getTime()) throw new InvalidInputError([{ field: 'from', messages: ['from must be before to'] }]);
    const groupBy = q.groupBy ?? 'team';
    const col = COLUMN[groupBy];
    const qb = this.dataSource
      .getRepository(SurveyEntity)
      .createQueryBuilder('s')
      .select(col, 'key')
      .addSelect('COUNT(*)', 'sent')
      .addSelect("SUM(CASE WHEN s.status = 'answered' THEN 1 ELSE 0 END)", 'answered')
      .addSelect("SUM(CASE WHEN s.status = 'answered' THEN s.score ELSE 0 END)", 'scoreSum')
      .where('s.sentAt IS NOT NULL')
      .andWhere('s.sentAt >= :from AND s.sentAt < :to', { from: from.toISOString(), to: to.toISOString() })
      .groupBy(col)
      .orderBy(col, 'ASC');
    if (q.kind && q.kind !== 'all') qb.andWhere('s.kind = :kind', { kind: q.kind });
    const rows = await qb.getRawMany<{ key: string | null; sent: string | number; answered: string | number; scoreSum: string | number | null }>();
    const shape = (key: string | null, sent: number, answered: number, scoreSum: number): CsatGroupRow => ({
      key,
      sent,
      answered,
      responseRate: sent ? round(answered / sent, 4) : 0,
      averageScore: answered ? round(scoreSum / answered, 2) : null,
    });
    const groups = rows.map((r) => shape(r.key, Number(r.sent), Number(r.answered), Number(r.scoreSum ?? 0)));
    const sum = (f: (g: { sent: number; answered: number; scoreSum: number }) => number) =>
      rows.reduce((a, r) => a + f({ sent: Number(r.sent), answered: Number(r.answered), scoreSum: Number(r.scoreSum ?? 0) }), 0);
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      groupBy,
      kind: q.kind ?? 'all',
      groups,
      total: shape(
        null,
        sum((g) => g.sent),
        sum((g) => g.answered),
        sum((g) => g.scoreSum),
      ),
    };
  }

  @Get('reports/csat')
  @ApiTags('pages')
  @ApiOperation({ operationId: 'csatReportPage', summary: 'The CSAT report as a chart (asks for the admin key; the data comes from /v1/reports/csat)', security: [] })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'The page (it holds no data)', schema: { type: 'string', description: 'An HTML page' } })
  @ApiPublicRateLimit()
  page(@Res() res: Response): void {
    res.set(pageHeaders(CSAT_PAGE_CSP)).type('html').send(csatReportPage());
  }
}
