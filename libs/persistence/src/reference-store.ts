import type { CalendarSpec, Licence, LicenceRegistry, Product, SlaPlan, Team } from '@support/domain';
import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { UnitOfWork } from './unit-of-work';
import { rowByKeyReader } from './entity-columns';
import { AgentEntity, CalendarEntity, CompanyEntity, LicenceEntity, ProducerEntity, ProductEntity, SlaPlanEntity, TeamEntity } from './entities';

/**
 * Reference data (products, licences, teams, producers): admin-maintained rows, read by the stages.
 * Products, teams, calendars, SLA plans and producers are read on every job, so they are cached for a few
 * seconds (REFERENCE_CACHE_MS); a change made through this process clears the cache at once,
 * other processes see it when their cache lapses.
 */
export class ReferenceStore implements LicenceRegistry {
  private readonly cache = new Map<string, { until: number; value: Promise<unknown> }>();
  /** `ttlMs`: how long a read stays cached (REFERENCE_CACHE_MS; 0 caches nothing). */
  constructor(
    private readonly dataSource: DataSource,
    private readonly ttlMs: number,
  ) {}

  /** Drops what is cached, after reference data was written around this store (a seed, a migration). */
  forget(): void {
    this.cache.clear();
  }

  private cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.cache.get(key);
    if (hit && hit.until > Date.now()) return hit.value as Promise<T>;
    const value = load();
    this.cache.set(key, { until: Date.now() + this.ttlMs, value });
    // Only what exists is kept: a row created meanwhile (here or in another process) is found at once.
    value.then((found) => found ?? this.cache.delete(key)).catch(() => this.cache.delete(key));
    return value;
  }

  private repo<T extends ObjectLiteral>(entity: EntityTarget<T>) {
    return this.dataSource.getRepository(entity);
  }

  product(code: string): Promise<Product | null> {
    return this.cached(`product:${code}`, () => this.repo(ProductEntity).findOneBy({ code }));
  }

  /** A licence by key: read by every licence check, so one prepared statement, gathered on PostgreSQL (not cached: licences change). */
  find(key: string): Promise<Licence | null> {
    return (this.licenceByKey ??= rowByKeyReader(this.dataSource, LicenceEntity, 'key'))(key);
  }
  private licenceByKey?: (key: string) => Promise<LicenceEntity | null>;

  teams(): Promise<Team[]> {
    return this.cached('teams', () => this.repo(TeamEntity).find({ order: { id: 'ASC' } }));
  }

  async team(id: string): Promise<Team | null> {
    return (await this.teams()).find((t) => t.id === id) ?? null;
  }

  calendar(id: string): Promise<CalendarSpec | null> {
    return this.cached(`calendar:${id}`, () => this.repo(CalendarEntity).findOneBy({ id }));
  }

  slaPlan(id: string): Promise<SlaPlan | null> {
    return this.cached(`sla-plan:${id}`, () => this.repo(SlaPlanEntity).findOneBy({ id }));
  }

  agent(id: string): Promise<AgentEntity | null> {
    return this.repo(AgentEntity).findOneBy({ id });
  }

  /** Agents of a team; supervisors only when asked (they receive escalations). */
  async agentsOf(teamId: string, role?: 'agent' | 'supervisor'): Promise<AgentEntity[]> {
    return (await this.repo(AgentEntity).find()).filter((a) => a.teams.includes(teamId) && (!role || a.role === role));
  }

  company(id: string): Promise<CompanyEntity | null> {
    return this.repo(CompanyEntity).findOneBy({ id });
  }

  /** Read on every submission (intake checks the producer exists): cached like the rest. */
  producer(id: string): Promise<ProducerEntity | null> {
    return this.cached(`producer:${id}`, () => this.repo(ProducerEntity).findOneBy({ id }));
  }

  /** Creates or replaces a row (admin PUT). */
  async put<T extends ObjectLiteral>(entity: EntityTarget<T>, row: T): Promise<T> {
    await UnitOfWork.for(this.dataSource).run((m) => m.save(entity, row), { durable: true });
    this.forget();
    return row;
  }

  get<T extends ObjectLiteral>(entity: EntityTarget<T>, where: Partial<T>): Promise<T | null> {
    return this.repo(entity).findOneBy(where as never);
  }

  list<T extends ObjectLiteral>(entity: EntityTarget<T>): Promise<T[]> {
    return this.repo(entity).find();
  }

  /** Removes a row; false when there was none. */
  async remove<T extends ObjectLiteral>(entity: EntityTarget<T>, where: Partial<T>): Promise<boolean> {
    const result = await UnitOfWork.for(this.dataSource).run((m) => m.delete(entity, where as never), { durable: true });
    this.forget();
    return (result.affected ?? 0) > 0;
  }
}
