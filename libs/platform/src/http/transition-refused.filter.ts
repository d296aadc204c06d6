import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import { TransitionRefused } from '@support/domain';

/** A step the request's lifecycle does not allow in its current status is a conflict (409), never a 5xx. */
@Catch(TransitionRefused)
export class TransitionRefusedFilter implements ExceptionFilter {
  catch(error: TransitionRefused, host: ArgumentsHost): void {
    host.switchToHttp().getResponse().status(409).json({ statusCode: 409, error: 'Conflict', message: error.message });
  }
}
