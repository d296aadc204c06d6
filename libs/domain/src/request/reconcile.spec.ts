import type { ClassificationRecord, SlaView, SupportRequest } from './aggregate';
import { aRequest } from '../testing/request-fixture';
import { queueOrder } from './queue-order';
import { expectedJobs, expectedStage, expectedWaitAlarms, leaseLost, stageRepair } from './reconcile';

const request = (over: Partial<SupportRequest> = {}): SupportRequest => aRequest({ subject: 's', description: 'd', producerId: 'web', ...over });

const classified: ClassificationRecord = { clause: '4.1.2a', scope: 'included', confidence: 0.9, caveats: [] } as ClassificationRecord;

describe('what should exist in Redis for a request', () => {
  it('a pipeline request waits for the job of its next stage', () => {
    expect(expectedStage(request({ status: 'received' }))).toBe('request.received');
    expect(expectedStage(request({ status: 'checking-licence' }))).toBe('request.received');
    expect(expectedStage(request({ status: 'classifying' }))).toBe('request.eligibility-decided');
    expect(expectedStage(request({ status: 'classifying', classification: classified }))).toBe('request.classified');
    for (const status of ['queued', 'assigned', 'awaiting-customer', 'resolved', 'closed', 'declined'] as const) expect(expectedStage(request({ status }))).toBeNull();
  });

  it('a queued request has its team-queue job at its queue order; others have none', () => {
    const queued = request({ status: 'queued', teamId: 'home-lv', priority: 2, queueJob: { queue: 'team-home-lv', id: 'req_1' } });
    expect(expectedJobs(queued)).toEqual({ stage: null, agentQueue: { queue: 'team-home-lv', id: 'req_1', priority: queueOrder(queued) }, slaAlarm: null, slaClock: false });
    expect(expectedJobs({ ...queued, status: 'assigned' }).agentQueue).toBeNull();
    expect(expectedJobs({ ...queued, queueJob: null }).agentQueue).toBeNull();
  });

  it('a paid request has its next SLA alarm; one without a next alarm has none', () => {
    const nextAlarm = { kind: 'warning' as const, target: 'first-response' as const, at: '2026-11-17T12:00:00.000Z' };
    const paid = request({ status: 'queued', sla: { nextAlarm } as SlaView, slaNextAlarmAt: nextAlarm.at });
    expect(expectedJobs(paid).slaAlarm).toEqual(nextAlarm);
    expect(expectedJobs({ ...paid, slaNextAlarmAt: null }).slaAlarm).toBeNull();
    expect(expectedJobs({ ...paid, sla: null }).slaAlarm).toBeNull();
  });

  it('a paid request queued without a clock needs the SLA worker to hear of its routing', () => {
    const queued = request({ status: 'queued', supportPlan: 'home-plus', queueJob: { queue: 'team-home-lv', id: 'req_1' } });
    expect(expectedJobs(queued).slaClock).toBe(true);
    expect(expectedJobs({ ...queued, sla: { nextAlarm: null } as SlaView }).slaClock).toBe(false);
    expect(expectedJobs({ ...queued, supportPlan: null }).slaClock).toBe(false);
    expect(expectedJobs({ ...queued, status: 'classifying' }).slaClock).toBe(false);
  });
});

describe('repairing a stage job', () => {
  it('publishes a lost job, leaves one on its way alone', () => {
    expect(stageRepair('missing', 0, 3, false)).toBe('publish');
    for (const state of ['waiting', 'delayed', 'prioritized', 'active', 'waiting-children'] as const) expect(stageRepair(state, 0, 3, false)).toBe('none');
  });

  it('retries a failed (or completed but not moved on) job while retries last, then moves it aside once', () => {
    expect(stageRepair('failed', 0, 3, false)).toBe('retry');
    expect(stageRepair('completed', 2, 3, false)).toBe('retry');
    expect(stageRepair('failed', 3, 3, false)).toBe('move-aside');
    expect(stageRepair('failed', 3, 3, true)).toBe('none');
    expect(stageRepair('failed', 0, 0, false)).toBe('move-aside');
  });

  it('leaves a request moved aside alone until an operator retries it, even when its job is gone', () => {
    expect(stageRepair('missing', 3, 3, true)).toBe('none');
  });
});

describe('what the desk keeps in Redis', () => {
  it('a request waiting for its customer has a reminder and an auto-close alarm, due from when it started waiting', () => {
    const since = '2026-12-01T10:00:00.000Z';
    expect(expectedWaitAlarms({ status: 'awaiting-customer', awaitCount: 2, awaitingSince: since }, 1000, 5000)).toEqual({
      awaitCount: 2,
      reminderAt: Date.parse(since) + 1000,
      autoCloseAt: Date.parse(since) + 5000,
    });
    expect(expectedWaitAlarms({ status: 'queued', awaitCount: 2, awaitingSince: null }, 1000, 5000)).toBeNull();
  });

  it('a held request whose job Redis lost has lost its lease; a job still there is a lease still held', () => {
    const held = { status: 'assigned' as const, queueJob: { queue: 'team-home-lv', id: 'req_1' } };
    expect(leaseLost(held, 'missing')).toBe(true);
    expect(leaseLost(held, 'active')).toBe(false);
    expect(leaseLost({ ...held, status: 'queued' }, 'missing')).toBe(false);
  });
});
