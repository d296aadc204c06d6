import { Module } from '@nestjs/common';
import { LicenceCheckProcessor } from './licence-check.processor';

@Module({ providers: [LicenceCheckProcessor] })
export class LicenceCheckModule {}
