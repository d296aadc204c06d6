import type { CalendarSpec, Licence, LicenceRegistry, Product, SlaPlan, Team } from '@support/domain';
import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { AgentEntity, CalendarEntity, CompanyEntity, LicenceEntity, ProducerEntity, ProductEntity, SlaPlanEntity, TeamEntity } from './entities';

/** Reference data (products, licences, teams, producers): admin-maintained rows, read by the stages. */
export class ReferenceStore implements LicenceRegistry {
  constructor(private readonly dataSource: DataSource) {}

  private repo<T extends ObjectLiteral>(entity: EntityTarget<T>) {
    return this.dataSource.getRepository(entity);
  }

  product(code: string): Promise<Product | null> {
    return this.repo(ProductEntity).findOneBy({ code });
  }

  find(key: string): Promise<Licence | null> {
    return this.repo(LicenceEntity).findOneBy({ key });
  }

  teams(): Promise<Team[]> {
    return this.repo(TeamEntity).find({ order: { id: 'ASC' } });
  }

  team(id: string): Promise<Team | null> {
    return this.repo(TeamEntity).findOneBy({ id });
  }

  calendar(id: string): Promise<CalendarSpec | null> {
    return this.repo(CalendarEntity).findOneBy({ id });
  }

  slaPlan(id: string): Promise<SlaPlan | null> {
    return this.repo(SlaPlanEntity).findOneBy({ id });
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

  producer(id: string): Promise<ProducerEntity | null> {
    return this.repo(ProducerEntity).findOneBy({ id });
  }

  /** Creates or replaces a row (admin PUT). */
  async put<T extends ObjectLiteral>(entity: EntityTarget<T>, row: T): Promise<T> {
    await this.repo(entity).save(row);
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
    return ((await this.repo(entity).delete(where as never)).affected ?? 0) > 0;
  }
}
