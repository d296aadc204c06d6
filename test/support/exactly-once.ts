import { teamQueueName } from '@support/contracts';
import { RequestEntity, TimelineEventEntity } from '@support/persistence';
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

/** The pipeline stages whose effect a request records once each (intake, licence check, classification, routing). */
const PIPELINE_EFFECTS = ['intake', 'licence-check', 'classification', 'routing'];

/**
 * Requests whose count of pipeline-stage effects is not what their outcome needs: 4 for a queued
 * request, 3 for one declined after classification, 2 for one declined by the licence check.
 * Empty when every request went through each stage exactly once; `counted` is how many had any.
 */
export async function pipelineStageMismatches(dataSource: DataSource): Promise<{ counted: number; mismatched: { id: string; n: number; want: number }[] }> {
  const stages = await dataSource
    .getRepository(TimelineEventEntity)
    .createQueryBuilder('t')
    .select('t.requestId', 'id')
    .addSelect('COUNT(*)', 'n')
    .where('t.effectKey IN (:...k)', { k: PIPELINE_EFFECTS })
    .groupBy('t.requestId')
    .getRawMany<{ id: string; n: string }>();
  const all = await dataSource.getRepository(RequestEntity).find({ select: { id: true, status: true, classification: true } });
  const want = new Map(all.map((r) => [r.id, r.status === 'queued' ? 4 : r.classification ? 3 : 2]));
  const mismatched = stages.map((s) => ({ id: s.id, n: Number(s.n), want: want.get(s.id) ?? -1 })).filter((s) => s.n !== s.want);
  return { counted: stages.length, mismatched };
}

/** How many jobs the team queues hold for each request (waiting, prioritized, delayed or active): 1 each is exactly once. */
export async function teamQueueJobs(dataSource: DataSource, jobsOf: (queue: string) => Promise<{ data: { requestId: string } }[]>): Promise<Map<string, number>> {
  const teams = [...new Set((await dataSource.getRepository(RequestEntity).find({ select: { teamId: true } })).map((r) => r.teamId).filter(Boolean))] as string[];
  const byRequest = new Map<string, number>();
  for (const team of teams) {
    for (const job of await jobsOf(teamQueueName(team))) byRequest.set(job.data.requestId, (byRequest.get(job.data.requestId) ?? 0) + 1);
  }
  return byRequest;
}

/** The jobs of a queue that still stand for work (what teamQueueJobs counts). */
export const OPEN_JOB_STATES = ['waiting', 'prioritized', 'delayed', 'active'] as const;
