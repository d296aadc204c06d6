import { ApiProperty } from '@nestjs/swagger';

/** OpenAPI shape of GET /desk/config.json, for @nestjs/swagger only. */
export class DeskConfigSchema {
  @ApiProperty({ type: 'integer', description: 'How long a claim lasts unless renewed (the page renews at a third of it)', example: 300000 })
  leaseMs: number;

  @ApiProperty({ type: String, nullable: true, description: 'The newest rules version', example: '2022-04-07' })
  latest: string | null;

  @ApiProperty({
    type: 'object',
    description: "Per rules version, per clause id: its kind, English title and its titles per language (the desk shows the agent's language)",
    additionalProperties: {
      type: 'object',
      additionalProperties: { type: 'object', properties: { kind: { type: 'string' }, title: { type: 'string' }, titles: { type: 'object', additionalProperties: { type: 'string' } } } },
    },
    example: { '2022-04-07': { '4.1.2a': { kind: 'included', title: 'False positives', titles: { en: 'False positives', lv: 'Kļūdaini pozitīvi', ru: 'Ложные срабатывания' } } } },
  })
  rules: Record<string, Record<string, { kind: string; title: string; titles: Record<string, string> }>>;
}
