import { checkHandlers } from './handler-check';

describe('the startup check of job handlers', () => {
  it('passes when every job sent to a consumed queue has exactly one handler', () => {
    expect(checkHandlers([{ queue: 'licence-check', jobs: ['request.received', 'licence.changed'], name: 'LicenceCheck' }])).toEqual([]);
    expect(
      checkHandlers([
        { queue: 'lifecycle', jobs: ['request.reminder-due'], name: 'A' },
        { queue: 'lifecycle', jobs: ['request.auto-close-due', 'sla.clock-changed', 'sla.escalation-due', 'request.customer-replied', 'request.reopened', 'request.return-to-team-due'], name: 'B' },
      ]),
    ).toEqual([]);
  });

  it('names a job without a handler', () => {
    const lifecycle = ['request.reminder-due', 'sla.clock-changed', 'sla.escalation-due', 'request.customer-replied', 'request.reopened', 'request.return-to-team-due'];
    expect(checkHandlers([{ queue: 'lifecycle', jobs: lifecycle, name: 'Lifecycle' }])).toEqual(['queue lifecycle: job request.auto-close-due has no handler']);
  });

  it('names a job with two handlers', () => {
    expect(
      checkHandlers([
        { queue: 'licence-check', jobs: ['request.received', 'licence.changed'], name: 'A' },
        { queue: 'licence-check', jobs: ['request.received'], name: 'B' },
      ]),
    ).toEqual(['queue licence-check: job request.received has 2 handlers (A, B)']);
  });

  it('names a handler waiting for a job that is never sent to its queue', () => {
    expect(checkHandlers([{ queue: 'licence-check', jobs: ['request.received', 'licence.changed', 'request.resolved'], name: 'A' }])).toEqual([
      'queue licence-check: A handles request.resolved, which is never sent there',
    ]);
  });
});
