import { IntakeService } from '@support/platform';
import { Module } from '@nestjs/common';
import { IntakeProcessor } from './intake.processor';
import { RequestsController } from './requests.controller';
import { TriagePreviewController } from './triage-preview.controller';

/** Intake: HTTP submissions, queue producers, reading requests, the triage preview (the reconciler runs beside it: apps/reconciler). */
@Module({
  controllers: [RequestsController, TriagePreviewController],
  providers: [IntakeService, IntakeProcessor],
})
export class IntakeModule {}
