import { coversInstant, matchVersion } from './version-match';
import type { ProductVersion } from './reference-data';

const versions: ProductVersion[] = [
  { version: '21', supportedUntil: '2027-12-31' },
  { version: '21.3', supportedUntil: null },
  { version: '20', supportedUntil: '2024-06-30' },
];

describe('matchVersion: the longest dotted prefix in the catalogue', () => {
  it('prefers the more specific entry: 21.3.10 matches 21.3, not 21', () => {
    expect(matchVersion(versions, '21.3.10')?.version).toBe('21.3');
  });

  it('prefers the longer entry whatever order the catalogue lists them in', () => {
    expect(matchVersion([...versions].reverse(), '21.3.10')?.version).toBe('21.3');
  });

  it('falls back to the shorter entry when the longer one does not apply: 21.2.5 → 21', () => {
    expect(matchVersion(versions, '21.2.5')?.version).toBe('21');
  });

  it('matches an exact version', () => {
    expect(matchVersion(versions, '21.3')?.version).toBe('21.3');
    expect(matchVersion(versions, '20')?.version).toBe('20');
  });

  it('does not treat a plain string prefix as a dotted prefix: 210 is not 21, 21.30 is not 21.3', () => {
    expect(matchVersion(versions, '210')).toBeNull();
    expect(matchVersion(versions, '21.30')?.version).toBe('21');
  });

  it('returns null when nothing matches', () => {
    expect(matchVersion(versions, '19.0.1')).toBeNull();
    expect(matchVersion(versions, '')).toBeNull();
    expect(matchVersion([], '21')).toBeNull();
  });

  it('returns the catalogue entry itself with its end-of-support date', () => {
    expect(matchVersion(versions, '20.0.14')).toEqual({ version: '20', supportedUntil: '2024-06-30' });
  });
});

describe('coversInstant', () => {
  it('null means no end announced: always covered', () => {
    expect(coversInstant(null, new Date('2999-01-01T00:00:00Z'))).toBe(true);
  });

  it('a date-only value is inclusive up to the end of that day in UTC', () => {
    expect(coversInstant('2024-06-30', new Date('2024-06-30T00:00:00Z'))).toBe(true);
    expect(coversInstant('2024-06-30', new Date('2024-06-30T23:59:59.999Z'))).toBe(true);
    expect(coversInstant('2024-06-30', new Date('2024-07-01T00:00:00Z'))).toBe(false);
    expect(coversInstant('2024-06-30', new Date('2024-01-01T00:00:00Z'))).toBe(true);
  });

  it('an instant is covered up to and including that instant', () => {
    expect(coversInstant('2024-06-30T12:00:00Z', new Date('2024-06-30T12:00:00Z'))).toBe(true);
    expect(coversInstant('2024-06-30T12:00:00Z', new Date('2024-06-30T12:00:00.001Z'))).toBe(false);
    expect(coversInstant('2024-06-30T12:00:00+03:00', new Date('2024-06-30T09:30:00Z'))).toBe(false);
    expect(coversInstant('2024-06-30T12:00:00+03:00', new Date('2024-06-30T08:30:00Z'))).toBe(true);
  });

  it('an unreadable value covers nothing', () => {
    expect(coversInstant('not a date', new Date('2020-01-01T00:00:00Z'))).toBe(false);
  });
});
