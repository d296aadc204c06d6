import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import { InvalidInputError } from '@support/contracts';
import { STATUS_CODES } from 'node:http';

/** The JSON answer to bad input: the status, and every failing field named. */
export function invalidInputBody(error: InvalidInputError) {
  return {
    statusCode: error.status,
    error: STATUS_CODES[error.status] ?? 'Bad Request',
    message: `invalid input: ${error.errors.map((e) => e.field).join(', ')}`,
    errors: error.errors,
  };
}

/**
 * Bad input is the caller's mistake: 400 with every failing field named (413 for input too big,
 * 422 for a reference to something that does not exist), never a 5xx.
 */
@Catch(InvalidInputError)
export class InvalidInputFilter implements ExceptionFilter {
  catch(error: InvalidInputError, host: ArgumentsHost): void {
    host.switchToHttp().getResponse().status(error.status).json(invalidInputBody(error));
  }
}
