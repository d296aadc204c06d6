import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';

/** Every error answer of the JSON API: Nest's HttpException body (CONTRACT.md, "Authentication"). */
export class ErrorBody {
  @ApiProperty({ description: 'The HTTP status code, repeated', example: 404 })
  statusCode: number;

  @ApiProperty({ description: 'What went wrong, for people', example: 'request 01J9Z8X2K4 not found' })
  message: string;

  @ApiPropertyOptional({ description: 'The status text', example: 'Not Found' })
  error?: string;

  @ApiPropertyOptional({ description: 'Survey links only: why the link cannot be answered', enum: ['unknown', 'answered', 'expired'] })
  reason?: string;
}

export class FieldErrorBody {
  @ApiProperty({ description: 'The failing field, dotted for nested ones', example: 'customer.country' })
  field: string;

  @ApiProperty({ type: [String], description: 'Every rule the field breaks', example: ['country must be an ISO 3166-1 alpha-2 code such as LV'] })
  messages: string[];
}

/** 400 (413, 415, 422): invalid input, every failing field named; nothing was stored. */
export class ValidationErrorBody {
  @ApiProperty({ enum: [400, 413, 415, 422], example: 400 })
  statusCode: number;

  @ApiProperty({ enum: ['Bad Request', 'Payload Too Large', 'Unsupported Media Type', 'Unprocessable Entity'], example: 'Bad Request' })
  error: string;

  @ApiProperty({ example: 'invalid input: customer.country, subject' })
  message: string;

  @ApiProperty({ type: [FieldErrorBody] })
  errors: FieldErrorBody[];
}

/** A JSON error answer with the shared error body. */
export const ApiError = (status: number, description: string) => ApiResponse({ status, description, type: ErrorBody });

/** 400 with every failing field named (InvalidInputFilter). */
export const ApiInvalidInput = (description = 'Invalid input: every failing field is named; nothing is stored') =>
  applyDecorators(ApiExtraModels(FieldErrorBody), ApiResponse({ status: 400, description, type: ValidationErrorBody }));

/**
 * 429 from a rate limit, with the shared error body and `Retry-After` (seconds until the window
 * ends). The limits are in the README's configuration table. JSON even where the route answers
 * pages: the limit answers before the page is made.
 */
export const ApiTooManyRequests = (description: string) =>
  ApiResponse({
    status: 429,
    description,
    content: { 'application/json': { schema: { $ref: getSchemaPath(ErrorBody) } } },
    headers: { 'Retry-After': { description: 'Seconds until calls are taken again', schema: { type: 'integer', minimum: 1 } } },
  });

/** 429 on the public routes: the per-IP ceiling (PUBLIC_RATE_LIMIT). */
export const ApiPublicRateLimit = () => ApiTooManyRequests('Too many calls to the public routes from this address in the window (PUBLIC_RATE_LIMIT)');

/**
 * The answers of the auth guard on a /v1 route: 401 for a missing, unknown or revoked key; 403 for
 * a valid key of a kind the route does not admit (left out where every kind is admitted); 429 once
 * a key or an address has failed authentication too often (AUTH_FAILURE_LIMIT).
 */
export const ApiKeyErrors = ({ forbidden = true }: { forbidden?: boolean } = {}) =>
  applyDecorators(
    ApiError(401, 'Missing, unknown or revoked bearer key'),
    ...(forbidden ? [ApiError(403, 'A valid key of a kind this operation does not admit')] : []),
    ApiTooManyRequests('Too many failed authentications with this key or from this address in the window (AUTH_FAILURE_LIMIT)'),
  );

/**
 * 413 and 415 from the JSON body parser (http/boundary.ts), before any handler runs: a body larger
 * than the largest valid one (254 KiB: JSON_BODY_LIMIT), or one that is not application/json.
 */
export const ApiBodyTooLarge = () =>
  applyDecorators(
    ApiResponse({ status: 413, description: 'The body is larger than the largest valid body (254 KiB), or holds more than 5,000 keys and items', type: ValidationErrorBody }),
    ApiResponse({ status: 415, description: 'The body is not application/json (UTF-8, uncompressed)', type: ValidationErrorBody }),
  );

/** 422: a reference to something that does not exist (a product, SLA plan, calendar or team), named. */
export const ApiUnknownReference = (description: string) => ApiResponse({ status: 422, description, type: ValidationErrorBody });

/** 503: Redis or the database cannot be reached (ServiceUnavailableFilter). */
export class UnavailableErrorBody {
  @ApiProperty({ enum: [503], example: 503 })
  statusCode: number;

  @ApiProperty({ enum: ['Service Unavailable'], example: 'Service Unavailable' })
  error: string;

  @ApiProperty({ example: 'the queue (Redis) is unavailable: try again later' })
  message: string;

  @ApiProperty({ enum: ['queue', 'database'], description: 'What cannot be reached' })
  unavailable: string;
}

/**
 * 503 with Retry-After when Redis or the database cannot be reached. Where a step commits and then
 * publishes, a 503 means nothing was stored; a publish that fails after the commit answers success
 * with `queued: false` instead.
 */
export const ApiUnavailable = (description = 'Redis or the database cannot be reached: try again after Retry-After seconds') =>
  ApiResponse({
    status: 503,
    description,
    type: UnavailableErrorBody,
    headers: { 'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer', example: 10 } } },
  });

/** The fields a success answer adds when its change was stored but Redis was unreachable after the commit. */
export class NotQueuedFields {
  @ApiPropertyOptional({ enum: [false], description: 'Present (false) only when the change is stored but its jobs are not published yet: they are when the queue is back' })
  queued?: boolean;

  @ApiPropertyOptional({ example: 'stored; the queue (Redis) is unavailable, so processing starts when it is back' })
  queueNotice?: string;
}
