import 'reflect-metadata';
import { composeApp, settingsFromEnv, startWorkerApp } from '@support/platform';
import { FeedbackSurveyModule } from './src/feedback-survey.module';

/** The feedback-survey worker alone (no HTTP): start more copies to scale out. */
const settings = settingsFromEnv();
void startWorkerApp('feedback-survey', composeApp(settings, [FeedbackSurveyModule]), settings);
