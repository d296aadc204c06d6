import { throttledQueueErrors } from './queue-errors';

describe('throttledQueueErrors', () => {
  it('logs the first of each message, holds back its repeats for the period, then logs it again with how many were held back', () => {
    const lines: Array<{ queue: string; err: string; heldBack: number }> = [];
    let clock = 0;
    const onError = throttledQueueErrors(
      (fields) => lines.push(fields),
      30_000,
      () => clock,
    );
    const refused = new Error('connect ECONNREFUSED 127.0.0.1:6379');
    onError('intake', refused);
    onError('routing', refused);
    onError('intake', new Error('Connection is closed.'));
    clock = 29_999;
    onError('sla', refused);
    clock = 30_000;
    onError('sla', refused);
    expect(lines).toEqual([
      { queue: 'intake', err: 'connect ECONNREFUSED 127.0.0.1:6379', heldBack: 0 },
      { queue: 'intake', err: 'Connection is closed.', heldBack: 0 },
      { queue: 'sla', err: 'connect ECONNREFUSED 127.0.0.1:6379', heldBack: 2 },
    ]);
  });
});
