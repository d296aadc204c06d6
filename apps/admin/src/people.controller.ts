import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { validateInput } from '@support/contracts';
import { AgentEntity, CompanyEntity, type KeyKind, ProducerEntity, ReferenceStore } from '@support/persistence';
import { Access, KeyService } from '@support/platform';
import type { Response } from 'express';
import type { EntityTarget, ObjectLiteral } from 'typeorm';
import { checkId, found } from './admin-helpers';
import { AgentDto, CompanyDto, ProducerDto } from './reference.dto';

/**
 * Producers, agents and companies: each has a key, answered once when created (or when rotated
 * with ?rotateKey=true) and stored only hashed. Deleting one revokes its key.
 */
@ApiTags('admin')
@ApiBearerAuth()
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
  putProducer(@Param('id') id: string, @Body() body: unknown, @Query('rotateKey') rotate: string | undefined, @Res({ passthrough: true }) res: Response) {
    const dto = validateInput(ProducerDto, body);
    return this.putWithKey('producer', ProducerEntity, { id, name: dto.name }, rotate, res);
  }

  @Get('producers/:id')
  async getProducer(@Param('id') id: string) {
    return found(await this.reference.producer(id), `producer ${id}`);
  }

  @Delete('producers/:id')
  @HttpCode(204)
  deleteProducer(@Param('id') id: string) {
    return this.removeWithKey('producer', ProducerEntity, id);
  }

  @Put('agents/:id')
  putAgent(@Param('id') id: string, @Body() body: unknown, @Query('rotateKey') rotate: string | undefined, @Res({ passthrough: true }) res: Response) {
    const dto = validateInput(AgentDto, body);
    return this.putWithKey('agent', AgentEntity, { id, name: dto.name, teams: dto.teams, role: dto.role ?? 'agent' }, rotate, res);
  }

  @Get('agents/:id')
  async getAgent(@Param('id') id: string) {
    return found(await this.reference.agent(id), `agent ${id}`);
  }

  @Delete('agents/:id')
  @HttpCode(204)
  deleteAgent(@Param('id') id: string) {
    return this.removeWithKey('agent', AgentEntity, id);
  }

  @Put('companies/:id')
  putCompany(@Param('id') id: string, @Body() body: unknown, @Query('rotateKey') rotate: string | undefined, @Res({ passthrough: true }) res: Response) {
    const dto = validateInput(CompanyDto, body);
    return this.putWithKey('company', CompanyEntity, { id, name: dto.name, country: dto.country }, rotate, res);
  }

  @Get('companies/:id')
  async getCompany(@Param('id') id: string) {
    return found(await this.reference.company(id), `company ${id}`);
  }

  @Delete('companies/:id')
  @HttpCode(204)
  deleteCompany(@Param('id') id: string) {
    return this.removeWithKey('company', CompanyEntity, id);
  }
}
