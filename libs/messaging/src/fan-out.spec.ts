import { Events, FanOut, Queues, subscribersOf, TIMELINE_EVENTS } from '@support/contracts';
import { PUBLISHED_EVENTS } from '@support/domain';

describe('the fan-out table and the request lifecycle', () => {
  it('agrees with the fan-out table: what the lifecycle publishes is routed, and every routed timeline event is published', () => {
    for (const event of PUBLISHED_EVENTS) expect(Object.keys(FanOut)).toContain(event);
    const routedTimelineEvents = Object.keys(FanOut).filter((e) => (TIMELINE_EVENTS as string[]).includes(e));
    expect(new Set(routedTimelineEvents)).toEqual(new Set(PUBLISHED_EVENTS));
  });
});

describe('who hears an event about a request ([sla]: clocks for paid plans only)', () => {
  it('leaves the SLA worker out of the events of a request without a paid plan, and only it', () => {
    expect(subscribersOf(Events.routed, null)).toEqual([Queues.notifications]);
    expect(subscribersOf(Events.resolved, null)).toEqual([Queues.feedbackSurvey, Queues.notifications]);
    expect(subscribersOf(Events.received, null)).toEqual(FanOut[Events.received]);
  });

  it('tells the SLA worker everything about a paid request, and a plan change always', () => {
    expect(subscribersOf(Events.routed, 'premium')).toEqual([Queues.sla, Queues.notifications]);
    expect(subscribersOf(Events.planChanged, null)).toEqual([Queues.sla]);
  });

  it('publishes to every subscriber when the plan is not known where the event is published (the outbox relay)', () => {
    for (const event of Object.keys(FanOut) as (keyof typeof FanOut)[]) expect(subscribersOf(event, undefined)).toEqual(FanOut[event]);
  });
});
