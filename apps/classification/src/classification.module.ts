import { Module } from '@nestjs/common';
import { ClassificationProcessor } from './classification.processor';

@Module({ providers: [ClassificationProcessor] })
export class ClassificationModule {}
