import { Processor } from '@nestjs/bullmq';
import { Events, Queues, type QueuedSubmissionDto, stringProblem, type SubmissionAnswer } from '@support/contracts';
import { Handles, StageProcessor, stageWorkerOptions } from '@support/messaging';
import { ReferenceStore } from '@support/persistence';
import { IntakeService } from '@support/platform';
import { Job, UnrecoverableError } from 'bullmq';

/**
 * Producers on the queue (CONTRACT.md): job `request.submitted` on `intake`. The job's return
 * value is the same object as the HTTP 202 answer. Without an idempotency key the job id stands
 * in for it, so a redelivered job never creates a second submission.
 */
@Processor(Queues.intake, stageWorkerOptions())
export class IntakeProcessor extends StageProcessor {
  constructor(
    private readonly intake: IntakeService,
    private readonly reference: ReferenceStore,
  ) {
    super();
  }

  @Handles(Events.submitted)
  async onSubmitted(data: QueuedSubmissionDto, job: Job): Promise<SubmissionAnswer> {
    // The job id stands in for the idempotency key: it is stored, so it is checked like the data.
    const idProblem = data.idempotencyKey === undefined && job.id !== undefined ? stringProblem(job.id) : null;
    if (idProblem) throw new UnrecoverableError(`invalid input: job id ${idProblem}`);
    if (!(await this.reference.producer(data.producer))) throw new UnrecoverableError(`unknown producer "${data.producer}"`);
    const { producer, ...body } = data;
    const key = body.idempotencyKey ?? `job:${job.id}`;
    return (await this.intake.submit(body as QueuedSubmissionDto, producer, key)).answer;
  }
}
