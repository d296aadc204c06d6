import type { INestApplication } from '@nestjs/common';
import { LicenceEntity, ProducerEntity, ProductEntity, TeamEntity } from '@support/persistence';
import { KeyService, repoRoot, type Settings } from '@support/platform';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';

interface Seed {
  products: ProductEntity[];
  licences: (Omit<LicenceEntity, 'customerId' | 'companyId'> & { customerId?: string; companyId?: string })[];
  teams: TeamEntity[];
  producers: ProducerEntity[];
}

/**
 * The demo seed (config/demo/seed.json): loaded only into an empty database outside production.
 * Prints the keys it creates; they are shown once and stored hashed.
 */
export async function seedDemoIfEmpty(dataSource: DataSource, app: INestApplication, settings: Settings): Promise<void> {
  if ((await dataSource.getRepository(ProductEntity).count()) > 0) return;
  const seed = JSON.parse(readFileSync(join(repoRoot(), 'config', 'demo', 'seed.json'), 'utf8')) as Seed;
  await dataSource.transaction(async (m) => {
    await m.save(ProductEntity, seed.products);
    await m.save(LicenceEntity, seed.licences.map((l) => ({ ...l, customerId: l.customerId ?? null, companyId: l.companyId ?? null })));
    await m.save(TeamEntity, seed.teams);
    await m.save(ProducerEntity, seed.producers);
  });
  const keys = app.get(KeyService);
  const lines = ['', 'Demo seed loaded. Credentials (shown once):'];
  for (const producer of seed.producers) lines.push(`  producer ${producer.id}: ${await keys.issue('producer', producer.id)}`);
  lines.push(settings.adminApiKey ? '  admin: the ADMIN_API_KEY you set' : `  admin: ${await keys.issue('admin', 'admin')}`);
  lines.push(`  licences: ${seed.licences.map((l) => l.key).join(', ')}`, '');
  console.log(lines.join('\n'));
}
