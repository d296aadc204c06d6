import { TimelineEventEntity } from '@support/persistence';
import type { DataSource } from 'typeorm';

/** Timeline events recorded more than once for one request: what an exactly-once check expects to be empty. */
export function duplicatedTimelineEvents(dataSource: DataSource): Promise<{ requestId: string; event: string; n: string | number }[]> {
  return dataSource
    .getRepository(TimelineEventEntity)
    .createQueryBuilder('t')
    .select('t.requestId', 'requestId')
    .addSelect('t.event', 'event')
    .addSelect('COUNT(*)', 'n')
    .groupBy('t.requestId')
    .addGroupBy('t.event')
    .having('COUNT(*) > 1')
    .getRawMany();
}
