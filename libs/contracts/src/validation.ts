import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';

export interface FieldError {
  field: string;
  messages: string[];
}

/** Thrown for input that can never be valid: at HTTP it answers 400, on a queue the job fails unrecoverably. */
export class InvalidInputError extends Error {
  constructor(readonly errors: FieldError[]) {
    super(`invalid input: ${errors.map((e) => `${e.field}: ${e.messages.join('; ')}`).join(' | ')}`);
    this.name = 'InvalidInputError';
  }
}

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * Validates plain data against a DTO class: unknown fields are rejected, every failing field is
 * named. Returns the typed instance or throws InvalidInputError.
 */
export function validateInput<T extends object>(cls: new () => T, data: unknown): T {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new InvalidInputError([{ field: '(body)', messages: ['must be a JSON object'] }]);
  }
  const instance = plainToInstance(cls, data, { enableImplicitConversion: false });
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
  if (errors.length > 0) throw new InvalidInputError(flatten(errors));
  return instance;
}
