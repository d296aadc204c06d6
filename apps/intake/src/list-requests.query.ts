import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { Type } from 'class-transformer';
import { REQUEST_STATUSES } from '@support/contracts';

/** GET /v1/requests query: filters, page size and an opaque cursor. */
export class ListRequestsQuery {
  @IsOptional()
  @IsIn(REQUEST_STATUSES, { message: `status must be one of ${REQUEST_STATUSES.join(', ')}` })
  status?: string;

  @IsOptional()
  @IsString()
  @Length(1, 64)
  team?: string;

  @IsOptional()
  @IsString()
  @Length(1, 128)
  customerId?: string;

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
