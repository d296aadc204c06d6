import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decideSend, isSampled, loadSurveyPolicy, monthWindow, parseDuration, previousPeriod, relationshipKey, samplePoint, surveyId, surveyLanguage } from './index';

const raw = () => JSON.parse(readFileSync(join(__dirname, '../../../../config/surveys/policy.json'), 'utf8'));

describe('survey policy', () => {
  it('loads the shipped policy', () => {
    const p = loadSurveyPolicy(raw());
    expect(p.delayMs).toBe(2 * 3600_000);
    expect(p.cooldownMs).toBe(30 * 86_400_000);
    expect(p.feedbackTypes.map((t) => t.id)).toContain('service-quality');
    expect(p.relationship.period).toBe('quarter');
  });

  it('names every problem of a bad policy', () => {
    const bad = { ...raw(), delay: 'soon', samplingRate: 2, relationship: { cron: 'x', timezone: 'Mars/Base', period: 'week' }, feedbackTypes: [{ id: 'a', labels: { en: 'A' } }] };
    delete bad.texts.ru.submit;
    expect(() => loadSurveyPolicy(bad, 'policy.json')).toThrow(/policy.json is invalid/);
    try {
      loadSurveyPolicy(bad, 'policy.json');
    } catch (e) {
      const msg = (e as Error).message;
      for (const part of ['delay must be a duration', 'samplingRate', 'relationship.cron', 'relationship.timezone', 'relationship.period', 'feedbackTypes[0].labels.lv', 'texts.ru.submit'])
        expect(msg).toContain(part);
    }
    expect(() => loadSurveyPolicy([], 'x')).toThrow(/not a JSON object/);
  });

  it('parses durations', () => {
    expect(parseDuration('500ms')).toBe(500);
    expect(parseDuration('1.5s')).toBe(1500);
    expect(parseDuration('15m')).toBe(900_000);
    expect(parseDuration('2h')).toBe(7_200_000);
    expect(parseDuration('30d')).toBe(2_592_000_000);
    expect(parseDuration(0)).toBe(0);
    expect(parseDuration('2 weeks')).toBeNull();
    expect(parseDuration(-1)).toBeNull();
  });

  it('falls back to English for other languages', () => {
    expect(surveyLanguage('lv')).toBe('lv');
    expect(surveyLanguage('et')).toBe('en');
    expect(surveyLanguage(null)).toBe('en');
  });
});

describe('sampling', () => {
  it('is deterministic under a seed and close to the rate', () => {
    const ids = Array.from({ length: 4000 }, (_, i) => `req_${i}`);
    const a = ids.filter((id) => isSampled({ seed: 's1', samplingRate: 0.3 }, 'c-1', id));
    const again = ids.filter((id) => isSampled({ seed: 's1', samplingRate: 0.3 }, 'c-1', id));
    const other = ids.filter((id) => isSampled({ seed: 's2', samplingRate: 0.3 }, 'c-1', id));
    expect(again).toEqual(a);
    expect(other).not.toEqual(a);
    expect(a.length / ids.length).toBeGreaterThan(0.27);
    expect(a.length / ids.length).toBeLessThan(0.33);
    expect(ids.every((id) => isSampled({ seed: 's1', samplingRate: 1 }, 'c', id))).toBe(true);
    expect(ids.some((id) => isSampled({ seed: 's1', samplingRate: 0 }, 'c', id))).toBe(false);
    const p = samplePoint('s', 'c', 'r');
    expect(p).toBeGreaterThanOrEqual(0);
    expect(p).toBeLessThan(1);
  });
});

describe('throttling at send time', () => {
  const policy = { cooldownMs: 10 * 86_400_000, monthlyCap: 2 };
  const now = new Date('2026-05-20T12:00:00Z');
  it('sends to a customer never surveyed', () => {
    expect(decideSend(policy, { lastSentAt: null, sentThisMonth: 0 }, now)).toEqual({ send: true });
  });
  it('holds back within the cooldown, sends after it', () => {
    const d = decideSend(policy, { lastSentAt: new Date('2026-05-11T12:00:01Z'), sentThisMonth: 1 }, now);
    expect(d.send).toBe(false);
    expect(d.send === false && d.reason).toMatch(/^cooldown/);
    expect(decideSend(policy, { lastSentAt: new Date('2026-05-10T12:00:00Z'), sentThisMonth: 1 }, now)).toEqual({ send: true });
  });
  it('holds back at the monthly cap', () => {
    const d = decideSend(policy, { lastSentAt: null, sentThisMonth: 2 }, now);
    expect(d.send === false && d.reason).toMatch(/^monthly cap/);
    expect(decideSend({ ...policy, monthlyCap: 0 }, { lastSentAt: null, sentThisMonth: 0 }, now).send).toBe(false);
  });
  it('counts months in the policy time zone', () => {
    const w = monthWindow(new Date('2026-05-31T22:30:00Z'), 'Europe/Riga'); // already 1 June in Riga
    expect(w.start.toISOString()).toBe('2026-05-31T21:00:00.000Z');
    expect(w.end.toISOString()).toBe('2026-06-30T21:00:00.000Z');
  });
});

describe('periods', () => {
  it('a run on the first of the quarter is about the quarter before', () => {
    const p = previousPeriod(new Date('2026-10-01T07:00:00Z'), 'quarter', 'Europe/Riga');
    expect(p.key).toBe('2026-Q3');
    expect(p.start.toISOString()).toBe('2026-06-30T21:00:00.000Z');
    expect(p.end.toISOString()).toBe('2026-09-30T21:00:00.000Z');
  });
  it('months across a year', () => {
    const p = previousPeriod(new Date('2027-01-01T08:00:00Z'), 'month', 'Europe/Riga');
    expect(p.key).toBe('2026-12');
    expect(previousPeriod(new Date('2026-01-15T00:00:00Z'), 'quarter', 'UTC').key).toBe('2025-Q4');
  });
  it('keys fit the surveys table and are stable', () => {
    const k = relationshipKey('2026-Q3', 'c-'.padEnd(128, 'x'));
    expect(k.length).toBeLessThanOrEqual(40);
    expect(k).toBe(relationshipKey('2026-Q3', 'c-'.padEnd(128, 'x')));
    expect(relationshipKey('2026-Q3', 'a')).not.toBe(relationshipKey('2026-Q3', 'b'));
    expect(surveyId('transactional', 'req_1', 0)).toBe(surveyId('transactional', 'req_1', 0));
    expect(surveyId('transactional', 'req_1', 0)).not.toBe(surveyId('transactional', 'req_1', 1));
    expect(surveyId('transactional', 'req_1', 0).length).toBeLessThanOrEqual(40);
  });
});
