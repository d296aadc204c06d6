import { DateTime } from 'luxon';
import { CalendarSpec } from '../calendar/calendar';
import { SlaEvent, SlaPlan, SlaInputError, computeSlaClock, validateSlaPlan, SlaClockState } from './sla';

const RIGA = 'Europe/Riga';
const at = (iso: string, zone = RIGA): Date => DateTime.fromISO(iso, { zone }).toJSDate();
const utc = (iso: string): Date => new Date(`${iso}Z`);
const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);

const DAY: [string, string][] = [
  ['09:00', '12:30'],
  ['13:30', '18:00'],
];
/** 8 working hours a day Mon–Fri with lunch; Wed 2026-11-18 is a holiday. */
const office: CalendarSpec = {
  id: 'riga',
  timezone: RIGA,
  weekly: { mon: DAY, tue: DAY, wed: DAY, thu: DAY, fri: DAY },
  holidays: ['2026-11-18'],
};
const nyOffice: CalendarSpec = {
  id: 'ny',
  timezone: 'America/New_York',
  weekly: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']] },
};

const premium: SlaPlan = {
  id: 'premium',
  hours: 'business',
  firstResponseMinutes: { '1': 60, '2': 240, '3': 480 },
  resolutionMinutes: { '1': 480, '2': 960, '3': 2400 },
  warnAtPercent: 80,
};
const round: SlaPlan = {
  id: 'premium-24x7',
  hours: '24x7',
  firstResponseMinutes: { '1': 30, '2': 480 },
  resolutionMinutes: { '1': 240, '2': 1440 },
  warnAtPercent: 80,
};

const start = (when: Date, priority: number, plan: SlaPlan | null = premium, calendar: CalendarSpec = office): SlaEvent => ({
  at: when,
  kind: 'started',
  priority,
  plan,
  calendar,
});
const ev = (kind: SlaEvent['kind'], when: Date, extra: Partial<SlaEvent> = {}): SlaEvent => ({ kind, at: when, ...extra });

const MON = '2026-11-16';
const TUE = '2026-11-17';
const THU = '2026-11-19';
const FRI = '2026-11-20';

describe('no paid plan → no clock', () => {
  it('returns an empty clock without a plan or without events', () => {
    const s = computeSlaClock([start(at(`${MON}T10:00`), 2, null)], at(`${TUE}T10:00`));
    expect(s.plan).toBeNull();
    expect(s.firstResponseDueAt).toBeNull();
    expect(s.resolutionDueAt).toBeNull();
    expect(s.nextAlarm).toBeNull();
    expect(s.breaches).toEqual([]);
    expect(computeSlaClock([], new Date()).plan).toBeNull();
  });
  it('a priority missing from the plan has no target', () => {
    const s = computeSlaClock([start(at(`${MON}T10:00`), 5)], at(`${MON}T10:00`));
    expect(s.plan).toBe('premium');
    expect(s.firstResponseDueAt).toBeNull();
    expect(s.nextAlarm).toBeNull();
  });
});

describe('due times on business hours', () => {
  const events = [start(at(`${MON}T10:00`), 2)];
  it('counts lunch breaks, nights and holidays', () => {
    const s = computeSlaClock(events, at(`${MON}T10:00`));
    expect(s.plan).toBe('premium');
    expect(s.priority).toBe(2);
    // 240 min: 10:00–12:30 (150) + 13:30–15:00 (90).
    expect(iso(s.firstResponseDueAt)).toBe(iso(at(`${MON}T15:00`)));
    // 192 min (80 %): 150 + 42 → 14:12.
    expect(iso(s.firstResponseWarnAt)).toBe(iso(at(`${MON}T14:12`)));
    // 960 min: Mon 420 + Tue 480 + (Wed holiday) Thu 60 → Thu 10:00.
    expect(iso(s.resolutionDueAt)).toBe(iso(at(`${THU}T10:00`)));
    // 768 min: Mon 420 + Tue 210 + 138 → Tue 15:48.
    expect(iso(s.resolutionWarnAt)).toBe(iso(at(`${TUE}T15:48`)));
    expect(s.nextAlarm).toEqual({ kind: 'warning', target: 'first-response', at: at(`${MON}T14:12`) });
    expect(s.breaches).toEqual([]);
  });
  it('starts counting at the next opening on a weekend', () => {
    const s = computeSlaClock([start(at('2026-11-21T11:00'), 1)], at('2026-11-21T11:00')); // Saturday
    expect(iso(s.firstResponseDueAt)).toBe(iso(at('2026-11-23T10:00')));
  });
  it('fires warning then breach, and lists the passed ones', () => {
    let s = computeSlaClock(events, at(`${MON}T14:12`));
    expect(s.nextAlarm).toEqual({ kind: 'warning', target: 'first-response', at: at(`${MON}T14:12`) }); // "now" counts
    expect(s.warnings).toEqual([]);
    s = computeSlaClock(events, at(`${MON}T14:13`));
    expect(s.warnings).toEqual([{ target: 'first-response', at: at(`${MON}T14:12`) }]);
    expect(s.nextAlarm).toEqual({ kind: 'breach', target: 'first-response', at: at(`${MON}T15:00`) });
    s = computeSlaClock(events, at(`${MON}T15:30`));
    expect(s.breaches).toEqual([{ target: 'first-response', dueAt: at(`${MON}T15:00`) }]);
    expect(s.nextAlarm).toEqual({ kind: 'warning', target: 'resolution', at: at(`${TUE}T15:48`) });
    expect(s.elapsedWorkingMinutes['first-response']).toBe(270);
    s = computeSlaClock(events, at('2026-11-20T12:00'));
    expect(s.breaches.map((b) => b.target)).toEqual(['first-response', 'resolution']);
    expect(s.nextAlarm).toBeNull();
  });
  it('a first response stops that target; on time exactly at the due time', () => {
    const onTime = computeSlaClock([...events, ev('first-response', at(`${MON}T15:00`))], at(`${TUE}T10:00`));
    expect(onTime.breaches).toEqual([]);
    expect(iso(onTime.firstRespondedAt)).toBe(iso(at(`${MON}T15:00`)));
    expect(iso(onTime.firstResponseDueAt)).toBe(iso(at(`${MON}T15:00`))); // kept for display
    expect(onTime.nextAlarm).toEqual({ kind: 'warning', target: 'resolution', at: at(`${TUE}T15:48`) });
    const late = computeSlaClock([...events, ev('first-response', new Date(at(`${MON}T15:00`).getTime() + 1))], at(`${TUE}T10:00`));
    expect(late.breaches).toEqual([{ target: 'first-response', dueAt: at(`${MON}T15:00`) }]);
  });
  it('keeps the first of several first responses', () => {
    const s = computeSlaClock([...events, ev('first-response', at(`${MON}T11:00`)), ev('first-response', at(`${MON}T16:00`))], at(`${MON}T17:00`));
    expect(iso(s.firstRespondedAt)).toBe(iso(at(`${MON}T11:00`)));
    expect(s.breaches).toEqual([]);
  });
});

describe('pauses', () => {
  // Friday 16:00, priority 3: first response within 480 working minutes.
  const base = [start(at(`${FRI}T16:00`), 3)];
  it('a pause from Friday 17:00 to Monday 10:00 removes only the open time inside it', () => {
    const noPause = computeSlaClock(base, at(`${FRI}T16:00`));
    // 120 (Fri) + 210 + 150 → Mon 16:00.
    expect(iso(noPause.firstResponseDueAt)).toBe(iso(at('2026-11-23T16:00')));
    const events = [...base, ev('paused', at(`${FRI}T17:00`)), ev('resumed', at('2026-11-23T10:00'))];
    const s = computeSlaClock(events, at('2026-11-23T10:00'));
    expect(s.paused).toBe(false);
    expect(s.pausedWorkingMinutes).toBe(120); // Fri 17–18 and Mon 09–10
    // 60 counted before the pause, 420 left from Mon 10:00 → Mon 18:00 (two hours later than without).
    expect(iso(s.firstResponseDueAt)).toBe(iso(at('2026-11-23T18:00')));
    expect(s.elapsedWorkingMinutes['first-response']).toBe(60);
  });
  it('while paused there is no due time and no alarm', () => {
    const events = [...base, ev('paused', at(`${FRI}T17:00`))];
    const s = computeSlaClock(events, at('2026-11-23T09:30'));
    expect(s.paused).toBe(true);
    expect(s.firstResponseDueAt).toBeNull();
    expect(s.resolutionDueAt).toBeNull();
    expect(s.nextAlarm).toBeNull();
    expect(s.pausedWorkingMinutes).toBe(90);
    expect(s.elapsedWorkingMinutes['first-response']).toBe(60);
  });
  it('a target already breached stays breached and due while paused', () => {
    const events = [start(at(`${MON}T10:00`), 1), ev('paused', at(`${MON}T11:30`))];
    const s = computeSlaClock(events, at(`${MON}T16:00`));
    expect(iso(s.firstResponseDueAt)).toBe(iso(at(`${MON}T11:00`)));
    expect(s.breaches).toEqual([{ target: 'first-response', dueAt: at(`${MON}T11:00`) }]);
    expect(s.resolutionDueAt).toBeNull();
  });
  it('ignores a duplicate resume and a pause after resolution', () => {
    const events = [...base, ev('resumed', at(`${FRI}T16:10`)), ev('resolved', at(`${FRI}T16:30`)), ev('paused', at(`${FRI}T16:40`))];
    const s = computeSlaClock(events, at(`${FRI}T17:00`));
    expect(s.paused).toBe(false);
    expect(iso(s.resolvedAt)).toBe(iso(at(`${FRI}T16:30`)));
    expect(s.nextAlarm).toBeNull();
  });
});

describe('priority, plan and calendar changes', () => {
  it('a higher priority keeps the elapsed time: due as if it applied from the start', () => {
    const events = [start(at(`${MON}T10:00`), 3), ev('priority-changed', at(`${MON}T10:30`), { priority: 1 })];
    const s = computeSlaClock(events, at(`${MON}T10:30`));
    expect(s.priority).toBe(1);
    expect(iso(s.firstResponseDueAt)).toBe(iso(at(`${MON}T11:00`))); // 60 − 30 elapsed
    expect(iso(s.resolutionDueAt)).toBe(iso(at(`${TUE}T10:00`))); // 480 from Mon 10:00
  });
  it('a change that leaves no time makes the target due at the change', () => {
    const events = [start(at(`${MON}T10:00`), 3), ev('priority-changed', at(`${MON}T11:30`), { priority: 1 })];
    expect(iso(computeSlaClock(events, at(`${MON}T11:30`)).firstResponseDueAt)).toBe(iso(at(`${MON}T11:30`)));
    const later = computeSlaClock(events, at(`${MON}T11:31`));
    expect(later.breaches).toEqual([{ target: 'first-response', dueAt: at(`${MON}T11:30`) }]);
    // In closed time: due at the next opening.
    const night = [start(at(`${MON}T10:00`), 3), ev('priority-changed', at(`${MON}T20:00`), { priority: 1 })];
    expect(iso(computeSlaClock(night, at(`${MON}T20:00`)).firstResponseDueAt)).toBe(iso(at(`${TUE}T09:00`)));
  });
  it('a change past the warning threshold warns at the change', () => {
    const events = [start(at(`${MON}T10:00`), 3), ev('priority-changed', at(`${MON}T10:50`), { priority: 1 })];
    const s = computeSlaClock(events, at(`${MON}T10:50`));
    expect(iso(s.firstResponseWarnAt)).toBe(iso(at(`${MON}T10:50`))); // 50 elapsed > 48 (80 % of 60)
    expect(iso(s.firstResponseDueAt)).toBe(iso(at(`${MON}T11:00`)));
    expect(s.nextAlarm).toEqual({ kind: 'warning', target: 'first-response', at: at(`${MON}T10:50`) });
  });
  it('a lower priority gives more time; a breach that happened stays in history', () => {
    const relaxed = [start(at(`${MON}T10:00`), 1), ev('priority-changed', at(`${MON}T10:30`), { priority: 3 })];
    // 480 from Mon 10:00 → Tue 10:00.
    expect(iso(computeSlaClock(relaxed, at(`${MON}T10:30`)).firstResponseDueAt)).toBe(iso(at(`${TUE}T10:00`)));

    const afterBreach = [start(at(`${MON}T10:00`), 1), ev('priority-changed', at(`${MON}T12:00`), { priority: 3 })];
    const s = computeSlaClock(afterBreach, at(`${MON}T12:00`));
    expect(s.breaches).toEqual([{ target: 'first-response', dueAt: at(`${MON}T11:00`) }]);
    expect(iso(s.firstResponseDueAt)).toBe(iso(at(`${TUE}T10:00`)));
    // 80 % of 480 = 384 → Mon 17:24; the earlier warning (10:48) stays in history.
    expect(s.nextAlarm).toEqual({ kind: 'warning', target: 'first-response', at: at(`${MON}T17:24`) });
    expect(s.warnings).toEqual([{ target: 'first-response', at: at(`${MON}T10:48`) }]);
  });
  it('a still-overdue target keeps its original due time after a change', () => {
    const events = [
      start(at(`${MON}T10:00`), 1),
      ev('priority-changed', at(`${MON}T12:00`), { priority: 2 }), // 120 elapsed, 120 left → 15:00
      ev('priority-changed', at(`${MON}T16:00`), { priority: 1 }),
    ];
    const s = computeSlaClock(events, at(`${MON}T16:30`));
    // Breached at 11:00 under P1; re-timed at 12:00 (due 15:00 under P2) and breached again at 15:00;
    // back to P1 at 16:00 while still overdue → stays due at 15:00, no third breach.
    expect(s.breaches).toEqual([
      { target: 'first-response', dueAt: at(`${MON}T11:00`) },
      { target: 'first-response', dueAt: at(`${MON}T15:00`) },
    ]);
    expect(iso(s.firstResponseDueAt)).toBe(iso(at(`${MON}T15:00`)));
  });
  it('switching to a 24x7 plan counts the remainder on the clock', () => {
    const events = [start(at(`${MON}T10:00`), 2), ev('plan-changed', at(`${MON}T12:00`), { plan: round })];
    const s = computeSlaClock(events, at(`${MON}T12:00`));
    expect(s.plan).toBe('premium-24x7');
    // first response 480 on 24x7, 120 elapsed → 360 real minutes after 12:00.
    expect(iso(s.firstResponseDueAt)).toBe(iso(at(`${MON}T18:00`)));
    // resolution 1440, 120 elapsed → 22 h after 12:00.
    expect(iso(s.resolutionDueAt)).toBe(iso(at(`${TUE}T10:00`)));
  });
  it('a plan added later counts from the change; a removed plan removes the clock', () => {
    const added = [start(at(`${MON}T10:00`), 2, null), ev('plan-changed', at(`${MON}T11:00`), { plan: premium })];
    const s = computeSlaClock(added, at(`${MON}T11:00`));
    expect(iso(s.firstResponseDueAt)).toBe(iso(at(`${MON}T16:00`))); // 90 + 150
    const removed = [start(at(`${MON}T10:00`), 1), ev('plan-changed', at(`${MON}T12:00`), { plan: null })];
    const r = computeSlaClock(removed, at(`${MON}T13:00`));
    expect(r).toMatchObject({ plan: null, firstResponseDueAt: null, resolutionDueAt: null, breaches: [], nextAlarm: null });
  });
  it('a calendar change counts the remainder on the new calendar', () => {
    const events = [start(at(`${MON}T10:00`), 2), ev('calendar-changed', at(`${MON}T12:00`), { calendar: nyOffice })];
    const s = computeSlaClock(events, at(`${MON}T12:00`));
    // 120 elapsed, 120 left from 10:00Z = 05:00 New York → 09:00–11:00 EST = 16:00Z.
    expect(iso(s.firstResponseDueAt)).toBe('2026-11-16T16:00:00.000Z');
  });
  it('rejects malformed change events and a business plan without a calendar', () => {
    expect(() => computeSlaClock([start(at(`${MON}T10:00`), 2), ev('priority-changed', at(`${MON}T11:00`))], at(`${MON}T12:00`))).toThrow(SlaInputError);
    expect(() => computeSlaClock([{ at: at(`${MON}T10:00`), kind: 'started', priority: 1, plan: premium }], at(`${MON}T12:00`))).toThrow(/needs the handling team's calendar/);
    expect(() => computeSlaClock([ev('paused', at(`${MON}T10:00`))], at(`${MON}T12:00`))).toThrow(/must be "started"/);
  });
});

describe('resolution and reopening', () => {
  const events = [start(at(`${MON}T10:00`), 2), ev('resolved', at(`${MON}T12:00`))];
  it('resolution stops everything and counts as the first response', () => {
    const s = computeSlaClock(events, at(`${THU}T12:00`));
    expect(iso(s.resolvedAt)).toBe(iso(at(`${MON}T12:00`)));
    expect(iso(s.firstRespondedAt)).toBe(iso(at(`${MON}T12:00`)));
    expect(s.breaches).toEqual([]);
    expect(s.nextAlarm).toBeNull();
    expect(s.elapsedWorkingMinutes.resolution).toBe(120);
  });
  it('reopen continues the resolution target from where it stopped', () => {
    const reopened = [...events, ev('reopened', at(`${TUE}T10:00`))];
    const s = computeSlaClock(reopened, at(`${TUE}T10:00`));
    expect(s.resolvedAt).toBeNull();
    // 960 − 120 = 840 from Tue 10:00: Tue 420, (Wed holiday), Thu 420 → Thu 17:00.
    expect(iso(s.resolutionDueAt)).toBe(iso(at(`${THU}T17:00`)));
    expect(iso(s.firstRespondedAt)).toBe(iso(at(`${MON}T12:00`)));
    expect(s.nextAlarm?.target).toBe('resolution');
  });
});

describe('24x7 plans', () => {
  it('count real time, nights and weekends included', () => {
    const s = computeSlaClock([start(utc('2026-11-21T03:00'), 1, round)], utc('2026-11-21T03:00'));
    expect(iso(s.firstResponseDueAt)).toBe('2026-11-21T03:30:00.000Z');
    expect(iso(s.firstResponseWarnAt)).toBe('2026-11-21T03:24:00.000Z');
    expect(iso(s.resolutionDueAt)).toBe('2026-11-21T07:00:00.000Z');
    expect(iso(s.resolutionWarnAt)).toBe('2026-11-21T06:12:00.000Z');
  });
  it('a pause removes its whole length', () => {
    const s = computeSlaClock([start(utc('2026-11-21T03:00'), 1, round), ev('paused', utc('2026-11-21T03:10')), ev('resumed', utc('2026-11-21T05:10'))], utc('2026-11-21T05:10'));
    expect(s.pausedWorkingMinutes).toBe(120);
    expect(iso(s.firstResponseDueAt)).toBe('2026-11-21T05:30:00.000Z');
  });
  it('is unaffected by daylight saving changes', () => {
    const s = computeSlaClock([start(utc('2026-03-29T00:30'), 1, round)], utc('2026-03-29T00:30'));
    expect(iso(s.resolutionDueAt)).toBe('2026-03-29T04:30:00.000Z');
  });
});

describe('daylight saving in business hours', () => {
  it('deadlines keep local office hours across the Riga spring-forward weekend', () => {
    // Fri 27 Mar 17:00 EET (15:00Z), priority 2: 60 on Friday + 180 on Monday → Mon 12:00 EEST (09:00Z).
    const s = computeSlaClock([start(utc('2026-03-27T15:00'), 2)], utc('2026-03-27T15:00'));
    expect(iso(s.firstResponseDueAt)).toBe('2026-03-30T09:00:00.000Z');
  });
  it('and across the fall-back weekend', () => {
    // Fri 23 Oct 17:00 EEST (14:00Z) → Mon 26 Oct 12:00 EET (10:00Z).
    const s = computeSlaClock([start(utc('2026-10-23T14:00'), 2)], utc('2026-10-23T14:00'));
    expect(iso(s.firstResponseDueAt)).toBe('2026-10-26T10:00:00.000Z');
  });
});

describe('nextAlarm selection', () => {
  it('prefers a breach over a warning at the same instant, first response before resolution', () => {
    const plan: SlaPlan = { id: 'p', hours: '24x7', firstResponseMinutes: { '1': 100 }, resolutionMinutes: { '1': 125 }, warnAtPercent: 80 };
    const t0 = utc('2026-11-16T00:00');
    const events = [start(t0, 1, plan)];
    const plus = (m: number) => new Date(t0.getTime() + m * 60_000);
    expect(computeSlaClock(events, t0).nextAlarm).toEqual({ kind: 'warning', target: 'first-response', at: plus(80) });
    // At 100: the first-response breach and the resolution warning coincide.
    expect(computeSlaClock(events, plus(90)).nextAlarm).toEqual({ kind: 'breach', target: 'first-response', at: plus(100) });
    const after = computeSlaClock(events, plus(100.5));
    expect(after.nextAlarm).toEqual({ kind: 'breach', target: 'resolution', at: plus(125) });
    expect(after.warnings).toEqual([
      { target: 'first-response', at: plus(80) },
      { target: 'resolution', at: plus(100) },
    ]);
  });
  it('skips warnings when warnAtPercent is outside (0,100) and defaults to 80 when absent', () => {
    const noWarn: SlaPlan = { ...round, warnAtPercent: 0 };
    const s = computeSlaClock([start(utc('2026-11-16T00:00'), 1, noWarn)], utc('2026-11-16T00:00'));
    expect(s.firstResponseWarnAt).toBeNull();
    expect(s.nextAlarm).toEqual({ kind: 'breach', target: 'first-response', at: utc('2026-11-16T00:30') });
    const { warnAtPercent: _drop, ...rest } = round;
    const dflt = computeSlaClock([start(utc('2026-11-16T00:00'), 1, rest as SlaPlan)], utc('2026-11-16T00:00'));
    expect(iso(dflt.firstResponseWarnAt)).toBe('2026-11-16T00:24:00.000Z');
  });
  it('ignores events after now', () => {
    const events = [start(at(`${MON}T10:00`), 2), ev('first-response', at(`${MON}T11:00`))];
    const s = computeSlaClock(events, at(`${MON}T10:30`));
    expect(s.firstRespondedAt).toBeNull();
    expect(s.nextAlarm?.target).toBe('first-response');
  });
});

describe('replay determinism', () => {
  const events: SlaEvent[] = [
    start(at(`${MON}T10:00`), 3),
    ev('priority-changed', at(`${MON}T11:00`), { priority: 2 }),
    ev('first-response', at(`${MON}T13:45`)),
    ev('paused', at(`${MON}T16:00`)),
    ev('resumed', at(`${TUE}T11:00`)),
    ev('calendar-changed', at(`${TUE}T12:00`), { calendar: nyOffice }),
    ev('resolved', at(`${THU}T10:00`)),
    ev('reopened', at(`${THU}T11:00`)),
    ev('plan-changed', at(`${THU}T12:00`), { plan: round }),
  ];
  const deadlines = (s: SlaClockState) => ({
    fr: iso(s.firstResponseDueAt),
    res: iso(s.resolutionDueAt),
    frw: iso(s.firstResponseWarnAt),
    resw: iso(s.resolutionWarnAt),
  });
  it('gives the same deadlines for the same events, whatever now is (after the last event)', () => {
    const a = computeSlaClock(events, at(`${THU}T12:00`));
    const b = computeSlaClock(events, at(`${THU}T12:05`));
    const c = computeSlaClock(events, at('2027-06-01T00:00'));
    expect(deadlines(b)).toEqual(deadlines(a));
    expect(deadlines(c)).toEqual(deadlines(a));
    expect(a.pausedWorkingMinutes).toBe(c.pausedWorkingMinutes);
  });
  it('is independent of input order and of a JSON round trip', () => {
    const now = at(`${THU}T15:00`);
    const expected = computeSlaClock(events, now);
    const shuffled = [events[4]!, events[0]!, events[8]!, events[2]!, events[6]!, events[1]!, events[7]!, events[3]!, events[5]!];
    expect(computeSlaClock(shuffled, now)).toEqual(expected);
    const revived = (JSON.parse(JSON.stringify(events)) as Array<Record<string, unknown>>).map((e) => ({ ...e, at: new Date(e['at'] as string) }) as SlaEvent);
    expect(computeSlaClock(revived, now)).toEqual(expected);
    expect(computeSlaClock(events, now)).toEqual(expected);
  });
  it('replaying prefixes gives the deadline each event left behind', () => {
    // State computed incrementally at each event equals a full replay with now = that event.
    for (let i = 1; i <= events.length; i++) {
      const when = events[i - 1]!.at;
      expect(deadlines(computeSlaClock(events.slice(0, i), when))).toEqual(deadlines(computeSlaClock(events, when)));
    }
  });
  it('computes the expected final values', () => {
    const s = computeSlaClock(events, at(`${THU}T12:00`));
    expect(s.plan).toBe('premium-24x7');
    expect(iso(s.firstRespondedAt)).toBe(iso(at(`${MON}T13:45`)));
    // FR: P2 240 from Mon 10:00 (60 elapsed at the change) → 15:00; answered 13:45 → on time.
    expect(iso(s.firstResponseDueAt)).toBe(iso(at(`${MON}T15:00`)));
    // Resolution elapsed: Mon 10:00–16:00 = 300 (lunch), paused until Tue 11:00, Tue 11–12 = 60 (Riga),
    // then New York hours: Tue 09–17 EST (14:00Z–22:00Z) = 480, Wed = 480 (no holiday in NY),
    // Thu before 10:00 Riga (03:00 EST) = 0 → 1320 at resolution; reopened Thu 11:00 (NY closed).
    expect(s.elapsedWorkingMinutes.resolution).toBe(1320);
    // P2 resolution (960) was due with 600 left at Tue 12:00: Tue 480 + Wed 120 → Wed 11:00 EST.
    expect(s.breaches).toEqual([{ target: 'resolution', dueAt: utc('2026-11-18T16:00') }]);
    // 24x7 plan from Thu 12:00: 1440 − 1320 = 120 real minutes → Thu 14:00.
    expect(iso(s.resolutionDueAt)).toBe(iso(at(`${THU}T14:00`)));
  });
});

describe('validateSlaPlan', () => {
  it('accepts a valid plan and names problems', () => {
    expect(validateSlaPlan(premium)).toEqual([]);
    expect(validateSlaPlan(null)).toEqual(['SLA plan must be an object']);
    const problems = validateSlaPlan({
      id: '',
      hours: 'office',
      firstResponseMinutes: { high: 60, '2': -5 },
      resolutionMinutes: [],
      warnAtPercent: 120,
    });
    expect(problems).toEqual([
      'id must be a non-empty string',
      'hours must be "business" or "24x7"',
      'firstResponseMinutes.2 must be a positive number of minutes', // integer keys come first
      'firstResponseMinutes: "high" is not a priority (1, 2, 3, ...)',
      'resolutionMinutes must be an object keyed by priority ("1", "2", ...)',
      'warnAtPercent must be a number between 0 and 100 (exclusive)',
    ]);
  });
});

describe('second-scale targets (fractional minutes)', () => {
  const quick: SlaPlan = { id: 'quick', hours: '24x7', firstResponseMinutes: { '2': 0.05 }, resolutionMinutes: { '2': 0.5 }, warnAtPercent: 50 };

  it('are valid plans and give millisecond-exact deadlines', () => {
    expect(validateSlaPlan(quick)).toEqual([]);
    const start = new Date('2026-03-02T10:00:00.000Z');
    const s = computeSlaClock([{ at: start, kind: 'started', plan: quick, priority: 2 }], start);
    expect(s.firstResponseWarnAt?.toISOString()).toBe('2026-03-02T10:00:01.500Z');
    expect(s.firstResponseDueAt?.toISOString()).toBe('2026-03-02T10:00:03.000Z');
    expect(s.resolutionDueAt?.toISOString()).toBe('2026-03-02T10:00:30.000Z');
    expect(s.nextAlarm).toEqual({ kind: 'warning', target: 'first-response', at: new Date('2026-03-02T10:00:01.500Z') });
  });
});
