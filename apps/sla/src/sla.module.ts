import { Module } from '@nestjs/common';
import { SlaAlarms } from './sla-alarms';
import { SlaClockService } from './sla-clock.service';
import { SlaProcessor } from './sla.processor';

@Module({ providers: [SlaAlarms, SlaClockService, SlaProcessor] })
export class SlaModule {}
