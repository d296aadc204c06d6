import { SubmissionDto } from './submission.dto';
import { shapeProblems } from './input-shape';
import { InvalidInputError, validateInput } from './validation';

const nest = (levels: number): unknown => {
  let v: unknown = 'x';
  for (let i = 0; i < levels; i++) v = { a: v };
  return v;
};

describe('the shape of input, before class-transformer', () => {
  it('names NUL bytes and lone surrogates in values and keys, wherever they are', () => {
    const problems = shapeProblems({ a: 'ok\u0000', b: { c: ['\uD800x'] }, ['k\u0000']: 1, d: 'fine \u{1F600} \u202Eevil' });
    expect(problems.map((p) => p.field).sort()).toEqual(['a', 'b.c.0', 'k\\u0000']);
    expect(problems.every((p) => p.status === 400)).toBe(true);
  });

  it('refuses prototype keys by name (JSON.parse makes them own keys)', () => {
    const data = JSON.parse('{"__proto__": {"x": 1}, "customer": {"constructor": 1, "prototype": 2}}');
    expect(
      shapeProblems(data)
        .map((p) => p.field)
        .sort(),
    ).toEqual(['__proto__', 'customer.constructor', 'customer.prototype']);
  });

  it('stops at the depth limit without recursing (5,000 levels in a few kB)', () => {
    const deep = JSON.parse(`${'['.repeat(5000)}${']'.repeat(5000)}`);
    expect(shapeProblems(deep)).toEqual([{ field: '0.0.0.0.0.0.0.0', message: expect.stringContaining('nested too deeply'), status: 400 }]);
    expect(shapeProblems(nest(8))).toEqual([]);
    expect(shapeProblems(nest(9))).toHaveLength(1);
  });

  it('answers 413 for too many keys and items', () => {
    expect(shapeProblems({ list: new Array(6000).fill(1) })).toEqual([{ field: '(body)', message: expect.stringContaining('5000'), status: 413 }]);
  });

  it('runs inside validateInput: the DTO never sees bad input', () => {
    const run = (data: unknown) => {
      try {
        validateInput(SubmissionDto, data);
        return null;
      } catch (error) {
        return error as InvalidInputError;
      }
    };
    expect(run(JSON.parse(`{"subject": ${'['.repeat(5000)}${']'.repeat(5000)}}`))?.status).toBe(400);
    expect(run({ subject: 'a\u0000' })?.errors).toEqual([{ field: 'subject', messages: ['subject must not contain NUL bytes (U+0000)'] }]);
    expect(run({ list: new Array(6000).fill(1) })?.status).toBe(413);
  });
});
