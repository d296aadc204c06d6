import { Processor } from '@nestjs/bullmq';
import { Inject, type OnApplicationBootstrap } from '@nestjs/common';
import { Events, InvalidInputError, Jobs, Queues, type RequestEventData, type SurveySendData, validateInput } from '@support/contracts';
import { Handles, EventPublisher, StageProcessor, stageWorkerOptions } from '@support/messaging';
import { SETTINGS, type Settings } from '@support/platform';
import { Job, UnrecoverableError } from 'bullmq';
import { PeriodicRunDto } from './survey.dto';
import { SurveyPolicyService } from './survey-policy.service';
import { SurveyService } from './survey.service';

/**
 * Feedback surveys ([feedback], 7.1, 7.2): scheduled on resolution, cancelled on reopen, sent
 * when their alarm rings (throttled at that moment), periodically to the period's active
 * customers (a BullMQ job scheduler with the policy's cron and time zone), and a sweeper for
 * lost alarms. Declined requests are never surveyed.
 */
@Processor(Queues.feedbackSurvey, stageWorkerOptions())
export class FeedbackSurveyProcessor extends StageProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly surveys: SurveyService,
    private readonly policy: SurveyPolicyService,
    private readonly publisher: EventPublisher,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    const { cron, timezone } = this.policy.policy.relationship;
    await this.publisher.schedule(Jobs.surveyPeriodic, { pattern: cron, tz: timezone });
    await this.publisher.schedule(Jobs.surveySweep, { every: this.settings.sweepEveryMs });
  }

  @Handles(Events.resolved)
  onResolved({ requestId }: RequestEventData) {
    return this.surveys.scheduleAfterResolution(requestId);
  }

  @Handles(Events.reopened)
  onReopened({ requestId }: RequestEventData) {
    return this.surveys.cancelOnReopen(requestId);
  }

  @Handles(Jobs.surveySend)
  onSendDue({ surveyId }: SurveySendData) {
    return this.surveys.sendDue(surveyId);
  }

  /** From the scheduler (no data: now), or added by hand with `{ at }` to run as of another time. */
  @Handles(Jobs.surveyPeriodic)
  onPeriodic(_: unknown, job: Job) {
    let at = new Date();
    if (job.data && Object.keys(job.data).length > 0) {
      try {
        const dto = validateInput(PeriodicRunDto, job.data);
        if (dto.at) at = new Date(dto.at);
      } catch (error) {
        if (error instanceof InvalidInputError) throw new UnrecoverableError(error.message);
        throw error;
      }
    }
    return this.surveys.runPeriodic(at);
  }

  @Handles(Jobs.surveySweep)
  onSweep() {
    return this.surveys.sweep();
  }

  @Handles(Events.declined)
  onDeclined({ requestId }: RequestEventData) {
    return { requestId, survey: 'none: declined requests are not surveyed' };
  }
}
