import { NotFoundException } from '@nestjs/common';
import { InvalidInputError } from '@support/contracts';
import { ID_PATTERN } from './reference.dto';

export const checkId = (id: string, field = 'id') => {
  if (!ID_PATTERN.test(id)) throw new InvalidInputError([{ field, messages: [`${field} must be 1–64 letters, digits, dot, dash or underscore`] }]);
  return id;
};

export const found = <T>(row: T | null | false, what: string): T => {
  if (!row) throw new NotFoundException(`${what} not found`);
  return row;
};

/** Problems from a domain validator (calendars, SLA plans) as a 400 naming the field. */
export const checkSpec = (field: string, problems: string[]) => {
  if (problems.length > 0) throw new InvalidInputError([{ field, messages: problems }]);
};
