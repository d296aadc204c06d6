import { Processor } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Events, Jobs, Queues, type RequestEventData, type SurveySendData } from '@support/contracts';
import { Handles, StageProcessor, stageWorkerOptions } from '@support/messaging';

/**
 * Feedback surveys ([feedback], 7.1, 7.2). For now it receives its events; scheduling, delivery
 * and answers come with the surveys capability. Declined requests never get a survey.
 */
@Processor(Queues.feedbackSurvey, stageWorkerOptions())
export class FeedbackSurveyProcessor extends StageProcessor {
  private readonly logger = new Logger('feedback-survey');

  @Handles(Events.resolved)
  onResolved({ requestId }: RequestEventData) {
    this.logger.log({ requestId }, 'resolved: survey to be scheduled');
    return { requestId, survey: 'pending' };
  }

  @Handles(Events.reopened)
  onReopened({ requestId }: RequestEventData) {
    return { requestId, survey: 'cancelled if not yet sent' };
  }

  @Handles(Jobs.surveySend)
  onSendDue({ surveyId }: SurveySendData) {
    return { surveyId };
  }

  @Handles(Jobs.surveyPeriodic)
  onPeriodic() {
    return { surveyed: 0 };
  }

  @Handles(Events.declined)
  onDeclined({ requestId }: RequestEventData) {
    return { requestId, survey: 'none: declined requests are not surveyed' };
  }
}
