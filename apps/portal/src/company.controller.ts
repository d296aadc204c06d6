import { Controller, Get, NotFoundException } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ReferenceStore } from '@support/persistence';
import { Access, ApiError, ApiKeyErrors, ApiUnavailable, BEARER, Caller, type Principal } from '@support/platform';
import { CompanySchema } from '../../admin/src/admin.responses';

/** What a company key is: the portal's sign-in asks it, and learns the company id for its survey list. */
@ApiTags('company')
@ApiBearerAuth(BEARER)
@Controller('v1/company')
export class CompanyController {
  constructor(private readonly reference: ReferenceStore) {}

  @Get('me')
  @Access('company')
  @ApiOperation({ operationId: 'getOwnCompany', summary: 'The company of this company key (the portal signs in with it)' })
  @ApiOkResponse({ description: 'The company', type: CompanySchema })
  @ApiKeyErrors()
  @ApiError(404, 'The company was removed while its key was in use')
  @ApiUnavailable()
  async me(@Caller() caller: Principal) {
    const company = await this.reference.company(caller.id);
    if (!company) throw new NotFoundException(`company ${caller.id} not found`);
    return { id: company.id, name: company.name, country: company.country };
  }
}
