import type { Licence, LicenceRegistry, Product, Team } from '@support/domain';
import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { LicenceEntity, ProducerEntity, ProductEntity, TeamEntity } from './entities';

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
