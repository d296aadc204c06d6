import type { DataSource } from 'typeorm';
import { RequestEntity, StuckJobEntity } from './entities';

/** A stuck request as operators see it (GET /v1/admin/stuck): the record with the request's status. */
export interface StuckRequestView extends StuckJobEntity {
  status: string;
}

/** The reconciler's retry records of pipeline stage jobs, and the requests moved aside. */
export class StuckJobStore {
  constructor(private readonly dataSource: DataSource) {}

  private repo() {
    return this.dataSource.getRepository(StuckJobEntity);
  }

  all(): Promise<StuckJobEntity[]> {
    return this.repo().find();
  }

  find(requestId: string): Promise<StuckJobEntity | null> {
    return this.repo().findOneBy({ requestId });
  }

  async save(row: StuckJobEntity): Promise<void> {
    await this.repo().save(row);
  }

  async remove(requestIds: string[]): Promise<void> {
    if (requestIds.length > 0) await this.repo().delete(requestIds);
  }

  /** The requests moved aside, oldest first, with their current status. */
  async stuck(): Promise<StuckRequestView[]> {
    const rows = await this.repo().createQueryBuilder('s').where('s.stuckAt IS NOT NULL').orderBy('s.stuckAt', 'ASC').getMany();
    if (rows.length === 0) return [];
    const requests = await this.dataSource
      .getRepository(RequestEntity)
      .createQueryBuilder('r')
      .select(['r.id', 'r.status'])
      .whereInIds(rows.map((r) => r.requestId))
      .getMany();
    const status = new Map(requests.map((r) => [r.id, r.status]));
    return rows.map((r) => ({ ...r, status: status.get(r.requestId) ?? 'unknown' }));
  }

  /** An operator's retry: the request's retries start again; false when it is not moved aside. */
  async release(requestId: string): Promise<boolean> {
    const result = await this.repo()
      .createQueryBuilder()
      .update()
      .set({ stuckAt: null, retries: 0, updatedAt: new Date().toISOString() })
      .where('requestId = :requestId AND stuckAt IS NOT NULL', { requestId })
      .execute();
    return (result.affected ?? 0) > 0;
  }
}
