import { Body, Controller, Get, HttpCode, NotFoundException, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiExtraModels, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { INTERNAL_EVENTS, REQUEST_STATUSES, SubmissionDto, validateInput } from '@support/contracts';
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
import { LIST_SORTS, ListRequestsQuery } from './list-requests.query';
import { applyFilters, applyOrder } from './work-list';

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
    // A producer is outside the desk: agents' internal notes stay with agents and the admin.
    if (caller.kind === 'producer')
      return toRequestView(
        request,
        timeline.filter((e) => !INTERNAL_EVENTS.includes(e.event)),
      );
    if (!seesCustomerView(caller.kind)) return toRequestView(request, timeline);
    const survey = await this.dataSource.getRepository(SurveyEntity).findOne({ where: { requestId: id, kind: 'transactional' }, order: { round: 'DESC' } });
    return toCustomerRequestView(request, timeline, survey, this.clauseTitle);
  }

  @Get()
  @HttpCode(200)
  @Access('producer', 'admin', 'customer', 'company', 'agent')
  @ApiOperation({ operationId: 'listRequests', summary: "List and search the requests visible to the caller (an agent: its teams' requests), newest first unless sorted" })
  @ApiQuery({ name: 'cursor', required: false, schema: { type: 'string', minLength: 1, maxLength: 200 }, description: 'The nextCursor of the previous page (opaque)' })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 }, description: 'Page size' })
  @ApiQuery({ name: 'customerId', required: false, schema: { type: 'string', minLength: 1, maxLength: 128 }, description: "Only this customer's requests", example: 'c-1001' })
  @ApiQuery({ name: 'team', required: false, schema: { type: 'string', minLength: 1, maxLength: 64 }, description: 'Only requests of this team', example: 'home-lv' })
  @ApiQuery({ name: 'status', required: false, enum: REQUEST_STATUSES, description: 'Only requests in this status' })
  @ApiQuery({
    name: 'q',
    required: false,
    schema: { type: 'string', minLength: 1, maxLength: 200 },
    description: 'Full-text search on subject and description: every word must occur (whole words, any case)',
    example: 'trojan',
  })
  @ApiQuery({ name: 'clause', required: false, schema: { type: 'string', minLength: 1, maxLength: 32 }, description: 'Only requests classified under this clause', example: '4.1.2b' })
  @ApiQuery({ name: 'priority', required: false, schema: { type: 'integer', minimum: 1, maximum: 9 }, description: 'Only requests of this priority' })
  @ApiQuery({ name: 'slaDueBefore', required: false, schema: { type: 'string', format: 'date-time' }, description: 'Only requests whose next open SLA deadline is before this time' })
  @ApiQuery({ name: 'assignee', required: false, schema: { type: 'string', minLength: 1, maxLength: 64 }, description: 'Only requests assigned to this agent' })
  @ApiQuery({ name: 'language', required: false, schema: { type: 'string', pattern: '^[a-z]{2,3}$' }, description: 'Only requests in this language', example: 'lv' })
  @ApiQuery({ name: 'customer', required: false, schema: { type: 'string', minLength: 1, maxLength: 254 }, description: "Only this customer's requests: a customer id, e-mail address or company id" })
  @ApiQuery({
    name: 'sort',
    required: false,
    enum: LIST_SORTS,
    description: 'Order (a leading - for descending); requests without an SLA deadline or priority come last in ascending order. Default -receivedAt',
  })
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
    applyFilters(qb, query, this.dataSource.options.type === 'postgres');
    const cursorOf = applyOrder(qb, query.sort ?? '-receivedAt', query.cursor);
    const rows = await qb.take(limit + 1).getMany();
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((r) => (seesCustomerView(caller.kind) ? toCustomerRequestView(r, null, null, this.clauseTitle) : toRequestView(r, null))),
      nextCursor: rows.length > limit && last ? cursorOf(last) : null,
    };
  }
}
