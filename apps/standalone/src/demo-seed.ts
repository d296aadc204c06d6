import type { INestApplication } from '@nestjs/common';
import { AgentEntity, CalendarEntity, CompanyEntity, LicenceEntity, ProducerEntity, ProductEntity, ReferenceStore, SlaPlanEntity, TeamEntity } from '@support/persistence';
import { KeyService, repoRoot, type Settings } from '@support/platform';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';

interface Seed {
  products: ProductEntity[];
  licences: (Omit<LicenceEntity, 'customerId' | 'companyId'> & { customerId?: string; companyId?: string })[];
  teams: TeamEntity[];
  calendars: CalendarEntity[];
  slaPlans: SlaPlanEntity[];
  producers: ProducerEntity[];
  agents: AgentEntity[];
  companies: CompanyEntity[];
}

export const readDemoSeed = (): Seed => JSON.parse(readFileSync(join(repoRoot(), 'config', 'demo', 'seed.json'), 'utf8')) as Seed;

/** The demo seed's reference data (no keys): products, licences, calendars, SLA plans, teams, producers, agents, companies. */
export async function loadDemoReferenceData(dataSource: DataSource, seed: Seed = readDemoSeed()): Promise<Seed> {
  await dataSource.transaction(async (m) => {
    await m.save(ProductEntity, seed.products);
    await m.save(
      LicenceEntity,
      seed.licences.map((l) => ({ ...l, customerId: l.customerId ?? null, companyId: l.companyId ?? null })),
    );
    await m.save(CalendarEntity, seed.calendars);
    await m.save(SlaPlanEntity, seed.slaPlans);
    await m.save(TeamEntity, seed.teams);
    await m.save(ProducerEntity, seed.producers);
    await m.save(AgentEntity, seed.agents);
    await m.save(CompanyEntity, seed.companies);
  });
  return seed;
}

/**
 * The demo seed (config/demo/seed.json): loaded only into an empty database outside production.
 * Prints the keys it creates; they are shown once and stored hashed.
 */
export async function seedDemoIfEmpty(dataSource: DataSource, app: INestApplication, settings: Settings): Promise<void> {
  if ((await dataSource.getRepository(ProductEntity).count()) > 0) return;
  const seed = await loadDemoReferenceData(dataSource);
  app.get(ReferenceStore).forget();
  const keys = app.get(KeyService);
  const lines = ['', 'Demo seed loaded. Credentials (shown once; keys are stored hashed):'];
  lines.push(settings.adminApiKey ? '  admin: the ADMIN_API_KEY you set' : `  admin: ${await keys.issue('admin', 'admin')}`);
  for (const p of seed.producers) lines.push(`  producer ${p.id}: ${await keys.issue('producer', p.id)}`);
  for (const a of seed.agents) lines.push(`  agent ${a.id} (${a.teams.join(', ')}): ${await keys.issue('agent', a.id)}`);
  for (const c of seed.companies) lines.push(`  company ${c.id}: ${await keys.issue('company', c.id)}`);
  lines.push(`  licences: ${seed.licences.map((l) => l.key).join(', ')}`, `  agents' page: http://localhost:${settings.port}/desk`, '');
  console.log(lines.join('\n'));
}
