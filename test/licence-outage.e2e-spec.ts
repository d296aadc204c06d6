import { type Licence, LICENCE_REGISTRY, type LicenceRegistry } from '@support/domain';
import { ReferenceStore } from '@support/persistence';
import { testDatabases } from './support/databases';
import { submission } from './support/reference-data';
import { entry, events, settled, submit, view } from './support/requests';
import { startSystem, type TestSystem } from './support/system';
import { waitFor } from './support/wait';

/**
 * The licence registry behind its interface, made unreachable for a while: the licence check
 * retries with backoff, the request shows `checking-licence` meanwhile, and when the registry
 * is back the decision is exactly the one a healthy registry gives. An outage delays; it never
 * refuses and never changes a decision.
 */
class FlakyRegistry implements LicenceRegistry {
  down = false;
  failures = 0;
  /** The licences table behind it (set once the app is up). */
  real: LicenceRegistry | null = null;

  async find(key: string): Promise<Licence | null> {
    if (this.down || !this.real) {
      this.failures++;
      throw new Error('licence registry unreachable (connect ETIMEDOUT)');
    }
    return this.real.find(key);
  }
}

const businessPlatform = { os: 'windows', osVersion: '11', ramMb: 16384, diskFreeMb: 90000 };
const CASES: Record<string, Record<string, unknown>> = {
  // home, valid licence with a paid plan: supported (4.5a), the plan attached
  'a home customer with a paid plan': submission({ licenceKey: 'LIC-ANNA-KAV' }),
  // business, expired licence: limited (2.4, 4.5b); licence help goes on to a team
  'a business customer with an expired licence asking for licence help': submission({
    companyId: 'globex',
    licenceKey: 'LIC-GLOBEX-KESB',
    customer: { id: 'g-1', email: 'it@globex.lv', country: 'LV', language: 'lv' },
    product: { code: 'kesb', version: '12.1' },
    platform: businessPlatform,
    subject: 'Pazaudēta licence',
    description: 'Esam pazaudējuši licences atslēgu pēc datora pārinstalēšanas. Lūdzu, palīdziet atrast informāciju par mūsu licenci.',
  }),
  // business, expired licence, anything else: declined as limited
  'a business customer with an expired licence reporting a fault': submission({
    companyId: 'globex',
    licenceKey: 'LIC-GLOBEX-KESB',
    customer: { id: 'g-1', email: 'it@globex.lv', country: 'LV', language: 'en' },
    product: { code: 'kesb', version: '12.1' },
    platform: businessPlatform,
    subject: 'Crashes',
    description: 'Kaspersky Endpoint Security crashes every few minutes and does not update its databases.',
  }),
};

/** What the customer and the agents see of a decision (not when it happened). */
const decisionOf = (v: Record<string, any>) => ({
  status: v.status,
  segment: v.segment,
  language: v.language,
  rulesVersion: v.rulesVersion,
  eligibility: v.eligibility,
  classification: v.classification,
  outcome: v.outcome,
  team: v.team,
  priority: v.priority,
  licenceCheck: { ...entry(v, 'request.eligibility-decided')?.detail },
});

describe.each(testDatabases())('a licence registry outage on %s', (db) => {
  let sys: TestSystem;
  const registry = new FlakyRegistry();

  beforeAll(async () => {
    // useValue, not useFactory: Nest resolves an overridden `useExisting` alias through the factory's inject token.
    sys = await startSystem(db, {}, { override: (builder) => builder.overrideProvider(LICENCE_REGISTRY).useValue(registry) });
    registry.real = sys.app.get(ReferenceStore);
  });
  afterAll(async () => {
    await sys?.stop();
  });

  it('delays the licence decisions while the registry is down, then makes exactly the decisions a healthy registry makes', async () => {
    const names = Object.keys(CASES);

    // The registry goes down; the requests arrive.
    registry.down = true;
    const during = await Promise.all(names.map(async (name) => (await submit(sys, CASES[name])).requests[0].id));

    // Each request waits in checking-licence while the stage retries (at least twice each).
    await waitFor(async () => registry.failures >= 3 * names.length, 'the licence check to retry against the unreachable registry');
    for (const id of during) {
      const v = await view(sys, id);
      expect(v).toMatchObject({ status: 'checking-licence', eligibility: null, classification: null, outcome: null, team: null });
      expect(events(v)).toEqual(['request.received']);
    }

    // The registry recovers.
    registry.down = false;
    const recoveredAt = new Date().toISOString();
    const afterOutage = await Promise.all(during.map((id) => settled(sys, id, 30_000)));

    // The same submissions with a healthy registry.
    const healthy = await Promise.all(names.map(async (name) => settled(sys, (await submit(sys, CASES[name])).requests[0].id)));

    names.forEach((name, i) => {
      const v = afterOutage[i];
      expect({ name, ...decisionOf(v) }).toEqual({ name, ...decisionOf(healthy[i]) });
      // decided after the registry came back, once
      expect(entry(v, 'request.eligibility-decided')?.at).toBeDefined();
      expect((entry(v, 'request.eligibility-decided')?.at as string) >= recoveredAt).toBe(true);
      expect(events(v).filter((e) => e === 'request.eligibility-decided')).toHaveLength(1);
      expect(v.eligibility.decision).not.toBe('refused');
      expect(v.outcome?.kind).not.toBe('refused');
    });

    // And the decisions are the ones the rules give (not merely equal to each other).
    expect(afterOutage[0]).toMatchObject({ status: 'queued', eligibility: { decision: 'supported', clauses: ['4.5a'] }, team: 'home-malware' });
    expect(entry(afterOutage[0], 'request.eligibility-decided')?.detail).toMatchObject({ licence: 'active', supportPlan: 'home-plus' });
    expect(afterOutage[1]).toMatchObject({ status: 'queued', eligibility: { decision: 'limited' }, classification: { clause: '4.1.3' }, team: 'business-baltics' });
    expect(afterOutage[2]).toMatchObject({ status: 'declined', eligibility: { decision: 'limited' }, outcome: { kind: 'limited' } });
    expect(entry(afterOutage[2], 'request.eligibility-decided')?.detail).toMatchObject({ licence: 'expired', licenceProblem: 'expired' });
  });
});
