import { Module } from '@nestjs/common';
import { SlaAlarms } from './sla-alarms';
import { SlaClockService } from './sla-clock.service';
import { SlaPlanChanges } from './sla-plan-changes';
import { SlaProcessor } from './sla.processor';

@Module({ providers: [SlaAlarms, SlaClockService, SlaPlanChanges, SlaProcessor] })
export class SlaModule {}
