import { Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsISO31661Alpha2,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

export const CHANNELS = ['web', 'email', 'portal', 'phone', 'api'] as const;
export type Channel = (typeof CHANNELS)[number];

const NOT_BLANK = /\S/;
const TOKEN = /^[A-Za-z0-9][A-Za-z0-9._\-]*$/;

export class CustomerDto {
  @IsString() @Length(1, 128) @Matches(NOT_BLANK, { message: 'id must not be blank' })
  id: string;

  @IsEmail({}, { message: 'email must be an e-mail address' }) @MaxLength(254)
  email: string;

  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code such as LV' })
  country: string;

  @IsOptional() @Matches(/^[a-z]{2}$/, { message: 'language must be a two-letter ISO 639-1 code such as lv' })
  language?: string;
}

export class ProductRefDto {
  @IsString() @Length(1, 64) @Matches(TOKEN, { message: 'code must be letters, digits, dot, dash or underscore' })
  code: string;

  @IsString() @Length(1, 32) @Matches(/^[0-9A-Za-z]+([.\-][0-9A-Za-z]+)*$/, { message: 'version must look like 21.3 or 11.0.1' })
  version: string;
}

export class PlatformDto {
  @IsString() @Length(1, 32)
  os: string;

  @IsOptional() @IsString() @Length(1, 32)
  osVersion?: string;

  @IsOptional() @IsInt() @Min(0) @Max(1 << 30)
  ramMb?: number;

  @IsOptional() @IsInt() @Min(0) @Max(1 << 30)
  diskFreeMb?: number;
}

/** The body of POST /v1/requests (CONTRACT.md). Unknown fields are rejected. */
export class SubmissionDto {
  @IsOptional() @IsString() @Length(1, 128)
  idempotencyKey?: string;

  @IsObject({ message: 'customer must be an object' }) @ValidateNested() @Type(() => CustomerDto) @IsNotEmpty({ message: 'customer is required' })
  customer: CustomerDto;

  @IsOptional() @IsString() @Length(1, 128)
  companyId?: string;

  @IsObject({ message: 'product must be an object' }) @ValidateNested() @Type(() => ProductRefDto) @IsNotEmpty({ message: 'product is required' })
  product: ProductRefDto;

  @IsOptional() @IsObject({ message: 'platform must be an object' }) @ValidateNested() @Type(() => PlatformDto)
  platform?: PlatformDto;

  @IsOptional() @IsString() @Length(1, 128)
  licenceKey?: string;

  @IsIn(CHANNELS, { message: `channel must be one of ${CHANNELS.join(', ')}` })
  channel: Channel;

  @IsOptional() @IsString() @Length(1, 100)
  topic?: string;

  @IsString() @Length(1, 200) @Matches(NOT_BLANK, { message: 'subject must not be blank' })
  subject: string;

  @IsString() @Length(1, 20000) @Matches(NOT_BLANK, { message: 'description must not be blank' })
  description: string;
}

/** The intake job's data: the same body plus the producer's name (CONTRACT.md, producers on the queue). */
export class QueuedSubmissionDto extends SubmissionDto {
  @IsString() @Length(1, 128) @Matches(TOKEN, { message: 'producer must be a producer id' })
  producer: string;
}
