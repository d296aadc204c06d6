import { Queues } from '@support/contracts';
import { SurveyEntity } from '@support/persistence';
import { Queue } from 'bullmq';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { bearer, claim } from './agents';
import { submission } from './reference-data';
import type { TestSystem } from './system';
import { waitFor } from './wait';

/** A survey policy file: the shipped one with test overrides. */
export function policyFile(overrides: Record<string, unknown>): string {
  const base = JSON.parse(readFileSync(join(__dirname, '../../config/surveys/policy.json'), 'utf8'));
  const file = join(mkdtempSync(join(tmpdir(), 'survey-policy-')), 'policy.json');
  writeFileSync(file, JSON.stringify({ ...base, ...overrides }));
  return file;
}

export const malware = (customerId: string, n: number, language = 'en', country = 'LV') =>
  submission({
    customer: { id: customerId, email: `${customerId}@example.lv`, country, language },
    subject: `Virus not detected #${n}`,
    description: 'My computer is infected with a trojan that Kaspersky did not detect. The antivirus missed the malware.',
  });

export const business = (customerId: string, n: number) =>
  submission({
    customer: { id: customerId, email: `${customerId}@acme.lv`, country: 'LV', language: 'lv' },
    companyId: 'acme',
    licenceKey: 'LIC-ACME-KESB',
    product: { code: 'kesb', version: '12' },
    platform: { os: 'windows', osVersion: '11', ramMb: 16000, diskFreeMb: 90000 },
    subject: `Agent crash #${n}`,
    description: 'The endpoint agent crashes every hour and the update fails with an error.',
  });

export async function view(sys: TestSystem, id: string) {
  return (await sys.http.get(`/v1/requests/${id}`).set(bearer(sys.adminKey)).expect(200)).body;
}

export async function submitQueued(sys: TestSystem, body: Record<string, unknown>): Promise<{ id: string; token: string }> {
  const res = await sys.http.post('/v1/requests').set(bearer(sys.producerKey)).send(body).expect(202);
  const { id, customerToken } = res.body.requests[0];
  await waitFor(async () => (await view(sys, id)).status === 'queued', `request ${id} to be queued`);
  return { id, token: customerToken };
}

/** Claims (as the agent) until it gets this request, then resolves it. */
export async function resolve(sys: TestSystem, agentKey: string, id: string): Promise<void> {
  const c = await waitFor(() => claim(sys, agentKey), `a claim for ${id}`);
  if (c.request.id !== id) throw new Error(`claimed ${c.request.id}, expected ${id}: the test left work queued`);
  await sys.http.post(`/v1/requests/${id}/resolve`).set(bearer(agentKey)).send({ summary: 'done' }).expect(200);
}

export const surveysOf = (sys: TestSystem, where: { requestId?: string; customerId?: string }) => sys.app.get(DataSource).getRepository(SurveyEntity).findBy(where);

export async function surveyFor(sys: TestSystem, requestId: string, round = 0): Promise<SurveyEntity | null> {
  return sys.app.get(DataSource).getRepository(SurveyEntity).findOneBy({ requestId, kind: 'transactional', round });
}

/** Waits for a transactional survey of the request to reach one of the statuses. */
export function surveyIn(sys: TestSystem, requestId: string, statuses: string[], round = 0, timeoutMs = 15_000): Promise<SurveyEntity> {
  return waitFor(
    async () => {
      const s = await surveyFor(sys, requestId, round);
      return s && statuses.includes(s.status) ? s : null;
    },
    `the survey of ${requestId} (round ${round}) to be ${statuses.join('/')}`,
    timeoutMs,
  );
}

/** A queue of this system (e.g. notifications, feedback-survey). */
export function queueOf(sys: TestSystem, name: string): Queue {
  return new Queue(name, { connection: { url: sys.settings.redisUrl }, prefix: sys.settings.queuePrefix });
}

/** The survey.delivery notification of a survey (null when none went out). */
export async function delivery(sys: TestSystem, surveyId: string) {
  const q = queueOf(sys, Queues.notifications);
  try {
    const job = await q.getJob(`${surveyId}.survey.delivery`);
    return job ? (job.data as { link: string; to: { kind: string }; detail: Record<string, unknown>; subject: string; body: string }) : null;
  } finally {
    await q.close();
  }
}

export async function tokenOf(sys: TestSystem, surveyId: string): Promise<string> {
  const d = await waitFor(() => delivery(sys, surveyId), `the delivery of ${surveyId}`);
  return d.link.split('/').pop() as string;
}

/** Waits until a job of the feedback-survey queue has finished (completed or failed) and answers its state and value. */
export async function jobDone(sys: TestSystem, jobId: string, queueName: string = Queues.feedbackSurvey): Promise<{ state: string; value: any; reason?: string }> {
  const q = queueOf(sys, queueName);
  try {
    return await waitFor(async () => {
      const state = await q.getJobState(jobId);
      if (state !== 'completed' && state !== 'failed') return null;
      // Read the job after its state: a copy read before it finished has no return value yet.
      const job = await q.getJob(jobId);
      return job ? { state, value: job.returnvalue, reason: job.failedReason } : null;
    }, `job ${jobId} on ${queueName} to finish`);
  } finally {
    await q.close();
  }
}
