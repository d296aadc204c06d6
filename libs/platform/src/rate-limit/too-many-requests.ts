import { HttpException, HttpStatus } from '@nestjs/common';

/**
 * 429 with the shared error body (`{ statusCode, error, message }`) and `Retry-After` in seconds,
 * set on the response here so every limit answers alike.
 */
export class TooManyRequestsException extends HttpException {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super({ statusCode: HttpStatus.TOO_MANY_REQUESTS, error: 'Too Many Requests', message }, HttpStatus.TOO_MANY_REQUESTS);
  }
}

/** Sets Retry-After on an Express response and answers the exception to throw. */
export function tooManyRequests(res: { setHeader(name: string, value: string): unknown }, message: string, retryAfterSeconds: number): TooManyRequestsException {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  res.setHeader('Retry-After', String(seconds));
  return new TooManyRequestsException(`${message}; retry after ${seconds} s`, seconds);
}
