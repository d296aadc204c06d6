import { type ArgumentsHost, Catch, HttpException, Inject, Logger } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { Response } from 'express';
import { SETTINGS, type Settings } from '../settings';
import { type Endpoints, endpointsOf, UNAVAILABLE_MESSAGES, unavailablePart } from './unavailable';

/** Seconds a client is asked to wait before trying again (Retry-After). */
export const RETRY_AFTER_SECONDS = 10;

/**
 * Redis or the database cannot be reached: an honest 503 with Retry-After and a JSON body naming
 * what is unavailable, instead of a 500 that reads like a bug. Every other error goes on to Nest's
 * own handling (HttpExceptions keep their status, anything else stays a 500). Registered first
 * among the global filters, so the typed ones (400, 409) are tried before this catch-all.
 */
@Catch()
export class ServiceUnavailableFilter extends BaseExceptionFilter {
  private readonly logger = new Logger('unavailable');
  private readonly endpoints: Endpoints;

  constructor(@Inject(SETTINGS) settings: Settings) {
    super();
    this.endpoints = endpointsOf(settings.redisUrl, settings.databaseUrl);
  }

  override catch(error: unknown, host: ArgumentsHost): void {
    const part = error instanceof HttpException || host.getType() !== 'http' ? null : unavailablePart(error, this.endpoints);
    if (!part) return super.catch(error, host);
    const http = host.switchToHttp();
    const request = http.getRequest<{ method?: string; route?: { path?: string } }>();
    // The route pattern, not the URL: tokens in paths stay out of the log.
    this.logger.warn({ unavailable: part, method: request.method, route: request.route?.path, err: (error as Error).message }, `503: ${UNAVAILABLE_MESSAGES[part]}`);
    const response = http.getResponse<Response>();
    if (response.headersSent) return;
    response
      .status(503)
      .set('Retry-After', String(RETRY_AFTER_SECONDS))
      .json({ statusCode: 503, error: 'Service Unavailable', message: `${UNAVAILABLE_MESSAGES[part]}: try again later`, unavailable: part });
  }
}
