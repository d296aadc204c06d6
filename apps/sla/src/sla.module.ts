import { Module } from '@nestjs/common';
import { SlaProcessor } from './sla.processor';

@Module({ providers: [SlaProcessor] })
export class SlaModule {}
