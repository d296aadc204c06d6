import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Licence } from '../catalogue';
import { loadRuleSet } from '../rules';
import { kav } from '../testing/demo-catalogue';
import { aRequest } from '../testing/request-fixture';
import type { SupportRequest } from './aggregate';
import { assign, autoClose, customerMessageKind, customerWrote, escalate, reply, resolve } from './desk';
import { TransitionRefused } from './lifecycle';
import { classificationTransition, eligibilityTransition, routingTransition } from './pipeline';
import { planChange, planFromLicence } from './plan-change';

const rules = loadRuleSet(JSON.parse(readFileSync(join(__dirname, '../../../../config/rules/2022-04-07.json'), 'utf8')));
const now = new Date('2026-11-17T10:00:00Z');

const request = (over: Partial<SupportRequest> = {}): SupportRequest =>
  aRequest({ platform: { os: 'windows', osVersion: '10', ramMb: 4096, diskFreeMb: 5000 }, rulesVersion: rules.version, receivedAt: now.toISOString(), ...over });

describe('pipeline transitions', () => {
  it('a supported home request goes on to classification, citing 4.5a, and emits eligibility-decided', () => {
    const t = eligibilityTransition(request(), rules, kav, null);
    expect(t.patch).toMatchObject({ status: 'classifying', segment: 'home', eligibility: { decision: 'supported', clauses: ['4.5a'] } });
    expect(t.entries.map((e) => e.event)).toEqual(['request.eligibility-decided']);
    expect(t.emits).toEqual([{ event: 'request.eligibility-decided' }]);
  });

  it('an ended version is declined (4.3.2) in the same transition, and only the decline is emitted', () => {
    const t = eligibilityTransition(request({ productVersion: '20.0' }), rules, kav, null);
    expect(t.patch.status).toBe('declined');
    expect(t.patch.outcome).toMatchObject({ kind: 'refused', clauses: ['4.3.2'] });
    expect(t.entries.map((e) => e.event)).toEqual(['request.eligibility-decided', 'request.declined']);
    expect(t.emits).toEqual([{ event: 'request.declined' }]);
  });

  it('classification keeps the status for routing and records the rules version', () => {
    const checked = request({ status: 'classifying', segment: 'home', eligibility: { decision: 'supported', clauses: ['4.5a'], reason: '', supportPlan: null, licenceProblem: null } });
    const t = classificationTransition(checked, rules, kav);
    expect(t.patch.status).toBeUndefined();
    expect(t.patch.classification?.clause).toBe('4.1.2a');
    expect(t.entries[0]).toMatchObject({ event: 'request.classified', detail: { rulesVersion: rules.version } });
  });

  it('routing cannot happen before classification', () => {
    expect(() =>
      routingTransition(
        request(),
        { teamId: 'home-lv', reason: '', fallback: false, clauses: ['2.2'], priority: 3, priorityReason: 'default priority 3' },
        { queue: 'team-home-lv', id: 'req_1' },
        null,
      ),
    ).toThrow(TransitionRefused);
  });
});

describe('desk transitions', () => {
  const place = { queue: 'team-home-lv', id: 'req_1' };
  const assigned = request({ status: 'assigned', teamId: 'home-lv', priority: 3, assigneeId: 'ann', leaseToken: 't1', queueJob: place });

  it('a claim of a request whose lease lapsed unnoticed records the lapse first', () => {
    const t = assign(assigned, { agent: 'bob', token: 't2', place, expiresAt: now.toISOString() });
    expect(t.entries.map((e) => e.event)).toEqual(['request.lease-expired', 'request.assigned']);
    expect(t.patch).toMatchObject({ assigneeId: 'bob', leaseToken: 't2' });
    expect(t.patch.status ?? assigned.status).toBe('assigned');
  });

  it('asking for a diagnostic utility waits for the customer citing [utilities], and gives up the lease', () => {
    const t = reply(assigned, 'ann', 'Please run the utility', 'diagnostic-utility', true, now);
    expect(t.patch).toMatchObject({ status: 'awaiting-customer', awaitCount: 1, leaseToken: null, firstResponseAt: now.toISOString() });
    expect(t.entries[1]).toMatchObject({ event: 'request.awaiting-customer', detail: { clauses: ['[utilities]'] } });
    expect(t.emits.map((e) => e.event)).toEqual(['request.replied', 'request.awaiting-customer']);
  });

  it('the customer answers back to the agent; a resolved request reopens within the window only', () => {
    const waiting = request({ status: 'awaiting-customer', awaitCount: 1, assigneeId: 'ann' });
    expect(customerWrote(waiting, 'customer', 'done', { kind: 'answered', place }, now).patch.status).toBe('queued');
    const resolved = request({ status: 'resolved', resolvedAt: new Date(now.getTime() - 1000).toISOString() });
    expect(customerMessageKind(resolved, now, 60_000)).toBe('reopened');
    expect(customerMessageKind(resolved, now, 10)).toBe('too-late');
    expect(customerMessageKind(request({ status: 'declined' }), now, 60_000)).toBe('finished');
    expect(customerWrote(resolved, 'customer', 'again', { kind: 'reopened', place }, now).patch).toMatchObject({ status: 'queued', reopenCount: 1, resolvedAt: null });
  });

  it("resolving needs the request in hand; auto-close cites 4.4.5 in the customer's language", () => {
    expect(() => resolve(request({ status: 'queued' }), 'ann', 'done', now)).toThrow(TransitionRefused);
    const t = autoClose(request({ status: 'awaiting-customer', awaitCount: 2, language: 'lv' }), rules);
    expect(t.patch.status).toBe('closed');
    expect(t.entries[0]).toMatchObject({ effectKey: 'closed:2', detail: { clauses: ['4.4.5', '[cooperation]'] } });
  });

  it('an escalation raises the priority one level, once per breach', () => {
    const t = escalate(request({ status: 'queued', priority: 2 }), { target: 'first-response', dueAt: '2026-11-17T11:00:00.000Z', team: 'home-lv', supervisors: [] });
    expect(t.patch).toEqual({ priority: 1 });
    expect(t.entries[0].effectKey).toBe('escalated:first-response:2026-11-17T11:00:00.000Z');
  });
});

describe('the plan a licence gives an open request', () => {
  const licence: Licence = { key: 'L', productCode: 'kav', customerId: 'c-1', companyId: null, status: 'active', validUntil: '2030-01-01', kind: 'commercial', supportPlan: 'premium' };
  const req = { eligibility: { decision: 'supported' }, segment: 'home' as const, productCode: 'kav', customerId: 'c-1', companyId: null };
  const at = new Date('2026-06-01T00:00:00Z');

  it('is its plan while valid, none when revoked, expired, removed or for a request not supported', () => {
    expect(planFromLicence(req, licence, at)).toBe('premium');
    expect(planFromLicence(req, { ...licence, supportPlan: 'basic' }, at)).toBe('basic');
    expect(planFromLicence(req, { ...licence, supportPlan: null }, at)).toBeNull();
    expect(planFromLicence(req, { ...licence, status: 'revoked' }, at)).toBeNull();
    expect(planFromLicence(req, { ...licence, validUntil: '2026-01-01' }, at)).toBeNull();
    expect(planFromLicence(req, null, at)).toBeNull();
    expect(planFromLicence({ ...req, eligibility: { decision: 'limited' } }, licence, at)).toBeNull();
    expect(planFromLicence({ ...req, customerId: 'someone-else' }, licence, at)).toBeNull();
  });

  it('a change is a sla.plan-changed entry of the licence check that re-evaluates the clock; no change, no transition', () => {
    const open = request({
      status: 'queued',
      segment: 'home',
      eligibility: { decision: 'supported', clauses: ['4.5a'], reason: '', supportPlan: 'premium', licenceProblem: null },
      supportPlan: 'premium',
    });
    expect(planChange(open, 'L', licence, 0, at)).toBeNull();
    const t = planChange(open, 'L', { ...licence, supportPlan: null }, 0, at);
    expect(t?.patch).toEqual({ supportPlan: null });
    expect(t?.entries[0]).toMatchObject({ stage: 'licence-check', event: 'sla.plan-changed', effectKey: 'sla.plan-changed:1', detail: { from: 'premium', to: null } });
    expect(t?.emits).toEqual([{ event: 'sla.plan-changed', key: '1' }]);
  });
});
