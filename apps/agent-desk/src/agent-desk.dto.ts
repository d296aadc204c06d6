import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SUGGESTION_ID } from '@support/domain';
import { IsBoolean, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';

const NOT_BLANK = /\S/;

export class ReplyDto {
  @ApiProperty({ minLength: 1, maxLength: 20000, description: 'The reply to the customer' })
  @IsString()
  @Length(1, 20000)
  @Matches(NOT_BLANK, { message: 'body must not be blank' })
  body: string;

  /** Ask the customer for information (or to run a diagnostic utility) and wait for the answer. */
  @ApiPropertyOptional({ default: false, description: 'Ask the customer for information (or to run a diagnostic utility) and wait: the request goes to awaiting-customer' })
  @IsOptional()
  @IsBoolean()
  waitForCustomer?: boolean;

  @ApiPropertyOptional({ enum: ['answer', 'information-request', 'diagnostic-utility'], description: 'Default: information-request when waitForCustomer, else answer' })
  @IsOptional()
  @IsIn(['answer', 'information-request', 'diagnostic-utility'], { message: 'kind must be answer, information-request or diagnostic-utility' })
  kind?: 'answer' | 'information-request' | 'diagnostic-utility';

  @ApiPropertyOptional({
    maxLength: 80,
    pattern: SUGGESTION_ID.source,
    description: 'The suggested reply the text started from (an `id` of GET /v1/requests/{id}/suggestions): recorded on the timeline for agents, never shown to the customer',
    example: 'macro:mac_4f0c2b1e9a7d4c3b8e2f1a0b9c8d7e6f',
  })
  @IsOptional()
  @IsString()
  @Matches(SUGGESTION_ID, { message: 'suggestionId must be a suggestion id like rules:4.1.2a, self-service:home or macro:<id>' })
  suggestionId?: string;
}

export class ResolveDto {
  @ApiProperty({ minLength: 1, maxLength: 5000, description: 'How it was resolved' })
  @IsString()
  @Length(1, 5000)
  @Matches(NOT_BLANK, { message: 'summary must not be blank' })
  summary: string;
}

export class CustomerReplyDto {
  @ApiProperty({ minLength: 1, maxLength: 20000, description: "The customer's message" })
  @IsString()
  @Length(1, 20000)
  @Matches(NOT_BLANK, { message: 'body must not be blank' })
  body: string;
}

export class NoteDto {
  @ApiProperty({ minLength: 1, maxLength: 20000, description: 'The internal note: agents only, never shown to the customer nor sent in any mail or webhook' })
  @IsString()
  @Length(1, 20000)
  @Matches(NOT_BLANK, { message: 'body must not be blank' })
  body: string;
}

export class TransferDto {
  @ApiProperty({ minLength: 1, maxLength: 64, description: 'The team to move the request to', example: 'home-malware' })
  @IsString()
  @Length(1, 64)
  team: string;

  @ApiProperty({ minLength: 1, maxLength: 1000, description: 'Why (on the timeline for agents and supervisors)' })
  @IsString()
  @Length(1, 1000)
  @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  reason: string;
}

export class ReclassifyDto {
  @ApiProperty({ minLength: 1, maxLength: 32, description: 'A clause standard support includes (4.1.x) in the rules version the request is judged by', example: '4.1.2b' })
  @IsString()
  @Length(1, 32)
  clause: string;

  @ApiProperty({ minLength: 1, maxLength: 1000, description: 'Why (on the timeline)' })
  @IsString()
  @Length(1, 1000)
  @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  reason: string;
}

export class ReassignDto {
  @ApiProperty({ minLength: 1, maxLength: 64, description: 'The agent to give the request to (one of its team)', example: 'ana' })
  @IsString()
  @Length(1, 64)
  agent: string;
}
