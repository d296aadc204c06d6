import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { validateInput } from '@support/contracts';
import { AgentEntity, CompanyEntity, type KeyKind, ProducerEntity, ReferenceStore, TeamEntity } from '@support/persistence';
import { Access, ApiBodyTooLarge, ApiError, ApiInvalidInput, ApiKeyErrors, ApiUnknownReference, BEARER, KeyService } from '@support/platform';
import type { Response } from 'express';
import type { EntityTarget, ObjectLiteral } from 'typeorm';
import { checkId, checkReferences, found } from './admin-helpers';
import { AgentSchema, AgentWithKeySchema, CompanySchema, CompanyWithKeySchema, ProducerSchema, ProducerWithKeySchema } from './admin.responses';
import { AgentDto, CompanyDto, ProducerDto } from './reference.dto';

/**
 * Producers, agents and companies: each has a key, answered once when created (or when rotated
 * with ?rotateKey=true) and stored only hashed. Deleting one revokes its key.
 */
@ApiTags('admin')
@ApiBearerAuth(BEARER)
@ApiKeyErrors()
@Access('admin')
@Controller('v1/admin')
export class PeopleController {
  constructor(
    private readonly reference: ReferenceStore,
    private readonly keys: KeyService,
  ) {}

  private async putWithKey<T extends ObjectLiteral & { id: string }>(kind: KeyKind, entity: EntityTarget<T>, row: T, rotate: string | undefined, res: Response) {
    checkId(row.id);
    const existed = !!(await this.reference.get(entity, { id: row.id } as never));
    await this.reference.put(entity, row);
    res.status(existed ? 200 : 201);
    return existed && rotate !== 'true' ? row : { ...row, key: await this.keys.issue(kind, row.id) };
  }

  private async removeWithKey<T extends ObjectLiteral>(kind: KeyKind, entity: EntityTarget<T>, id: string) {
    found(await this.reference.remove(entity, { id } as never), `${kind} ${id}`);
    await this.keys.revoke(kind, id);
  }

  @Put('producers/:id')
  @ApiOperation({ operationId: 'putProducer', summary: 'Create or replace a producer (a system that pushes requests); its key is answered once' })
  @ApiParam({ name: 'id', description: 'The producer id (1–64 letters, digits, dot, dash or underscore)' })
  @ApiQuery({ name: 'rotateKey', required: false, enum: ['true', 'false'], description: 'true: issue a new key for an existing producer (the old one stops working)' })
  @ApiBody({ type: ProducerDto })
  @ApiResponse({ status: 201, description: 'Created, with its key', type: ProducerWithKeySchema })
  @ApiOkResponse({ description: 'Replaced; with a new key only when rotateKey=true', type: ProducerWithKeySchema })
  @ApiInvalidInput()
  @ApiBodyTooLarge()
  putProducer(@Param('id') id: string, @Body() body: unknown, @Query('rotateKey') rotate: string | undefined, @Res({ passthrough: true }) res: Response) {
    const dto = validateInput(ProducerDto, body);
    return this.putWithKey('producer', ProducerEntity, { id, name: dto.name }, rotate, res);
  }

  @Get('producers/:id')
  @ApiOperation({ operationId: 'getProducer', summary: 'A producer (never its key)' })
  @ApiParam({ name: 'id', description: 'The producer id' })
  @ApiOkResponse({ description: 'The producer', type: ProducerSchema })
  @ApiError(404, 'No such producer')
  async getProducer(@Param('id') id: string) {
    return found(await this.reference.producer(id), `producer ${id}`);
  }

  @Delete('producers/:id')
  @HttpCode(204)
  @ApiOperation({ operationId: 'deleteProducer', summary: 'Remove a producer and revoke its key' })
  @ApiParam({ name: 'id', description: 'The producer id' })
  @ApiNoContentResponse({ description: 'Removed; its key no longer works' })
  @ApiError(404, 'No such producer')
  deleteProducer(@Param('id') id: string) {
    return this.removeWithKey('producer', ProducerEntity, id);
  }

  @Put('agents/:id')
  @ApiOperation({ operationId: 'putAgent', summary: 'Create or replace an agent (teams, role); its key is answered once' })
  @ApiParam({ name: 'id', description: 'The agent id (1–64 letters, digits, dot, dash or underscore)' })
  @ApiQuery({ name: 'rotateKey', required: false, enum: ['true', 'false'], description: 'true: issue a new key for an existing agent (the old one stops working)' })
  @ApiBody({ type: AgentDto })
  @ApiResponse({ status: 201, description: 'Created, with its key', type: AgentWithKeySchema })
  @ApiOkResponse({ description: 'Replaced; with a new key only when rotateKey=true', type: AgentWithKeySchema })
  @ApiInvalidInput()
  @ApiUnknownReference('A team does not exist: named; nothing is stored')
  @ApiBodyTooLarge()
  async putAgent(@Param('id') id: string, @Body() body: unknown, @Query('rotateKey') rotate: string | undefined, @Res({ passthrough: true }) res: Response) {
    const dto = validateInput(AgentDto, body);
    checkId(id);
    const teams = new Set((await this.reference.list(TeamEntity)).map((t) => t.id));
    checkReferences(dto.teams.map((team, i) => ({ field: `teams.${i}`, what: 'team', id: team, exists: teams.has(team) })));
    return this.putWithKey('agent', AgentEntity, { id, name: dto.name, teams: dto.teams, role: dto.role ?? 'agent', email: dto.email ?? null }, rotate, res);
  }

  @Get('agents/:id')
  @ApiOperation({ operationId: 'getAgent', summary: 'A agent (never its key)' })
  @ApiParam({ name: 'id', description: 'The agent id' })
  @ApiOkResponse({ description: 'The agent', type: AgentSchema })
  @ApiError(404, 'No such agent')
  async getAgent(@Param('id') id: string) {
    return found(await this.reference.agent(id), `agent ${id}`);
  }

  @Delete('agents/:id')
  @HttpCode(204)
  @ApiOperation({ operationId: 'deleteAgent', summary: 'Remove a agent and revoke its key' })
  @ApiParam({ name: 'id', description: 'The agent id' })
  @ApiNoContentResponse({ description: 'Removed; its key no longer works' })
  @ApiError(404, 'No such agent')
  deleteAgent(@Param('id') id: string) {
    return this.removeWithKey('agent', AgentEntity, id);
  }

  @Put('companies/:id')
  @ApiOperation({ operationId: 'putCompany', summary: 'Create or replace a business customer (its portal key); its key is answered once' })
  @ApiParam({ name: 'id', description: 'The company id (1–64 letters, digits, dot, dash or underscore)' })
  @ApiQuery({ name: 'rotateKey', required: false, enum: ['true', 'false'], description: 'true: issue a new key for an existing company (the old one stops working)' })
  @ApiBody({ type: CompanyDto })
  @ApiResponse({ status: 201, description: 'Created, with its key', type: CompanyWithKeySchema })
  @ApiOkResponse({ description: 'Replaced; with a new key only when rotateKey=true', type: CompanyWithKeySchema })
  @ApiInvalidInput()
  @ApiBodyTooLarge()
  putCompany(@Param('id') id: string, @Body() body: unknown, @Query('rotateKey') rotate: string | undefined, @Res({ passthrough: true }) res: Response) {
    const dto = validateInput(CompanyDto, body);
    return this.putWithKey('company', CompanyEntity, { id, name: dto.name, country: dto.country }, rotate, res);
  }

  @Get('companies/:id')
  @ApiOperation({ operationId: 'getCompany', summary: 'A company (never its key)' })
  @ApiParam({ name: 'id', description: 'The company id' })
  @ApiOkResponse({ description: 'The company', type: CompanySchema })
  @ApiError(404, 'No such company')
  async getCompany(@Param('id') id: string) {
    return found(await this.reference.company(id), `company ${id}`);
  }

  @Delete('companies/:id')
  @HttpCode(204)
  @ApiOperation({ operationId: 'deleteCompany', summary: 'Remove a company and revoke its key' })
  @ApiParam({ name: 'id', description: 'The company id' })
  @ApiNoContentResponse({ description: 'Removed; its key no longer works' })
  @ApiError(404, 'No such company')
  deleteCompany(@Param('id') id: string) {
    return this.removeWithKey('company', CompanyEntity, id);
  }
}
