import { Module } from '@nestjs/common';
import { FeedbackSurveyProcessor } from './feedback-survey.processor';
import { PageAssetsController } from './pages';
import { ReportsController } from './reports.controller';
import { SurveyOptOuts } from './survey-opt-outs';
import { SurveyPolicyService } from './survey-policy.service';
import { UnsubscribeController } from './unsubscribe.controller';
import { SurveyTokens } from './survey-tokens';
import { SurveyService } from './survey.service';
import { SurveysController } from './surveys.controller';

/** Surveys: scheduling, sending, the form (7.1), the company portal list (7.2), answers and the CSAT report. */
@Module({
  controllers: [SurveysController, ReportsController, PageAssetsController, UnsubscribeController],
  providers: [SurveyPolicyService, SurveyTokens, SurveyOptOuts, SurveyService, FeedbackSurveyProcessor],
})
export class FeedbackSurveyModule {}
