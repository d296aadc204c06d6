import type { DataSource } from 'typeorm';
import { LabelledExampleEntity } from './entities';

/** One line of bench/classifier/agent-labelled.jsonl, the shape the classifier bench reads (bench/classifier-lib/data.ts loadAgent). */
export const labelledLine = (x: LabelledExampleEntity): string =>
  JSON.stringify({
    id: `agent-${x.id}`,
    language: x.language ?? undefined,
    subject: x.subject,
    description: x.description,
    gold: [x.clause],
    caveats: [],
    rulesVersion: x.rulesVersion,
    source: `agent:${x.agentId}`,
  });

/** Every agent-labelled example, oldest first, as JSON lines. */
export async function labelledExamplesJsonl(dataSource: DataSource): Promise<string> {
  const rows = await dataSource.getRepository(LabelledExampleEntity).find({ order: { createdAt: 'ASC', id: 'ASC' } });
  return rows.map((r) => `${labelledLine(r)}\n`).join('');
}
