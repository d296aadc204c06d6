import { ALWAYS_OPEN, type CalendarSpec, computeSlaClock, escalatedPriority, queueDeadline, type SlaPlan } from '@support/domain';
import { alarmEffectKey, alarmJobId, alarmsToFire, currentTeam, initialPlanId, plansNeeded, slaEvents, slaView, sweepJobId, teamsNeeded, type TimelineFact } from './sla-timeline';

const premium: SlaPlan = { id: 'premium', hours: '24x7', firstResponseMinutes: { '1': 30, '2': 60, '3': 120 }, resolutionMinutes: { '1': 480, '2': 960, '3': 1440 }, warnAtPercent: 50 };
const basic: SlaPlan = { id: 'basic', hours: '24x7', firstResponseMinutes: { '3': 240 }, resolutionMinutes: { '3': 2880 }, warnAtPercent: 80 };
const office: SlaPlan = { id: 'office', hours: 'business', firstResponseMinutes: { '3': 60 }, resolutionMinutes: { '3': 600 } };
const riga: CalendarSpec = {
  id: 'riga',
  timezone: 'Europe/Riga',
  weekly: { mon: [['09:00', '18:00']], tue: [['09:00', '18:00']], wed: [['09:00', '18:00']], thu: [['09:00', '18:00']], fri: [['09:00', '18:00']] },
};
const ctx = {
  plans: new Map([
    ['premium', premium],
    ['basic', basic],
    ['office', office],
  ]),
  calendars: new Map<string, CalendarSpec>([
    ['home-lv', riga],
    ['home-intl', ALWAYS_OPEN],
  ]),
};

const T0 = Date.parse('2026-03-02T10:00:00.000Z'); // a Monday, 12:00 in Riga
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
// Fixtures name only the detail fields the clock reads.
const fact = (minutes: number, event: string, detail: Record<string, unknown> = {}, effectKey: string | null = null) => ({ at: at(minutes), event, detail, effectKey }) as unknown as TimelineFact;
const routed = (minutes: number, team = 'home-intl', priority = 3) => fact(minutes, 'request.routed', { team, priority, reason: 'test', fallback: false, clauses: ['2.2'], priorityReason: 'test' });
const request = (supportPlan: string | null = 'premium') => ({ receivedAt: at(0), supportPlan });

describe('SLA events from the timeline', () => {
  it('has no clock before routing (declined or still in the pipeline)', () => {
    expect(slaEvents(request(), [fact(0, 'request.received'), fact(1, 'request.declined')], ctx)).toBeNull();
  });

  it('starts at receipt with the priority and team calendar of routing, and maps the conversation', () => {
    const events = slaEvents(
      request(),
      [
        fact(0, 'request.received'),
        routed(1, 'home-lv', 2),
        fact(5, 'request.assigned'),
        fact(6, 'request.replied', { firstResponse: true }),
        fact(6, 'request.awaiting-customer'),
        fact(20, 'request.customer-replied'),
        fact(30, 'request.resolved'),
        fact(40, 'request.reopened'),
        fact(50, 'request.closed'),
      ],
      ctx,
    )!;
    expect(events.map((e) => e.kind)).toEqual(['started', 'first-response', 'paused', 'resumed', 'resolved', 'reopened', 'resolved']);
    expect(events[0]).toMatchObject({ at: new Date(at(0)), priority: 2, plan: premium, calendar: riga });
  });

  it('follows a re-routing to another team (calendar) or priority', () => {
    const events = slaEvents(request('office'), [routed(1, 'home-lv', 3), routed(10, 'home-intl', 2)], ctx)!;
    expect(events.slice(1)).toEqual([
      { at: new Date(at(10)), kind: 'calendar-changed', calendar: ALWAYS_OPEN },
      { at: new Date(at(10)), kind: 'priority-changed', priority: 2 },
    ]);
    expect(currentTeam([routed(1, 'home-lv'), routed(10, 'home-intl')])).toBe('home-intl');
    expect(teamsNeeded([routed(1, 'home-lv'), routed(10, 'home-intl'), routed(11, 'home-lv')])).toEqual(['home-lv', 'home-intl']);
  });

  it('starts with the plan before the first change, and switches plans at each change', () => {
    const timeline = [routed(1), fact(10, 'sla.plan-changed', { from: 'basic', to: 'premium' }), fact(20, 'sla.plan-changed', { from: 'premium', to: null })];
    expect(initialPlanId(request(null), timeline)).toBe('basic');
    expect(plansNeeded(request(null), timeline).sort()).toEqual(['basic', 'premium']);
    const events = slaEvents(request(null), timeline, ctx)!;
    expect(events.map((e) => [e.kind, e.plan?.id ?? e.plan])).toEqual([
      ['started', 'basic'],
      ['plan-changed', 'premium'],
      ['plan-changed', null],
    ]);
    expect(initialPlanId(request('premium'), [routed(1)])).toBe('premium');
  });

  it('says which plan or calendar is missing', () => {
    expect(() => slaEvents(request('gold'), [routed(1)], ctx)).toThrow(/SLA plan "gold" is not defined/);
    expect(() => slaEvents(request(), [routed(1, 'nowhere')], ctx)).toThrow(/no calendar known for team "nowhere"/);
  });

  it('a pause on a 24x7 plan moves the resolution deadline by exactly the paused time', () => {
    const before = computeSlaClock(slaEvents(request(), [routed(1), fact(6, 'request.replied'), fact(6, 'request.awaiting-customer')], ctx)!, new Date(at(7)));
    expect(before.paused).toBe(true);
    expect(before.resolutionDueAt).toBeNull();
    const after = computeSlaClock(slaEvents(request(), [routed(1), fact(6, 'request.replied'), fact(6, 'request.awaiting-customer'), fact(43.5, 'request.customer-replied')], ctx)!, new Date(at(44)));
    expect(after.resolutionDueAt?.toISOString()).toBe(at(1440 + 37.5));
    expect(after.pausedWorkingMinutes).toBe(37.5);
  });

  it('replays to the same view', () => {
    const timeline = [routed(1, 'home-lv'), fact(6, 'request.replied'), fact(600, 'request.awaiting-customer'), fact(3000, 'request.customer-replied')];
    const view = () => slaView(computeSlaClock(slaEvents(request('office'), timeline, ctx)!, new Date(at(4000))), office, 'home-lv', riga, at(0));
    expect(view()).toEqual(view());
    expect(view()).toMatchObject({ plan: 'office', hours: 'business', calendar: 'riga', team: 'home-lv', paused: false });
  });
});

describe('what an evaluation fires', () => {
  const clock = (now: number, timeline: TimelineFact[] = [routed(0)]) => computeSlaClock(slaEvents(request(), timeline, ctx)!, new Date(at(now)));

  it('fires a passed warning, then the breach, each once', () => {
    const warned = alarmsToFire(clock(61), new Set());
    expect(warned).toEqual([{ kind: 'warning', target: 'first-response', at: new Date(at(60)), effectKey: `sla.warning:first-response:${at(60)}` }]);
    expect(alarmsToFire(clock(61), new Set([warned[0].effectKey]))).toEqual([]);
    const breached = alarmsToFire(clock(121), new Set([warned[0].effectKey]));
    expect(breached.map((a) => a.effectKey)).toEqual([alarmEffectKey('breach', 'first-response', new Date(at(120)))]);
  });

  it('skips a warning when the breach after it is due too (a late evaluation)', () => {
    expect(alarmsToFire(clock(200), new Set()).map((a) => `${a.kind}:${a.target}`)).toEqual(['breach:first-response']);
  });

  it('fires nothing for a resolved request, and nothing while paused', () => {
    expect(alarmsToFire(clock(5000, [routed(0), fact(10, 'request.resolved')]), new Set())).toEqual([]);
    expect(alarmsToFire(clock(5000, [routed(0), fact(10, 'request.replied'), fact(10, 'request.awaiting-customer')]), new Set())).toEqual([]);
  });

  it('escalates one level, never above 1; orders the queue by the next running target', () => {
    expect([escalatedPriority(3), escalatedPriority(2), escalatedPriority(1), escalatedPriority(null)]).toEqual([2, 1, 1, 2]);
    const view = { firstRespondedAt: null, firstResponseDueAt: at(30), resolutionDueAt: at(480) };
    expect(queueDeadline(view)).toEqual(new Date(at(30)));
    expect(queueDeadline({ ...view, firstRespondedAt: at(5) })).toEqual(new Date(at(480)));
    expect(queueDeadline(null)).toBeNull();
  });

  it('names alarm jobs by their time, without ":" (BullMQ ids)', () => {
    const alarm = { kind: 'breach' as const, target: 'first-response' as const, at: at(30) };
    expect(alarmJobId('req_1', alarm)).toBe(`sla-alarm.req_1.breach.first-response.${Date.parse(at(30))}`);
    expect(alarmJobId('req_1', alarm)).not.toBe(alarmJobId('req_1', { ...alarm, at: at(31) }));
    expect(sweepJobId('req_1', alarm)).not.toContain(':');
  });
});
