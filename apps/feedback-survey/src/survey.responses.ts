import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NotQueuedFields } from '@support/platform';

/** OpenAPI shapes of the survey and report answers, for @nestjs/swagger only. */
export class SurveyAnsweredSchema extends NotQueuedFields {
  @ApiProperty()
  surveyId: string;

  @ApiProperty({ enum: ['answered'] })
  status: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5 })
  score: number;

  @ApiProperty({ example: 'service-quality' })
  feedbackType: string;

  @ApiProperty({ format: 'date-time' })
  answeredAt: string;
}

export class FeedbackTypeSchema {
  @ApiProperty({ example: 'service-quality' })
  id: string;

  @ApiProperty({ description: "In the survey's language", example: 'Quality of the service' })
  label: string;
}

export class SurveyAnswerLinkSchema {
  @ApiProperty({ enum: ['POST'] })
  method: string;

  @ApiProperty({ example: '/v1/surveys/st.…' })
  path: string;
}

export class PendingSurveySchema {
  @ApiProperty()
  id: string;

  @ApiProperty({ enum: ['transactional', 'relationship'] })
  kind: string;

  @ApiProperty({ type: String, nullable: true, description: 'The request surveyed (transactional surveys)' })
  requestId: string | null;

  @ApiProperty({ type: String, nullable: true, description: "The request's subject" })
  subject: string | null;

  @ApiProperty()
  customerId: string;

  @ApiProperty({ enum: ['en', 'lv', 'ru'] })
  language: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  sentAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  expiresAt: string | null;

  @ApiProperty({ description: 'The signed, single-use survey token' })
  token: string;

  @ApiProperty({ description: 'The web form for this survey', example: 'http://localhost:3000/surveys/st.…' })
  form: string;

  @ApiProperty({ type: SurveyAnswerLinkSchema, description: 'Where to answer it as JSON' })
  answer: SurveyAnswerLinkSchema;

  @ApiProperty({ type: [FeedbackTypeSchema] })
  feedbackTypes: FeedbackTypeSchema[];
}

export class PendingSurveysSchema {
  @ApiProperty()
  companyId: string;

  @ApiProperty({ type: [PendingSurveySchema], description: 'Sent, unanswered and not expired; newest first' })
  items: PendingSurveySchema[];
}

export class CsatGroupSchema {
  @ApiProperty({ type: String, nullable: true, description: 'The team, segment or country; null in the total' })
  key: string | null;

  @ApiProperty({ type: 'integer' })
  sent: number;

  @ApiProperty({ type: 'integer' })
  answered: number;

  @ApiProperty({ minimum: 0, maximum: 1, description: 'answered / sent', example: 0.42 })
  responseRate: number;

  @ApiProperty({ type: Number, nullable: true, description: 'Average score of the answers; null when none', example: 4.25 })
  averageScore: number | null;
}

export class CsatReportSchema {
  @ApiProperty({ format: 'date-time' })
  from: string;

  @ApiProperty({ format: 'date-time' })
  to: string;

  @ApiProperty({ enum: ['team', 'segment', 'country'] })
  groupBy: string;

  @ApiProperty({ enum: ['transactional', 'relationship', 'all'] })
  kind: string;

  @ApiProperty({ type: [CsatGroupSchema] })
  groups: CsatGroupSchema[];

  @ApiProperty({ type: CsatGroupSchema })
  total: CsatGroupSchema;
}

/** POST /surveys/{token}: the HTML form's own fields (application/x-www-form-urlencoded). */
export class SurveyFormBody {
  @ApiProperty({ pattern: '^[1-5]$', description: 'The score, 1 to 5', example: '5' })
  score: string;

  @ApiProperty({ example: 'service-quality' })
  feedbackType: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  comment?: string;
}
