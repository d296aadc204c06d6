import { afterLook, isStalled, type StallState } from './worker-watch';

describe('a worker is stalled', () => {
  const idle: StallState = { since: null, started: 0 };
  const look = (at: number, over: Partial<{ started: number; ready: number; hasRoom: boolean }> = {}) => ({ at, started: 0, ready: 3, hasRoom: true, ...over });
  const run = (...looks: ReturnType<typeof look>[]) => looks.reduce(afterLook, idle);

  it('when jobs were ready, it had room and started none for the whole time', () => {
    const state = run(look(0), look(20_000), look(40_000), look(60_000));
    expect(state.since).toBe(0);
    expect(isStalled(state, 60_000, 60_000)).toBe(true);
    expect(isStalled(state, 59_999, 60_000)).toBe(false);
  });

  it('not when it started a job meanwhile: the clock starts again', () => {
    const state = run(look(0), look(20_000), look(40_000, { started: 1 }), look(60_000, { started: 1 }));
    expect(state.since).toBe(60_000); // from the first look after the start that finds it idle again
    expect(isStalled(state, 60_000, 60_000)).toBe(false);
  });

  it('not when its queue had nothing ready, or it was full with long jobs', () => {
    expect(run(look(0), look(30_000, { ready: 0 }), look(60_000)).since).toBe(60_000);
    expect(run(look(0), look(30_000, { hasRoom: false }), look(60_000)).since).toBe(60_000);
    expect(isStalled(run(look(0, { hasRoom: false }), look(60_000, { hasRoom: false })), 60_000, 60_000)).toBe(false);
  });

  it('not before anything was seen', () => {
    expect(isStalled(idle, 1e12, 60_000)).toBe(false);
  });
});
