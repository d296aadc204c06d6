import { ApiProperty } from '@nestjs/swagger';

/** OpenAPI shape of GET /desk/config.json, for @nestjs/swagger only. */
export class DeskConfigSchema {
  @ApiProperty({ type: 'integer', description: 'How long a claim lasts unless renewed (the page renews at a third of it)', example: 300000 })
  leaseMs: number;

  @ApiProperty({ type: String, nullable: true, description: 'The newest rules version', example: '2022-04-07' })
  latest: string | null;

  @ApiProperty({
    type: 'object',
    description: 'Per rules version, per clause id: its kind and English title',
    additionalProperties: { type: 'object', additionalProperties: { type: 'object', properties: { kind: { type: 'string' }, title: { type: 'string' } } } },
    example: { '2022-04-07': { '4.1.2a': { kind: 'included', title: 'False positives' } } },
  })
  rules: Record<string, Record<string, { kind: string; title: string }>>;
}
