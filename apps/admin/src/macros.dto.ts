import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LANGUAGES } from '@support/domain';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';

const NOT_BLANK = /\S/;
const CLAUSE = /^[A-Za-z0-9.[\]-]{1,32}$/;

/** A macro as an administrator writes it: a named reply text in one language, for some clauses or all. */
export class MacroDto {
  @ApiProperty({ minLength: 1, maxLength: 100, description: 'What agents see in the list (unique per language)', example: 'Send the detection log' })
  @IsString()
  @Length(1, 100)
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name: string;

  @ApiProperty({ enum: LANGUAGES, description: 'The language of the text: offered on requests in that language (English ones where a language has none)', example: 'lv' })
  @IsIn(LANGUAGES, { message: `language must be one of ${LANGUAGES.join(', ')}` })
  language: string;

  @ApiPropertyOptional({
    type: [String],
    maxItems: 50,
    default: [],
    description: 'Offered only on requests classified to one of these clauses (clause ids of the rules); empty: on every request',
    example: ['4.1.2a'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(CLAUSE, { each: true, message: 'clauses must be clause ids like 4.1.2a' })
  clauses?: string[];

  @ApiProperty({ minLength: 1, maxLength: 20000, description: 'The reply text the draft starts from (the agent edits it before sending)' })
  @IsString()
  @Length(1, 20000)
  @Matches(NOT_BLANK, { message: 'body must not be blank' })
  body: string;
}

export class MacroSchema {
  @ApiProperty({ example: 'mac_4f0c2b1e9a7d4c3b8e2f1a0b9c8d7e6f' })
  id: string;

  @ApiProperty({ example: 'Send the detection log' })
  name: string;

  @ApiProperty({ enum: LANGUAGES })
  language: string;

  @ApiProperty({ type: [String], example: ['4.1.2a'] })
  clauses: string[];

  @ApiProperty()
  body: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class MacroListSchema {
  @ApiProperty({ type: [MacroSchema] })
  items: MacroSchema[];
}
