import { fts5Query } from './full-text-search';

describe('fts5Query', () => {
  it('quotes every word so nothing typed is FTS5 syntax', () => {
    expect(fts5Query('ziedkāposts trojan')).toBe('"ziedkāposts" "trojan"');
    expect(fts5Query('a" OR NEAR(b*')).toBe('"a" "OR" "NEAR" "b"');
    expect(fts5Query('вирус, файл')).toBe('"вирус" "файл"');
  });

  it('answers null without a word', () => {
    expect(fts5Query('!!! ...')).toBeNull();
  });
});
