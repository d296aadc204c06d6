import { loadRuleSet } from '../rules';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { outOfHoursNotice } from './out-of-hours';

const rules = loadRuleSet(JSON.parse(readFileSync(join(__dirname, '../../../../config/rules/2022-04-07.json'), 'utf8')));
const day = [
  ['09:00', '13:00'],
  ['14:00', '18:00'],
] as [string, string][];
const riga = { timezone: 'Europe/Riga', weekly: { mon: day, tue: day, wed: day, thu: day, fri: day }, holidays: ['2026-11-18'] };

describe('the out-of-hours acknowledgement (rule 2.2)', () => {
  it('says nothing while the team is open', () => {
    expect(outOfHoursNotice(rules, riga, 'en', new Date('2026-11-17T08:00:00Z'))).toBeNull(); // 10:00 in Riga
  });

  it('names the opening after a holiday (Latvia, 18 November), in the team time zone', () => {
    const notice = outOfHoursNotice(rules, riga, 'lv', new Date('2026-11-17T17:30:00Z'))!; // Tue 19:30 Riga, Wed is a holiday
    expect(notice.opensAt).toBe('2026-11-19T07:00:00.000Z'); // Thu 09:00 EET
    expect(notice.message).toContain('Europe/Riga');
    expect(notice.message).toMatch(/19/);
    expect(notice.message).toMatch(/ceturtd/i); // Thursday, in Latvian
  });

  it('crosses the spring daylight-saving change (Riga goes to UTC+3)', () => {
    const notice = outOfHoursNotice(rules, riga, 'en', new Date('2027-03-27T10:00:00Z'))!; // Saturday
    expect(notice.opensAt).toBe('2027-03-29T06:00:00.000Z'); // Monday 09:00 EEST
    expect(notice.message).toContain('09:00');
  });

  it('crosses the autumn change (back to UTC+2)', () => {
    const notice = outOfHoursNotice(rules, riga, 'ru', new Date('2026-10-24T12:00:00Z'))!; // Saturday
    expect(notice.opensAt).toBe('2026-10-26T07:00:00.000Z'); // Monday 09:00 EET
    expect(notice.message).toMatch(/понедельник|пн/i);
  });

  it('opens after the lunch break, not at the next morning', () => {
    expect(outOfHoursNotice(rules, riga, 'en', new Date('2026-11-17T11:15:00Z'))!.opensAt).toBe('2026-11-17T12:00:00.000Z'); // 13:15 → 14:00 Riga
  });

  it('has no notice for a team without a calendar', () => {
    expect(outOfHoursNotice(rules, null, 'en', new Date())).toBeNull();
  });
});
