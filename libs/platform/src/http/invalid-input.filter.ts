import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import { InvalidInputError } from '@support/contracts';

/** Bad input is the caller's mistake: 400 with every failing field named, never a 5xx. */
@Catch(InvalidInputError)
export class InvalidInputFilter implements ExceptionFilter {
  catch(error: InvalidInputError, host: ArgumentsHost): void {
    host
      .switchToHttp()
      .getResponse()
      .status(400)
      .json({
        statusCode: 400,
        error: 'Bad Request',
        message: `invalid input: ${error.errors.map((e) => e.field).join(', ')}`,
        errors: error.errors,
      });
  }
}
