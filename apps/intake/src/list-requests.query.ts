import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { Type } from 'class-transformer';
import { REQUEST_STATUSES } from '@support/contracts';

/** The orders a work list can be read in: a key, descending with a leading '-'. */
export const LIST_SORTS = ['-receivedAt', 'receivedAt', 'slaDue', '-slaDue', 'priority', '-priority'] as const;
export type ListSort = (typeof LIST_SORTS)[number];

/** GET /v1/requests query: full-text search, filters, order, page size and an opaque cursor. */
export class ListRequestsQuery {
  @IsOptional()
  @IsString()
  @Length(1, 200)
  q?: string;

  @IsOptional()
  @IsIn(REQUEST_STATUSES, { message: `status must be one of ${REQUEST_STATUSES.join(', ')}` })
  status?: string;

  @IsOptional()
  @IsString()
  @Length(1, 64)
  team?: string;

  @IsOptional()
  @IsString()
  @Length(1, 32)
  clause?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'priority must be a whole number from 1 to 9' })
  @Min(1)
  @Max(9)
  priority?: number;

  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'slaDueBefore must be an ISO-8601 time, e.g. 2026-12-01T12:00:00Z' })
  slaDueBefore?: string;

  @IsOptional()
  @IsString()
  @Length(1, 64)
  assignee?: string;

  @IsOptional()
  @IsString()
  @Matches(/^[a-z]{2,3}$/, { message: 'language must be a language code such as lv, ru or en' })
  language?: string;

  @IsOptional()
  @IsString()
  @Length(1, 254)
  customer?: string;

  @IsOptional()
  @IsString()
  @Length(1, 128)
  customerId?: string;

  @IsOptional()
  @IsIn(LIST_SORTS, { message: `sort must be one of ${LIST_SORTS.join(', ')}` })
  sort?: ListSort;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @IsOptional()
  @IsString()
  @Length(1, 200)
  cursor?: string;
}
