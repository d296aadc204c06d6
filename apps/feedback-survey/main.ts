import 'reflect-metadata';
import { composeApp, settingsOrExit, startHttpApp } from '@support/platform';
import { FeedbackSurveyModule } from './src/feedback-survey.module';

/**
 * Feedback surveys alone: the survey worker (scheduling, sending, periodic runs, sweeper) and its
 * HTTP surface (the survey form, answers, the company portal list, the CSAT report) on
 * FEEDBACK_SURVEY_PORT (default PORT). Start more copies to scale out.
 */
const settings = settingsOrExit('feedback-survey', 'FEEDBACK_SURVEY_PORT');
void startHttpApp('feedback-survey', composeApp(settings, [FeedbackSurveyModule]), settings);
