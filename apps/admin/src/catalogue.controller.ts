import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Events, validateInput } from '@support/contracts';
import { EventPublisher } from '@support/messaging';
import { LicenceEntity, ProductEntity, ReferenceStore } from '@support/persistence';
import { Access } from '@support/platform';
import { checkId, found } from './admin-helpers';
import { LicenceDto, ProductDto } from './reference.dto';

/** The product catalogue (3.1, 3.2) and the licence registry table. */
@ApiTags('admin')
@ApiBearerAuth()
@Access('admin')
@Controller('v1/admin')
export class CatalogueController {
  constructor(
    private readonly reference: ReferenceStore,
    private readonly publisher: EventPublisher,
  ) {}

  /**
   * Open requests on a licence follow its paid plan ([sla]): a change of plan, status or validity
   * (or the licence's removal) is published as `licence.changed` for the SLA worker.
   */
  private async licenceChanged(key: string, before: LicenceEntity | null, after: LicenceEntity | null): Promise<void> {
    const facts = (l: LicenceEntity | null) => (l ? [l.supportPlan ?? null, l.status, l.validUntil ?? null, l.productCode, l.customerId ?? null, l.companyId ?? null] : null);
    if (JSON.stringify(facts(before)) === JSON.stringify(facts(after))) return;
    await this.publisher.publish(Events.licenceChanged, { licenceKey: key }, { jobId: `licence.changed.${key}.${Date.now()}` });
  }

  @Put('products/:code')
  putProduct(@Param('code') code: string, @Body() body: unknown) {
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
    found(await this.reference.remove(ProductEntity, { code }), `product ${code}`);
  }

  @Put('licences/:key')
  async putLicence(@Param('key') key: string, @Body() body: unknown) {
    const dto = validateInput(LicenceDto, body);
    const before = await this.reference.get(LicenceEntity, { key: checkId(key, 'key') });
    const saved = await this.reference.put(LicenceEntity, { key, productCode: dto.productCode, customerId: dto.customerId ?? null, companyId: dto.companyId ?? null, status: dto.status, validUntil: dto.validUntil, kind: dto.kind, supportPlan: dto.supportPlan ?? null });
    await this.licenceChanged(key, before, saved);
    return saved;
  }

  @Get('licences/:key')
  async getLicence(@Param('key') key: string) {
    return found(await this.reference.get(LicenceEntity, { key }), `licence ${key}`);
  }

  @Delete('licences/:key')
  @HttpCode(204)
  async deleteLicence(@Param('key') key: string) {
    const before = await this.reference.get(LicenceEntity, { key });
    found(await this.reference.remove(LicenceEntity, { key }), `licence ${key}`);
    await this.licenceChanged(key, before, null);
  }
}
