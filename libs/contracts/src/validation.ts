import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { DEFAULT_SHAPE_LIMITS, shapeProblems, type ShapeLimits } from './input-shape';

export interface FieldError {
  field: string;
  messages: string[];
}

/**
 * Thrown for input that can never be valid: at HTTP it answers `status` (400; 413 for input too
 * big; 422 for a reference to something that does not exist), on a queue the job fails
 * unrecoverably. Either way every failing field is named.
 */
export class InvalidInputError extends Error {
  constructor(
    readonly errors: FieldError[],
    readonly status: 400 | 413 | 415 | 422 = 400,
  ) {
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
 * The shape checks of input-shape.ts (NUL bytes, lone surrogates, prototype keys, depth and size)
 * as an InvalidInputError: 413 when the input is too big, else 400 naming every field.
 */
export function assertInputShape(data: unknown, limits: ShapeLimits = DEFAULT_SHAPE_LIMITS, root = '(body)'): void {
  const problems = shapeProblems(data, limits, root);
  if (problems.length === 0) return;
  const byField = new Map<string, string[]>();
  for (const p of problems) byField.set(p.field, [...(byField.get(p.field) ?? []), p.message]);
  throw new InvalidInputError(
    [...byField].map(([field, messages]) => ({ field, messages })),
    problems.some((p) => p.status === 413) ? 413 : 400,
  );
}

/**
 * Validates plain data against a DTO class: first its shape (assertInputShape: before
 * class-transformer, which recurses without limit and drops prototype keys silently), then the
 * DTO's rules; unknown fields are rejected, every failing field is named. Returns the typed
 * instance or throws InvalidInputError.
 */
export function validateInput<T extends object>(cls: new () => T, data: unknown, limits: ShapeLimits = DEFAULT_SHAPE_LIMITS): T {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new InvalidInputError([{ field: '(body)', messages: ['must be a JSON object'] }]);
  }
  assertInputShape(data, limits);
  const instance = plainToInstance(cls, data, { enableImplicitConversion: false });
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
  if (errors.length > 0) throw new InvalidInputError(flatten(errors));
  return instance;
}
