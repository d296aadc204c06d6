import { IsBoolean, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';

const NOT_BLANK = /\S/;

export class ReplyDto {
  @IsString() @Length(1, 20000) @Matches(NOT_BLANK, { message: 'body must not be blank' })
  body: string;

  /** Ask the customer for information (or to run a diagnostic utility) and wait for the answer. */
  @IsOptional() @IsBoolean()
  waitForCustomer?: boolean;

  @IsOptional() @IsIn(['answer', 'information-request', 'diagnostic-utility'], { message: 'kind must be answer, information-request or diagnostic-utility' })
  kind?: 'answer' | 'information-request' | 'diagnostic-utility';
}

export class ResolveDto {
  @IsString() @Length(1, 5000) @Matches(NOT_BLANK, { message: 'summary must not be blank' })
  summary: string;
}

export class CustomerReplyDto {
  @IsString() @Length(1, 20000) @Matches(NOT_BLANK, { message: 'body must not be blank' })
  body: string;
}
