import { DateTime } from 'luxon';
import { ALWAYS_OPEN, CalendarSpec, InvalidCalendarError, addWorkingMinutes, isOpen, nextOpening, openIntervals, validateCalendar, workingMinutesBetween } from './calendar';

const RIGA = 'Europe/Riga';
/** Local wall time (unambiguous ones only) → Date. */
const at = (iso: string, zone = RIGA): Date => {
  const dt = DateTime.fromISO(iso, { zone });
  if (!dt.isValid) throw new Error(`bad test time ${iso}`);
  return dt.toJSDate();
};
const utc = (iso: string): Date => new Date(iso.endsWith('Z') ? iso : `${iso}Z`);
const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

const DAY: [string, string][] = [
  ['09:00', '12:30'],
  ['13:30', '18:00'],
];
/** Riga office, lunch break, 8 h a day Mon–Fri. 2026-11-18 (Wed) is a holiday. */
const office: CalendarSpec = {
  id: 'riga-office',
  timezone: RIGA,
  weekly: { mon: DAY, tue: DAY, wed: DAY, thu: DAY, fri: DAY, sat: [], sun: [] },
  holidays: ['2026-11-18'],
  overrides: [
    { date: '2026-12-24', intervals: [['09:00', '13:00']] }, // Thursday, short day
    { date: '2026-12-31', intervals: [] }, // Thursday, closed
    { date: '2026-11-21', intervals: [['10:00', '14:00']] }, // Saturday, opened
  ],
};

describe('isOpen', () => {
  it('follows weekly hours with a lunch break, half-open intervals', () => {
    expect(isOpen(office, at('2026-11-16T10:00'))).toBe(true); // Monday
    expect(isOpen(office, at('2026-11-16T09:00'))).toBe(true);
    expect(isOpen(office, at('2026-11-16T08:59:59'))).toBe(false);
    expect(isOpen(office, at('2026-11-16T12:30'))).toBe(false); // end is exclusive
    expect(isOpen(office, at('2026-11-16T12:29:59.999'))).toBe(true);
    expect(isOpen(office, at('2026-11-16T13:00'))).toBe(false); // lunch
    expect(isOpen(office, at('2026-11-16T13:30'))).toBe(true);
    expect(isOpen(office, at('2026-11-16T18:00'))).toBe(false);
  });

  it('is closed on weekends and holidays', () => {
    expect(isOpen(office, at('2026-11-15T10:00'))).toBe(false); // Sunday
    expect(isOpen(office, at('2026-11-14T10:00'))).toBe(false); // Saturday
    expect(isOpen(office, at('2026-11-18T10:00'))).toBe(false); // holiday (Wednesday)
    expect(isOpen(office, at('2026-11-19T10:00'))).toBe(true);
  });

  it('applies overrides (shorter day, closed day, opened weekend day)', () => {
    expect(isOpen(office, at('2026-12-24T12:00'))).toBe(true);
    expect(isOpen(office, at('2026-12-24T13:00'))).toBe(false);
    expect(isOpen(office, at('2026-12-24T15:00'))).toBe(false);
    expect(isOpen(office, at('2026-12-31T10:00'))).toBe(false);
    expect(isOpen(office, at('2026-11-21T11:00'))).toBe(true); // Saturday override
    expect(isOpen(office, at('2026-11-21T14:00'))).toBe(false);
  });

  it('lets an override win over a holiday on the same date', () => {
    const cal: CalendarSpec = {
      ...office,
      holidays: ['2026-11-18'],
      overrides: [{ date: '2026-11-18', intervals: [['10:00', '11:00']] }],
    };
    expect(isOpen(cal, at('2026-11-18T10:30'))).toBe(true);
    expect(isOpen(cal, at('2026-11-18T09:30'))).toBe(false);
  });

  it('interprets intervals in the calendar time zone', () => {
    // 09:00 in Riga in November (EET, UTC+2) is 07:00Z.
    expect(isOpen(office, utc('2026-11-16T07:00'))).toBe(true);
    expect(isOpen(office, utc('2026-11-16T06:59:59'))).toBe(false);
  });
});

describe('nextOpening', () => {
  it('returns `at` itself when open', () => {
    const t = at('2026-11-16T10:17:23');
    expect(iso(nextOpening(office, t))).toBe(iso(t));
  });
  it('skips lunch, nights, weekends, holidays and closed overrides', () => {
    expect(iso(nextOpening(office, at('2026-11-16T12:45')))).toBe(iso(at('2026-11-16T13:30')));
    expect(iso(nextOpening(office, at('2026-11-16T19:00')))).toBe(iso(at('2026-11-17T09:00')));
    expect(iso(nextOpening(office, at('2026-11-27T18:00')))).toBe(iso(at('2026-11-30T09:00'))); // Fri → Mon
    expect(iso(nextOpening(office, at('2026-11-17T18:30')))).toBe(iso(at('2026-11-19T09:00'))); // over holiday
    expect(iso(nextOpening(office, at('2026-12-30T18:30')))).toBe(iso(at('2027-01-01T09:00'))); // over closed override
    expect(iso(nextOpening(office, at('2026-11-20T18:30')))).toBe(iso(at('2026-11-21T10:00'))); // Saturday override
  });
  it('returns null when the calendar never opens within the horizon', () => {
    const onlyOnce: CalendarSpec = {
      timezone: RIGA,
      weekly: {},
      overrides: [{ date: '2020-01-02', intervals: [['09:00', '10:00']] }],
    };
    expect(nextOpening(onlyOnce, at('2026-01-01T00:00'))).toBeNull();
    expect(iso(nextOpening(onlyOnce, at('2020-01-01T00:00')))).toBe(iso(at('2020-01-02T09:00')));
    expect(() => addWorkingMinutes(onlyOnce, at('2020-01-01T00:00'), 120)).toThrow(RangeError);
  });
});

describe('addWorkingMinutes', () => {
  it('counts across the lunch break', () => {
    expect(iso(addWorkingMinutes(office, at('2026-11-16T11:00'), 120))).toBe(iso(at('2026-11-16T14:00')));
  });
  it('returns the closing time when the total is reached exactly at close', () => {
    expect(iso(addWorkingMinutes(office, at('2026-11-16T17:00'), 60))).toBe(iso(at('2026-11-16T18:00')));
    expect(iso(addWorkingMinutes(office, at('2026-11-16T11:00'), 90))).toBe(iso(at('2026-11-16T12:30')));
  });
  it('starts at the next opening when started in closed time', () => {
    expect(iso(addWorkingMinutes(office, at('2026-11-14T12:00'), 0))).toBe(iso(at('2026-11-16T09:00')));
    expect(iso(addWorkingMinutes(office, at('2026-11-14T12:00'), 30))).toBe(iso(at('2026-11-16T09:30')));
    expect(iso(addWorkingMinutes(office, at('2026-11-16T12:40'), 10))).toBe(iso(at('2026-11-16T13:40')));
  });
  it('skips weekends and holidays', () => {
    expect(iso(addWorkingMinutes(office, at('2026-11-13T17:00'), 120))).toBe(iso(at('2026-11-16T10:00')));
    // Tue 17:00 + 2h: Tue 17–18, Wed holiday, Thu 09–10.
    expect(iso(addWorkingMinutes(office, at('2026-11-17T17:00'), 120))).toBe(iso(at('2026-11-19T10:00')));
  });
  it('uses override hours', () => {
    // Thu 24 Dec 09:00–13:00 only; Fri 25 Dec normal hours.
    expect(iso(addWorkingMinutes(office, at('2026-12-24T12:00'), 120))).toBe(iso(at('2026-12-25T10:00')));
  });
  it('accepts fractional minutes with ms precision', () => {
    expect(iso(addWorkingMinutes(office, at('2026-11-16T12:29:45'), 0.5))).toBe(iso(at('2026-11-16T13:30:15')));
    expect(workingMinutesBetween(office, at('2026-11-16T12:29:45'), at('2026-11-16T13:30:15'))).toBe(0.5);
  });
  it('rejects negative minutes', () => {
    expect(() => addWorkingMinutes(office, at('2026-11-16T10:00'), -1)).toThrow(RangeError);
  });
  it('handles 100,000 minutes quickly and consistently', () => {
    const start = at('2026-01-05T10:00');
    const t0 = Date.now();
    const due = addWorkingMinutes(office, start, 100_000);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(workingMinutesBetween(office, start, due)).toBe(100_000);
    // 100,000 min = 208 days of 8 h + 2h40m; with weekends and a holiday well over a year.
    expect(due.getTime() - start.getTime()).toBeGreaterThan(280 * 86_400_000);
  });
  it('is the inverse of workingMinutesBetween (sampled)', () => {
    let seed = 42;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const base = at('2026-01-01T00:00').getTime();
    for (let i = 0; i < 60; i++) {
      const start = new Date(base + Math.floor(rnd() * 365 * 86_400_000));
      const minutes = Math.floor(rnd() * 5000);
      const end = addWorkingMinutes(office, start, minutes);
      expect(workingMinutesBetween(office, start, end)).toBe(minutes);
      expect(end.getTime()).toBeGreaterThanOrEqual(start.getTime());
    }
  });
});

describe('workingMinutesBetween and openIntervals', () => {
  it('counts a full week', () => {
    expect(workingMinutesBetween(office, at('2026-11-09T00:00'), at('2026-11-16T00:00'))).toBe(5 * 480);
    // Week with the Wednesday holiday and the Saturday override.
    expect(workingMinutesBetween(office, at('2026-11-16T00:00'), at('2026-11-23T00:00'))).toBe(4 * 480 + 240);
  });
  it('is 0 for empty or reversed ranges', () => {
    expect(workingMinutesBetween(office, at('2026-11-16T10:00'), at('2026-11-16T10:00'))).toBe(0);
    expect(workingMinutesBetween(office, at('2026-11-16T11:00'), at('2026-11-16T10:00'))).toBe(0);
  });
  it('lists clipped intervals in order', () => {
    expect(openIntervals(office, at('2026-11-16T10:00'), at('2026-11-17T10:00')).map((i) => [iso(i.start), iso(i.end)])).toEqual([
      [iso(at('2026-11-16T10:00')), iso(at('2026-11-16T12:30'))],
      [iso(at('2026-11-16T13:30')), iso(at('2026-11-16T18:00'))],
      [iso(at('2026-11-17T09:00')), iso(at('2026-11-17T10:00'))],
    ]);
  });
});

describe('midnight-crossing intervals', () => {
  const night: CalendarSpec = {
    timezone: RIGA,
    weekly: {
      mon: [['22:00', '06:00']],
      tue: [['22:00', '06:00']],
      wed: [['22:00', '06:00']],
      thu: [['22:00', '06:00']],
      fri: [['22:00', '06:00']],
    },
    holidays: ['2026-11-17'], // Tuesday
  };
  it('belongs to the day it starts on', () => {
    expect(isOpen(night, at('2026-11-16T23:00'))).toBe(true); // Mon night
    expect(isOpen(night, at('2026-11-17T05:00'))).toBe(true); // tail of Monday, on the Tuesday holiday
    expect(isOpen(night, at('2026-11-17T23:00'))).toBe(false); // Tuesday's own interval: holiday
    expect(isOpen(night, at('2026-11-18T05:00'))).toBe(false);
    expect(isOpen(night, at('2026-11-21T05:00'))).toBe(true); // Saturday morning: tail of Friday
    expect(isOpen(night, at('2026-11-16T05:00'))).toBe(false); // Monday morning: Sunday has none
  });
  it('adds minutes across midnight', () => {
    expect(iso(addWorkingMinutes(night, at('2026-11-16T21:00'), 480))).toBe(iso(at('2026-11-17T06:00')));
    expect(iso(addWorkingMinutes(night, at('2026-11-16T23:30'), 480))).toBe(iso(at('2026-11-18T23:30'))); // 390 + Tue holiday + 90
    expect(workingMinutesBetween(night, at('2026-11-16T00:00'), at('2026-11-23T00:00'))).toBe(4 * 480);
  });
  it('merges a 24:00 end with the next day 00:00 start', () => {
    const weekend: CalendarSpec = {
      timezone: RIGA,
      weekly: { sat: [['20:00', '24:00']], sun: [['00:00', '02:00']] },
    };
    const ivs = openIntervals(weekend, at('2026-11-21T00:00'), at('2026-11-23T00:00'));
    expect(ivs.map((i) => [iso(i.start), iso(i.end)])).toEqual([[iso(at('2026-11-21T20:00')), iso(at('2026-11-22T02:00'))]]);
  });
});

describe('daylight saving time, Europe/Riga', () => {
  // 2026-03-29 (Sun): 03:00 EET → 04:00 EEST. 2026-10-25 (Sun): 04:00 EEST → 03:00 EET.
  it('spring forward: 02:00–05:00 has 2 real hours', () => {
    const cal: CalendarSpec = { timezone: RIGA, weekly: { sun: [['02:00', '05:00']] } };
    expect(openIntervals(cal, utc('2026-03-28T00:00'), utc('2026-03-30T00:00')).map((i) => [iso(i.start), iso(i.end)])).toEqual([['2026-03-29T00:00:00.000Z', '2026-03-29T02:00:00.000Z']]);
    expect(workingMinutesBetween(cal, utc('2026-03-28T00:00'), utc('2026-03-30T00:00'))).toBe(120);
  });
  it('spring forward: an interval wholly inside the gap vanishes, one starting in it starts at 04:00', () => {
    const cal: CalendarSpec = {
      timezone: RIGA,
      weekly: {
        sun: [
          ['01:00', '02:00'],
          ['03:00', '03:30'],
        ],
      },
    };
    expect(workingMinutesBetween(cal, utc('2026-03-28T00:00'), utc('2026-03-30T00:00'))).toBe(60);
    const cal2: CalendarSpec = { timezone: RIGA, weekly: { sun: [['03:30', '06:00']] } };
    expect(openIntervals(cal2, utc('2026-03-28T00:00'), utc('2026-03-30T00:00')).map((i) => [iso(i.start), iso(i.end)])).toEqual([
      ['2026-03-29T01:00:00.000Z', '2026-03-29T03:00:00.000Z'], // 04:00 EEST – 06:00 EEST
    ]);
  });
  it('fall back: 02:00–05:00 has 4 real hours; the repeated hour is open', () => {
    const cal: CalendarSpec = { timezone: RIGA, weekly: { sun: [['02:00', '05:00']] } };
    expect(openIntervals(cal, utc('2026-10-24T00:00'), utc('2026-10-26T00:00')).map((i) => [iso(i.start), iso(i.end)])).toEqual([['2026-10-24T23:00:00.000Z', '2026-10-25T03:00:00.000Z']]);
  });
  it('fall back: an ambiguous wall time means its first occurrence', () => {
    const cal: CalendarSpec = { timezone: RIGA, weekly: { sun: [['03:00', '03:30']] } };
    expect(openIntervals(cal, utc('2026-10-24T00:00'), utc('2026-10-26T00:00')).map((i) => [iso(i.start), iso(i.end)])).toEqual([
      ['2026-10-25T00:00:00.000Z', '2026-10-25T00:30:00.000Z'], // first 03:00–03:30 (EEST)
    ]);
    expect(isOpen(cal, utc('2026-10-25T01:15'))).toBe(false); // the second 03:15 (EET)
  });
  it('a whole local day is 23 h in spring and 25 h in autumn', () => {
    const sundays: CalendarSpec = { timezone: RIGA, weekly: { sun: [['00:00', '24:00']] } };
    expect(workingMinutesBetween(sundays, utc('2026-03-27T00:00'), utc('2026-03-31T00:00'))).toBe(23 * 60);
    expect(workingMinutesBetween(sundays, utc('2026-10-23T00:00'), utc('2026-10-27T00:00'))).toBe(25 * 60);
  });
  it('business hours keep their wall-clock times across the change', () => {
    // Fri 27 Mar 17:00 EET (15:00Z) + 2h → Mon 30 Mar 10:00 EEST (07:00Z).
    expect(iso(addWorkingMinutes(office, utc('2026-03-27T15:00'), 120))).toBe('2026-03-30T07:00:00.000Z');
    // Fri 23 Oct 17:00 EEST (14:00Z) + 2h → Mon 26 Oct 10:00 EET (08:00Z).
    expect(iso(addWorkingMinutes(office, utc('2026-10-23T14:00'), 120))).toBe('2026-10-26T08:00:00.000Z');
  });
  it('a night shift across the change counts real time', () => {
    const cal: CalendarSpec = { timezone: RIGA, weekly: { sat: [['22:00', '06:00']] } };
    expect(workingMinutesBetween(cal, utc('2026-03-27T00:00'), utc('2026-03-31T00:00'))).toBe(7 * 60);
    expect(workingMinutesBetween(cal, utc('2026-10-23T00:00'), utc('2026-10-27T00:00'))).toBe(9 * 60);
  });
});

describe('daylight saving time, America/New_York, and a zone without DST', () => {
  const NY = 'America/New_York';
  const nyOffice: CalendarSpec = {
    timezone: NY,
    weekly: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']] },
  };
  it('spring forward (2026-03-08 02:00 → 03:00) and fall back (2026-11-01 02:00 → 01:00)', () => {
    const cal: CalendarSpec = { timezone: NY, weekly: { sun: [['01:00', '04:00']] } };
    expect(workingMinutesBetween(cal, utc('2026-03-07T00:00'), utc('2026-03-10T00:00'))).toBe(120);
    expect(workingMinutesBetween(cal, utc('2026-10-31T00:00'), utc('2026-11-03T00:00'))).toBe(240);
  });
  it('keeps office hours in local time', () => {
    // Fri 6 Mar 16:00 EST (21:00Z) + 2h → Mon 9 Mar 10:00 EDT (14:00Z).
    expect(iso(addWorkingMinutes(nyOffice, utc('2026-03-06T21:00'), 120))).toBe('2026-03-09T14:00:00.000Z');
    expect(isOpen(nyOffice, at('2026-11-02T09:00', NY))).toBe(true);
    expect(iso(nextOpening(nyOffice, utc('2026-10-30T22:00')))).toBe('2026-11-02T14:00:00.000Z');
  });
  it('Asia/Kolkata (UTC+05:30, no DST)', () => {
    const cal: CalendarSpec = { timezone: 'Asia/Kolkata', weekly: { mon: [['09:00', '18:00']] } };
    expect(isOpen(cal, utc('2026-06-01T03:30'))).toBe(true); // Mon 09:00 IST
    expect(isOpen(cal, utc('2026-06-01T03:29'))).toBe(false);
    // 12:00Z = 17:30 IST: 30 min on Monday, 30 min the next Monday (09:30 IST = 04:00Z).
    expect(iso(addWorkingMinutes(cal, utc('2026-06-01T12:00'), 60))).toBe('2026-06-08T04:00:00.000Z');
    expect(workingMinutesBetween(cal, utc('2026-01-01T00:00'), utc('2027-01-01T00:00'))).toBe(52 * 540);
  });
});

describe('ALWAYS_OPEN', () => {
  it('is open at every instant and counts real time', () => {
    const t = utc('2026-03-29T01:30'); // across a DST change somewhere
    expect(isOpen(ALWAYS_OPEN, t)).toBe(true);
    expect(iso(nextOpening(ALWAYS_OPEN, t))).toBe(iso(t));
    expect(iso(addWorkingMinutes(ALWAYS_OPEN, t, 100_000))).toBe(iso(new Date(t.getTime() + 100_000 * 60_000)));
    expect(workingMinutesBetween(ALWAYS_OPEN, t, new Date(t.getTime() + 90_000))).toBe(1.5);
    expect(validateCalendar(ALWAYS_OPEN)).toEqual([]);
    expect(Object.isFrozen(ALWAYS_OPEN)).toBe(true);
  });
  it('a 24x7 calendar in a DST zone is also always open', () => {
    const full: [string, string][] = [['00:00', '24:00']];
    const cal: CalendarSpec = { timezone: RIGA, weekly: { mon: full, tue: full, wed: full, thu: full, fri: full, sat: full, sun: full } };
    expect(workingMinutesBetween(cal, utc('2026-03-28T00:00'), utc('2026-03-30T00:00'))).toBe(48 * 60);
  });
});

describe('validateCalendar', () => {
  it('accepts a valid calendar', () => {
    expect(validateCalendar(office)).toEqual([]);
    expect(validateCalendar({ timezone: 'UTC', weekly: { mon: [['22:00', '06:00']], tue: [['06:00', '07:00']] } })).toEqual([]);
  });
  it('rejects non-objects', () => {
    expect(validateCalendar(null)).toHaveLength(1);
    expect(validateCalendar('x')).toHaveLength(1);
    expect(validateCalendar([])).toHaveLength(1);
  });
  it('names each problem', () => {
    const problems = validateCalendar({
      timezone: 'Europe/Rigaa',
      weekly: {
        mon: [['9:00', '18:00']],
        tue: [['09:00', '25:00']],
        wed: [['24:00', '10:00']],
        thu: [
          ['09:00', '13:00'],
          ['12:00', '18:00'],
        ],
        fri: [['22:00', '10:00']],
        sat: [['09:00', '12:00']],
        fun: [],
        sun: 'closed',
      },
      holidays: ['2026-02-30', '18.11.2026'],
      overrides: [
        { date: '2026-12-24', intervals: [['09:00', '13:00']] },
        { date: '2026-12-24', intervals: [] },
        { date: 'tomorrow', intervals: [['09:00']] },
      ],
    });
    const text = problems.join('\n');
    expect(text).toMatch(/timezone "Europe\/Rigaa"/);
    expect(text).toMatch(/weekly\.mon\[0\]: start "9:00"/);
    expect(text).toMatch(/weekly\.tue\[0\]: end "25:00"/);
    expect(text).toMatch(/weekly\.wed\[0\]: start "24:00"/);
    expect(text).toMatch(/weekly\.thu: intervals 09:00–13:00 and 12:00–18:00 overlap/);
    expect(text).toMatch(/weekly\.fri: interval 22:00–10:00 runs past midnight into weekly\.sat/);
    expect(text).toMatch(/weekly\.fun is not a weekday/);
    expect(text).toMatch(/weekly\.sun must be a list/);
    expect(text).toMatch(/holidays\[0\]: "2026-02-30"/);
    expect(text).toMatch(/holidays\[1\]: "18\.11\.2026"/);
    expect(text).toMatch(/overrides\[1\]\.date: 2026-12-24 has more than one override/);
    expect(text).toMatch(/overrides\[2\]\.date: "tomorrow"/);
    expect(text).toMatch(/overrides\[2\]\.intervals\[0\] must be a pair/);
  });
  it('flags a calendar that never opens and bad shapes', () => {
    expect(validateCalendar({ timezone: RIGA, weekly: {} })).toEqual(['calendar has no opening hours at all']);
    expect(validateCalendar({ timezone: RIGA })).toEqual(expect.arrayContaining([expect.stringMatching(/^weekly must be an object/)]));
    expect(validateCalendar({ timezone: RIGA, weekly: { mon: DAY }, holidays: '2026-01-01' })).toEqual(['holidays must be a list of "YYYY-MM-DD" dates']);
  });
  it('allows touching intervals and 24:00 ends', () => {
    expect(
      validateCalendar({
        timezone: RIGA,
        weekly: {
          mon: [
            ['09:00', '12:00'],
            ['12:00', '24:00'],
          ],
          tue: [['00:00', '01:00']],
        },
      }),
    ).toEqual([]);
  });
  it('makes the arithmetic functions throw on invalid calendars', () => {
    const bad = { timezone: 'Nowhere/City', weekly: { mon: DAY } } as CalendarSpec;
    expect(() => isOpen(bad, new Date())).toThrow(InvalidCalendarError);
    expect(() => addWorkingMinutes(bad, new Date(), 5)).toThrow(/not a known IANA time zone/);
  });
});
