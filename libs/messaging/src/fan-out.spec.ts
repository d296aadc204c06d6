import { FanOut, TIMELINE_EVENTS } from '@support/contracts';
import { PUBLISHED_EVENTS } from '@support/domain';

describe('the fan-out table and the request lifecycle', () => {
  it('agrees with the fan-out table: what the lifecycle publishes is routed, and every routed timeline event is published', () => {
    for (const event of PUBLISHED_EVENTS) expect(Object.keys(FanOut)).toContain(event);
    const routedTimelineEvents = Object.keys(FanOut).filter((e) => (TIMELINE_EVENTS as string[]).includes(e));
    expect(new Set(routedTimelineEvents)).toEqual(new Set(PUBLISHED_EVENTS));
  });
});
