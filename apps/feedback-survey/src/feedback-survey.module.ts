import { Module } from '@nestjs/common';
import { FeedbackSurveyProcessor } from './feedback-survey.processor';

@Module({ providers: [FeedbackSurveyProcessor] })
export class FeedbackSurveyModule {}
