import { Module } from '@nestjs/common';
import { IntakeProcessor } from './intake.processor';
import { IntakeService } from './intake.service';
import { PipelineSweeper } from './pipeline-sweeper';
import { RequestsController } from './requests.controller';
import { TriagePreviewController } from './triage-preview.controller';

/** Intake: HTTP submissions, queue producers, reading requests, the triage preview, the pipeline sweeper. */
@Module({
  controllers: [RequestsController, TriagePreviewController],
  providers: [IntakeService, IntakeProcessor, PipelineSweeper],
})
export class IntakeModule {}
