import { Module } from '@nestjs/common';
import { SlaAlarms } from '../../sla/src/sla-alarms';
import { AgentQueueJobs } from './agent-queue-jobs';
import { AgentTimers } from './agent-timers';
import { OutboxRelay } from './outbox-relay';
import { ReconcilePass } from './reconcile-pass';
import { ReconcilerProcessor } from './reconciler.processor';
import { SlaAlarmJobs } from './sla-alarm-jobs';
import { StageJobs } from './stage-jobs';

/**
 * The reconciler: compares every unfinished request in the database with what Redis holds for it
 * and repairs the difference (see reconcile-pass.ts). Runs in the intake process and in standalone.
 */
@Module({ providers: [ReconcilePass, OutboxRelay, ReconcilerProcessor, StageJobs, AgentQueueJobs, AgentTimers, SlaAlarmJobs, SlaAlarms], exports: [ReconcilePass] })
export class ReconcilerModule {}
