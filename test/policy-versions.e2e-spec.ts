import { IntakeModule } from '../apps/intake/src/intake.module';
import { testDatabases } from './support/databases';
import { submission } from './support/reference-data';
import { entry, events, settled, submit } from './support/requests';
import { RulesDir, shippedRules } from './support/rules-dir';
import { startSystem, type TestSystem } from './support/system';

/**
 * The rules are data with a version and an effective date: a request is judged by the version in
 * force when it was received and records it; a new version file changes decisions for later
 * requests only. And rule 2.3's three modes (split, ask, off), which the rules file chooses.
 */

const english = { id: 'c-3001', email: 'sam@example.lv', country: 'LV', language: 'en' };
const russian = { id: 'c-3002', email: 'olga@example.lv', country: 'LV', language: 'ru' };
const french = { id: 'c-3003', email: 'luc@example.fr', country: 'FR', language: 'en' };

const TWO_PROBLEMS_RU = {
  customer: russian,
  subject: 'Две проблемы',
  description: 'У меня две проблемы.\n1. Антивирус не обновляет базы, появляется ошибка.\n2. Где скачать установочный файл для второго компьютера?',
};
const TRAINING = { customer: english, subject: 'Training', description: 'Can you give our staff a training course on how to use the product?' };
const INCIDENT = {
  customer: french,
  subject: 'Incident investigation',
  description: 'Our company network was infected by ransomware last week. We need a full investigation of the incident: how the malware got in and what the root cause of the infection was.',
};

/**
 * A later version: training (4.2.11) becomes part of standard support, Incident Response is sold
 * in France, and false positives (4.1.2a) no longer need the malware team but come first.
 */
function version2026(): Record<string, any> {
  const r = shippedRules();
  r.version = '2026-01-01';
  r.effectiveFrom = '2026-01-01T00:00:00Z';
  r.clauses['4.2.11'].kind = 'included';
  r.offers['incident-response'].countries.push('FR');
  delete r.clauses['4.1.2a'].skill;
  r.clauses['4.1.2a'].priority = 1;
  return r;
}

/** A version published ahead of its date: not in force yet (it would refuse nothing new, but excludes 4.1.4a). */
function version2099(): Record<string, any> {
  const r = shippedRules();
  r.version = '2099-01-01';
  r.effectiveFrom = '2099-01-01T00:00:00Z';
  r.clauses['4.1.4a'].kind = 'excluded';
  return r;
}

function withSplitting(splitting: 'ask' | 'off'): Record<string, any> {
  const r = shippedRules();
  r.version = `2022-04-07-${splitting}`;
  r.splitting = splitting;
  return r;
}

describe.each(testDatabases())('rules versions and split modes on %s', (db) => {
  describe('a new rules version applies to requests received after its effective date, and only to them', () => {
    const oldDir = new RulesDir(shippedRules());
    const newDir = new RulesDir(shippedRules(), version2026(), version2099());
    let current: TestSystem;
    let previous: TestSystem | undefined;

    beforeAll(async () => {
      // The deployment with the new rules files: every stage, reading the shipped version plus 2026-01-01 (and 2099-01-01, not in force yet).
      current = await startSystem(db, { RULES_DIR: newDir.path });
    });
    afterAll(async () => {
      await previous?.stop({ keepData: true });
      await current?.stop();
      oldDir.remove();
      newDir.remove();
    });

    it('judges a stored request by the version it recorded, even when it is processed after a new version appeared', async () => {
      // An intake process still running with the old files only (a rolling deployment), on the same database and queues.
      previous = await startSystem(db, { RULES_DIR: oldDir.path }, { features: [IntakeModule], sharing: current });
      const training = await settled(current, (await submit(previous, submission(TRAINING))).requests[0].id);
      // Processed by the new deployment's stages, which know 2026-01-01 and would include training: the recorded version decides.
      expect(training).toMatchObject({
        rulesVersion: '2022-04-07',
        status: 'declined',
        classification: { clause: '4.2.11', scope: 'excluded' },
        outcome: { kind: 'out-of-scope', clauses: ['4.2.11'], offer: null },
      });
      expect(entry(training, 'request.received')?.detail.rulesVersion).toBe('2022-04-07');
      expect(entry(training, 'request.eligibility-decided')?.detail.rulesVersion).toBe('2022-04-07');
      const incident = await settled(current, (await submit(previous, submission(INCIDENT))).requests[0].id);
      expect(incident).toMatchObject({ rulesVersion: '2022-04-07', status: 'declined', outcome: { kind: 'out-of-scope', clauses: ['4.2.14'], offer: null } });
      expect(incident.outcome.message).not.toContain('Incident Response');
      const falsePositive = await settled(current, (await submit(previous, submission())).requests[0].id);
      expect(falsePositive).toMatchObject({ rulesVersion: '2022-04-07', status: 'queued', classification: { clause: '4.1.2a' }, team: 'home-malware', priority: 3 });
      expect(entry(falsePositive, 'request.routed')?.detail).toMatchObject({ clauses: ['2.2', '4.1.2a'], priorityReason: 'default priority 3' });
    });

    it('judges requests received now by the version in force now, and records it', async () => {
      const training = await settled(current, (await submit(current, submission(TRAINING))).requests[0].id);
      expect(training).toMatchObject({
        rulesVersion: '2026-01-01',
        status: 'queued',
        classification: { clause: '4.2.11', scope: 'included' },
        outcome: null,
        team: 'home-lv',
      });
      expect(entry(training, 'request.received')?.detail.rulesVersion).toBe('2026-01-01');
      expect(entry(training, 'request.eligibility-decided')?.detail.rulesVersion).toBe('2026-01-01');

      const incident = await settled(current, (await submit(current, submission(INCIDENT))).requests[0].id);
      expect(incident).toMatchObject({ rulesVersion: '2026-01-01', status: 'declined', outcome: { kind: 'out-of-scope', clauses: ['4.2.14'], offer: 'incident-response' } });
      expect(incident.outcome.message).toContain('This can be bought as Incident Response.');

      const falsePositive = await settled(current, (await submit(current, submission())).requests[0].id);
      expect(falsePositive).toMatchObject({ rulesVersion: '2026-01-01', status: 'queued', classification: { clause: '4.1.2a' }, team: 'home-lv', priority: 1 });
      expect(entry(falsePositive, 'request.routed')?.detail).toMatchObject({ clauses: ['2.2', '4.1.2a'], priorityReason: 'priority 1 for 4.1.2a' });
    });

    it('does not apply a version before its effective date', async () => {
      const download = await settled(
        current,
        (await submit(current, submission({ customer: english, subject: 'Where to download', description: 'Where can I download the installer of Kaspersky Anti-Virus for my laptop?' }))).requests[0]
          .id,
      );
      expect(download).toMatchObject({ rulesVersion: '2026-01-01', status: 'queued', classification: { clause: '4.1.4a', scope: 'included' } });
    });
  });

  describe('splitting "ask": one request, and the customer is asked for one request per problem (2.3)', () => {
    const dir = new RulesDir(withSplitting('ask'));
    let sys: TestSystem;
    beforeAll(async () => {
      sys = await startSystem(db, { RULES_DIR: dir.path });
    });
    afterAll(async () => {
      await sys?.stop();
      dir.remove();
    });

    it('keeps one request, tells the customer in their language, and records it on the timeline', async () => {
      const answer = await submit(sys, submission(TWO_PROBLEMS_RU));
      expect(answer.requests).toHaveLength(1);
      expect(answer.notice).toContain('правилу 2.3');
      expect(answer.notice).toContain('отправьте отдельный запрос по каждой');
      expect(answer.notice).toContain('«Где скачать установочный файл для второго компьютера?»');
      const v = await settled(sys, answer.requests[0].id);
      expect(v).toMatchObject({ rulesVersion: '2022-04-07-ask', status: 'queued', subject: 'Две проблемы', description: TWO_PROBLEMS_RU.description });
      expect(entry(v, 'request.received')?.detail).toMatchObject({ of: 1, splitting: 'ask', problemsDetected: 2, notice: answer.notice });
      expect(events(v)).not.toContain('request.declined');
    });

    it('a repeated idempotency key answers with the same notice', async () => {
      const body = submission({ ...TWO_PROBLEMS_RU, idempotencyKey: `ask-${db}` });
      const first = await submit(sys, body);
      const again = await sys.http
        .post('/v1/requests')
        .set({ Authorization: `Bearer ${sys.producerKey}` })
        .send(body)
        .expect(200);
      expect(again.body).toEqual(first);
      expect(first.notice).toContain('правилу 2.3');
    });

    it('says nothing about a single problem', async () => {
      const answer = await submit(sys, submission());
      expect(answer.notice).toBeUndefined();
      const v = await settled(sys, answer.requests[0].id);
      expect(entry(v, 'request.received')?.detail).not.toHaveProperty('notice');
    });
  });

  describe('splitting "off": one request, nothing said', () => {
    const dir = new RulesDir(withSplitting('off'));
    let sys: TestSystem;
    beforeAll(async () => {
      sys = await startSystem(db, { RULES_DIR: dir.path });
    });
    afterAll(async () => {
      await sys?.stop();
      dir.remove();
    });

    it('stores the submission as one request with no notice', async () => {
      const answer = await submit(sys, submission(TWO_PROBLEMS_RU));
      expect(answer.requests).toHaveLength(1);
      expect(answer).not.toHaveProperty('notice');
      const v = await settled(sys, answer.requests[0].id);
      expect(v).toMatchObject({ rulesVersion: '2022-04-07-off', status: 'queued', description: TWO_PROBLEMS_RU.description });
      expect(entry(v, 'request.received')?.detail).toEqual(expect.not.objectContaining({ notice: expect.anything(), problemsDetected: expect.anything() }));
    });
  });
});
