import { Module } from '@nestjs/common';
import { LicenceCheckProcessor } from './licence-check.processor';
import { PlanChanges } from './plan-changes';

@Module({ providers: [LicenceCheckProcessor, PlanChanges] })
export class LicenceCheckModule {}
