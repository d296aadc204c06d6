import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Length, Max, MaxLength, Min } from 'class-validator';

/** POST /v1/surveys/:token (CONTRACT.md, "Surveys"). */
export class SurveyAnswerDto {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5, example: 5 })
  @IsInt({ message: 'score must be a whole number from 1 to 5' })
  @Min(1, { message: 'score must be from 1 to 5' })
  @Max(5, { message: 'score must be from 1 to 5' })
  score: number;

  /** One of the policy's feedback types (checked against the policy after this). */
  @ApiProperty({ minLength: 1, maxLength: 32, description: "One of the survey policy's feedback types (config/surveys/policy.json)", example: 'service-quality' })
  @IsString()
  @Length(1, 32)
  feedbackType: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export const GROUPS = ['team', 'segment', 'country'] as const;
export type CsatGroup = (typeof GROUPS)[number];

/** GET /v1/reports/csat?from=&to=&groupBy= */
export class CsatQuery {
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO-8601 date or time, e.g. 2026-05-01' })
  from?: string;

  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO-8601 date or time, e.g. 2026-06-01' })
  to?: string;

  @IsOptional()
  @IsIn(GROUPS, { message: `groupBy must be one of ${GROUPS.join(', ')}` })
  groupBy?: CsatGroup;

  @IsOptional()
  @IsIn(['transactional', 'relationship', 'all'], { message: 'kind must be transactional, relationship or all' })
  kind?: 'transactional' | 'relationship' | 'all';
}

/** Data of a `survey.periodic` job: none from the scheduler; `at` runs it as of another time (tests, re-runs). */
export class PeriodicRunDto {
  @IsOptional()
  @IsISO8601({ strict: true })
  at?: string;
}
