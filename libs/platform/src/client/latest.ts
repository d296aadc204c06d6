/**
 * Requests whose answers may come back out of order (a search typed on, `n` pressed twice, a periodic
 * refresh overtaken by one the agent asked for): each `start()` returns a check that stays true only
 * until the next `start()`, so the latest request's answer is the one shown and earlier ones are dropped.
 */
export function latestOnly(): () => () => boolean {
  let started = 0;
  return () => {
    const mine = ++started;
    return () => mine === started;
  };
}
