import { Module } from '@nestjs/common';
import { IntakeService } from '@support/platform';
import { AttachmentsController } from './attachments.controller';
import { IntakeProcessor } from './intake.processor';
import { RequestsController } from './requests.controller';
import { TriagePreviewController } from './triage-preview.controller';

/** Intake: HTTP submissions, queue producers, reading requests (and their mailed attachments), the triage preview (the reconciler runs beside it: apps/reconciler). */
@Module({
  controllers: [RequestsController, TriagePreviewController, AttachmentsController],
  providers: [IntakeService, IntakeProcessor],
})
export class IntakeModule {}
