import { Body, Controller, Get, HttpCode, NotFoundException, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiExtraModels, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { InvalidInputError, REQUEST_STATUSES, stringProblem, SubmissionDto, validateInput } from '@support/contracts';
import { ReferenceStore, RequestEntity, RequestStore, SurveyEntity } from '@support/persistence';
import {
  Access,
  ApiBodyTooLarge,
  ApiError,
  ApiInvalidInput,
  ApiKeyErrors,
  ApiUnavailable,
  BEARER,
  belongsToCompany,
  Caller,
  IntakeService,
  companyCondition,
  CustomerRequestViewSchema,
  type Principal,
  RequestViewSchema,
  RulesService,
  seesCustomerView,
  SubmissionLimit,
  toCustomerRequestView,
  toRequestView,
} from '@support/platform';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { RequestPageSchema, SubmissionAnswerSchema } from './intake.responses';
import { ListRequestsQuery } from './list-requests.query';

/** Who may see a request: its producer, its customer (token), its company (confirmed by the licence check), an agent of its team, an admin. */
export function canRead(principal: Principal, r: RequestEntity, agentTeams: string[] = []): boolean {
  switch (principal.kind) {
    case 'admin':
      return true;
    case 'producer':
      return r.producerId === principal.id;
    case 'customer':
      return r.id === principal.requestId;
    case 'company':
      return belongsToCompany(r, principal.id);
    case 'agent':
      return !!r.teamId && agentTeams.includes(r.teamId);
    default:
      return false;
  }
}

/** The cursor's time and id: a cursor this API did not give out (it may decode to anything, NUL bytes included) is a 400. */
const decodeCursor = (cursor: string): [string, string] => {
  const [at, id, ...rest] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!at || !id || rest.length > 0 || Number.isNaN(Date.parse(at)) || stringProblem(at) || stringProblem(id)) {
    throw new InvalidInputError([{ field: 'cursor', messages: ['cursor is not one this API gave out'] }]);
  }
  return [at, id];
};

@ApiTags('requests')
@ApiBearerAuth(BEARER)
@Controller('v1/requests')
export class RequestsController {
  constructor(
    private readonly intake: IntakeService,
    private readonly store: RequestStore,
    private readonly reference: ReferenceStore,
    private readonly dataSource: DataSource,
    private readonly rules: RulesService,
  ) {}

  private readonly clauseTitle = (version: string, id: string) => this.rules.clauseTitle(version, id);

  @Post()
  @Access('producer')
  @ApiOperation({ operationId: 'submitRequest', summary: 'Submit a support request (202; 200 for a repeated idempotency key)' })
  @ApiBody({ type: SubmissionDto })
  @ApiResponse({
    status: 202,
    description: 'Accepted: stored and queued; one request per problem (rule 2.3). Stored but Redis unreachable: `queued: false` with a `queueNotice`; processing starts when the queue is back',
    type: SubmissionAnswerSchema,
  })
  @ApiResponse({ status: 200, description: 'A repeated idempotency key: the first answer again, nothing new stored', type: SubmissionAnswerSchema })
  @ApiInvalidInput()
  @ApiKeyErrors()
  @ApiBodyTooLarge()
  @ApiUnavailable('The database cannot be reached: nothing was stored; try again after Retry-After seconds (with the same idempotency key)')
  @SubmissionLimit()
  async submit(@Body() body: unknown, @Caller() caller: Principal, @Res({ passthrough: true }) res: Response) {
    const dto = validateInput(SubmissionDto, body);
    const { answer, created } = await this.intake.submit(dto, caller.id, dto.idempotencyKey ?? null);
    res.status(created ? 202 : 200);
    return answer;
  }

  @Get(':id')
  @Access('producer', 'admin', 'customer', 'company', 'agent')
  @ApiOperation({ operationId: 'getRequest', summary: 'A request with its decisions, clause ids, rules version and timeline' })
  @ApiParam({ name: 'id', description: 'The request id' })
  @ApiExtraModels(RequestViewSchema, CustomerRequestViewSchema)
  @ApiOkResponse({
    description: "The request: the full view for its producer, agents and the admin; the customer's projection (no internals) for a customer token or a company key",
    schema: { oneOf: [{ $ref: getSchemaPath(RequestViewSchema) }, { $ref: getSchemaPath(CustomerRequestViewSchema) }] },
  })
  @ApiKeyErrors({ forbidden: false })
  @ApiError(404, 'No such request, or not one this key may read (existence does not leak)')
  @ApiUnavailable()
  async read(@Param('id') id: string, @Caller() caller: Principal) {
    const request = await this.store.find(id);
    const teams = caller.kind === 'agent' ? ((await this.reference.agent(caller.id))?.teams ?? []) : [];
    // 404 rather than 403: whether a request exists must not leak to others.
    if (!request || !canRead(caller, request, teams)) throw new NotFoundException(`request ${id} not found`);
    const timeline = await this.store.timeline(id);
    if (!seesCustomerView(caller.kind)) return toRequestView(request, timeline);
    const survey = await this.dataSource.getRepository(SurveyEntity).findOne({ where: { requestId: id, kind: 'transactional' }, order: { round: 'DESC' } });
    return toCustomerRequestView(request, timeline, survey, this.clauseTitle);
  }

  @Get()
  @HttpCode(200)
  @Access('producer', 'admin', 'customer', 'company', 'agent')
  @ApiOperation({ operationId: 'listRequests', summary: 'List requests visible to the caller, newest first' })
  @ApiQuery({ name: 'cursor', required: false, schema: { type: 'string', minLength: 1, maxLength: 200 }, description: 'The nextCursor of the previous page (opaque)' })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 }, description: 'Page size' })
  @ApiQuery({ name: 'customerId', required: false, schema: { type: 'string', minLength: 1, maxLength: 128 }, description: "Only this customer's requests", example: 'c-1001' })
  @ApiQuery({ name: 'team', required: false, schema: { type: 'string', minLength: 1, maxLength: 64 }, description: 'Only requests of this team', example: 'home-lv' })
  @ApiQuery({ name: 'status', required: false, enum: REQUEST_STATUSES, description: 'Only requests in this status' })
  @ApiOkResponse({ description: 'One page of requests', type: RequestPageSchema })
  @ApiInvalidInput('A filter or the cursor is invalid')
  @ApiKeyErrors({ forbidden: false })
  @ApiUnavailable()
  async list(@Query() raw: unknown, @Caller() caller: Principal) {
    const query = validateInput(ListRequestsQuery, raw);
    const limit = Number(query.limit ?? 50);
    const qb = this.dataSource.getRepository(RequestEntity).createQueryBuilder('r');
    if (caller.kind === 'producer') qb.andWhere('r.producerId = :p', { p: caller.id });
    if (caller.kind === 'customer') qb.andWhere('r.id = :rid', { rid: caller.requestId });
    if (caller.kind === 'company') qb.andWhere(companyCondition('r'), { companyId: caller.id });
    if (caller.kind === 'agent') {
      // No placeholder for an agent without teams: PostgreSQL refuses a NUL character in a string (500).
      const teams = (await this.reference.agent(caller.id))?.teams ?? [];
      qb.andWhere(teams.length > 0 ? 'r.teamId IN (:...teams)' : '1 = 0', { teams });
    }
    if (query.status) qb.andWhere('r.status = :s', { s: query.status });
    if (query.team) qb.andWhere('r.teamId = :t', { t: query.team });
    if (query.customerId) qb.andWhere('r.customerId = :cu', { cu: query.customerId });
    if (query.cursor) {
      const [at, id] = decodeCursor(query.cursor);
      qb.andWhere('(r.receivedAt < :at OR (r.receivedAt = :at AND r.id < :id))', { at, id });
    }
    const rows = await qb
      .orderBy('r.receivedAt', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .take(limit + 1)
      .getMany();
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((r) => (seesCustomerView(caller.kind) ? toCustomerRequestView(r, null, null, this.clauseTitle) : toRequestView(r, null))),
      nextCursor: rows.length > limit && last ? Buffer.from(`${last.receivedAt}|${last.id}`).toString('base64url') : null,
    };
  }
}
