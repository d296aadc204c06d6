import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Events, InvalidInputError, validateInput } from '@support/contracts';
import { EventPublisher } from '@support/messaging';
import { LicenceEntity, ProductEntity, ReferenceStore, SlaPlanEntity } from '@support/persistence';
import { Access, ApiBodyTooLarge, ApiError, ApiInvalidInput, ApiKeyErrors, ApiUnknownReference, BEARER } from '@support/platform';
import { checkId, checkReferences, found } from './admin-helpers';
import { LicenceSchema, ProductSchema } from './admin.responses';
import { LicenceDto, ProductDto } from './reference.dto';

/** The product catalogue (3.1, 3.2) and the licence registry table. */
@ApiTags('admin')
@ApiBearerAuth(BEARER)
@ApiKeyErrors()
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
  @ApiOperation({ operationId: 'putProduct', summary: 'Create or replace a product of the catalogue (3.1, 3.2)' })
  @ApiParam({ name: 'code', description: 'The product code (1–64 letters, digits, dot, dash or underscore)', example: 'kav' })
  @ApiBody({ type: ProductDto })
  @ApiOkResponse({ description: 'The product as stored', type: ProductSchema })
  @ApiInvalidInput()
  @ApiBodyTooLarge()
  putProduct(@Param('code') code: string, @Body() body: unknown) {
    const dto = validateInput(ProductDto, body);
    return this.reference.put(ProductEntity, {
      code: checkId(code, 'code'),
      name: dto.name,
      segment: dto.segment,
      versions: dto.versions.map((v) => ({ version: v.version, supportedUntil: v.supportedUntil })),
      requirements: { ...(dto.requirements ?? {}) },
    });
  }

  @Get('products/:code')
  @ApiOperation({ operationId: 'getProduct', summary: 'A product of the catalogue' })
  @ApiParam({ name: 'code', description: 'The product code' })
  @ApiOkResponse({ description: 'The product', type: ProductSchema })
  @ApiError(404, 'No such product')
  async getProduct(@Param('code') code: string) {
    return found(await this.reference.get(ProductEntity, { code }), `product ${code}`);
  }

  @Get('products')
  @ApiOperation({ operationId: 'listProducts', summary: 'The product catalogue' })
  @ApiOkResponse({ description: 'Every product', type: [ProductSchema] })
  listProducts() {
    return this.reference.list(ProductEntity);
  }

  @Delete('products/:code')
  @HttpCode(204)
  @ApiOperation({ operationId: 'deleteProduct', summary: 'Remove a product from the catalogue' })
  @ApiParam({ name: 'code', description: 'The product code' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiError(404, 'No such product')
  async deleteProduct(@Param('code') code: string) {
    found(await this.reference.remove(ProductEntity, { code }), `product ${code}`);
  }

  @Put('licences/:key')
  @ApiOperation({ operationId: 'putLicence', summary: 'Create or replace a licence (a change of plan, status or validity re-evaluates its open requests)' })
  @ApiParam({ name: 'key', description: 'The licence key (1–64 letters, digits, dot, dash or underscore)', example: 'LIC-ANNA-KAV' })
  @ApiBody({ type: LicenceDto })
  @ApiOkResponse({ description: 'The licence as stored', type: LicenceSchema })
  @ApiInvalidInput('Invalid input (both customerId and companyId included): every failing field is named; nothing is stored')
  @ApiUnknownReference('The product or the SLA plan does not exist: the field and the missing record are named; nothing is stored')
  @ApiBodyTooLarge()
  async putLicence(@Param('key') key: string, @Body() body: unknown) {
    const dto = validateInput(LicenceDto, body);
    checkId(key, 'key');
    if (dto.customerId !== undefined && dto.companyId !== undefined) {
      throw new InvalidInputError([{ field: 'companyId', messages: ["a licence is a customer's (customerId) or a company's (companyId), not both"] }]);
    }
    checkReferences([
      { field: 'productCode', what: 'product', id: dto.productCode, exists: !!(await this.reference.get(ProductEntity, { code: dto.productCode })) },
      ...(dto.supportPlan ? [{ field: 'supportPlan', what: 'SLA plan', id: dto.supportPlan, exists: !!(await this.reference.get(SlaPlanEntity, { id: dto.supportPlan })) }] : []),
    ]);
    const before = await this.reference.get(LicenceEntity, { key });
    const saved = await this.reference.put(LicenceEntity, {
      key,
      productCode: dto.productCode,
      customerId: dto.customerId ?? null,
      companyId: dto.companyId ?? null,
      status: dto.status,
      validUntil: dto.validUntil,
      kind: dto.kind,
      supportPlan: dto.supportPlan ?? null,
    });
    await this.licenceChanged(key, before, saved);
    return saved;
  }

  @Get('licences/:key')
  @ApiOperation({ operationId: 'getLicence', summary: 'A licence of the registry' })
  @ApiParam({ name: 'key', description: 'The licence key' })
  @ApiOkResponse({ description: 'The licence', type: LicenceSchema })
  @ApiError(404, 'No such licence')
  async getLicence(@Param('key') key: string) {
    return found(await this.reference.get(LicenceEntity, { key }), `licence ${key}`);
  }

  @Delete('licences/:key')
  @HttpCode(204)
  @ApiOperation({ operationId: 'deleteLicence', summary: 'Remove a licence' })
  @ApiParam({ name: 'key', description: 'The licence key' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiError(404, 'No such licence')
  async deleteLicence(@Param('key') key: string) {
    const before = await this.reference.get(LicenceEntity, { key });
    found(await this.reference.remove(LicenceEntity, { key }), `licence ${key}`);
    await this.licenceChanged(key, before, null);
  }
}
