import { Body, Controller, Delete, Get, HttpCode, NotFoundException, Param, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { InvalidInputError, validateInput } from '@support/contracts';
import { LicenceEntity, ProducerEntity, ProductEntity, ReferenceStore, TeamEntity } from '@support/persistence';
import { Access, KeyService } from '@support/platform';
import type { Response } from 'express';
import { ID_PATTERN, LicenceDto, ProducerDto, ProductDto, TeamDto } from './reference.dto';

const checkId = (id: string, field = 'id') => {
  if (!ID_PATTERN.test(id)) throw new InvalidInputError([{ field, messages: [`${field} must be 1–64 letters, digits, dot, dash or underscore`] }]);
  return id;
};

const found = <T>(row: T | null, what: string): T => {
  if (!row) throw new NotFoundException(`${what} not found`);
  return row;
};

/** Reference data (CONTRACT.md): PUT creates or replaces, GET reads, DELETE removes. */
@ApiTags('admin')
@ApiBearerAuth()
@Access('admin')
@Controller('v1/admin')
export class AdminController {
  constructor(
    private readonly reference: ReferenceStore,
    private readonly keys: KeyService,
  ) {}

  @Put('products/:code')
  async putProduct(@Param('code') code: string, @Body() body: unknown) {
    const dto = validateInput(ProductDto, body);
    return this.reference.put(ProductEntity, { code: checkId(code, 'code'), name: dto.name, segment: dto.segment, versions: dto.versions.map((v) => ({ version: v.version, supportedUntil: v.supportedUntil })), requirements: { ...(dto.requirements ?? {}) } });
  }

  @Get('products/:code')
  async getProduct(@Param('code') code: string) {
    return found(await this.reference.get(ProductEntity, { code }), `product ${code}`);
  }

  @Get('products')
  listProducts() {
    return this.reference.list(ProductEntity);
  }

  @Delete('products/:code')
  @HttpCode(204)
  async deleteProduct(@Param('code') code: string) {
    found(await this.reference.remove(ProductEntity, { code }) || null, `product ${code}`);
  }

  @Put('licences/:key')
  async putLicence(@Param('key') key: string, @Body() body: unknown) {
    const dto = validateInput(LicenceDto, body);
    return this.reference.put(LicenceEntity, { key: checkId(key, 'key'), productCode: dto.productCode, customerId: dto.customerId ?? null, companyId: dto.companyId ?? null, status: dto.status, validUntil: dto.validUntil, kind: dto.kind, supportPlan: dto.supportPlan ?? null });
  }

  @Get('licences/:key')
  async getLicence(@Param('key') key: string) {
    return found(await this.reference.get(LicenceEntity, { key }), `licence ${key}`);
  }

  @Delete('licences/:key')
  @HttpCode(204)
  async deleteLicence(@Param('key') key: string) {
    found(await this.reference.remove(LicenceEntity, { key }) || null, `licence ${key}`);
  }

  @Put('teams/:id')
  async putTeam(@Param('id') id: string, @Body() body: unknown) {
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
    found(await this.reference.remove(TeamEntity, { id }) || null, `team ${id}`);
  }

  /** Answers the producer's key once, when the producer is created (or with ?rotateKey=true). */
  @Put('producers/:id')
  async putProducer(@Param('id') id: string, @Body() body: unknown, @Query('rotateKey') rotate: string | undefined, @Res({ passthrough: true }) res: Response) {
    const dto = validateInput(ProducerDto, body);
    const existed = !!(await this.reference.producer(checkId(id)));
    await this.reference.put(ProducerEntity, { id, name: dto.name });
    res.status(existed ? 200 : 201);
    if (existed && rotate !== 'true') return { id, name: dto.name };
    return { id, name: dto.name, key: await this.keys.issue('producer', id) };
  }

  @Get('producers/:id')
  async getProducer(@Param('id') id: string) {
    return found(await this.reference.producer(id), `producer ${id}`);
  }

  @Delete('producers/:id')
  @HttpCode(204)
  async deleteProducer(@Param('id') id: string) {
    found(await this.reference.remove(ProducerEntity, { id }) || null, `producer ${id}`);
    await this.keys.revoke('producer', id);
  }
}
