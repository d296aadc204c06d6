import { Module } from '@nestjs/common';
import { CompanyController } from './company.controller';
import { PortalController } from './portal.controller';

/** The company portal (rule 7.2): the page at /portal and what the company key needs besides the existing API (GET /v1/company/me). */
@Module({ controllers: [PortalController, CompanyController] })
export class PortalModule {}
