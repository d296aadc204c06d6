import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmail, IsIn, IsInt, IsISO31661Alpha2, IsNotEmpty, IsObject, IsOptional, IsString, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';

export const CHANNELS = ['web', 'email', 'portal', 'phone', 'api'] as const;
/** The longest subject and description a submission may carry (CONTRACT.md). */
export const SUBJECT_MAX_LENGTH = 200;
export const DESCRIPTION_MAX_LENGTH = 20_000;
export type Channel = (typeof CHANNELS)[number];

const NOT_BLANK = /\S/;
const TOKEN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export class CustomerDto {
  @ApiProperty({ minLength: 1, maxLength: 128, description: "The customer's id in the producer's system", example: 'c-1001' })
  @IsString()
  @Length(1, 128)
  @Matches(NOT_BLANK, { message: 'id must not be blank' })
  id: string;

  @ApiProperty({ format: 'email', maxLength: 254, example: 'anna@example.lv' })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ description: 'ISO 3166-1 alpha-2', pattern: '^[A-Za-z]{2}$', example: 'LV' })
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code such as LV' })
  country: string;

  @ApiPropertyOptional({ description: 'ISO 639-1; detected from the text when absent', pattern: '^[a-z]{2}$', example: 'lv' })
  @IsOptional()
  @Matches(/^[a-z]{2}$/, { message: 'language must be a two-letter ISO 639-1 code such as lv' })
  language?: string;
}

export class ProductRefDto {
  @ApiProperty({ minLength: 1, maxLength: 64, pattern: TOKEN.source, description: 'A product code of the catalogue', example: 'kav' })
  @IsString()
  @Length(1, 64)
  @Matches(TOKEN, { message: 'code must be letters, digits, dot, dash or underscore' })
  code: string;

  @ApiProperty({ minLength: 1, maxLength: 32, pattern: '^[0-9A-Za-z]+([.-][0-9A-Za-z]+)*$', example: '21.3' })
  @IsString()
  @Length(1, 32)
  @Matches(/^[0-9A-Za-z]+([.-][0-9A-Za-z]+)*$/, { message: 'version must look like 21.3 or 11.0.1' })
  version: string;
}

export class PlatformDto {
  @ApiProperty({ minLength: 1, maxLength: 32, example: 'windows' })
  @IsString()
  @Length(1, 32)
  os: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 32, example: '10' })
  @IsOptional()
  @IsString()
  @Length(1, 32)
  osVersion?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 1 << 30, example: 4096 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1 << 30)
  ramMb?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 1 << 30, example: 5000 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1 << 30)
  diskFreeMb?: number;
}

/** The body of POST /v1/requests (CONTRACT.md). Unknown fields are rejected. */
export class SubmissionDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 128, description: 'The same key from the same producer never creates a second submission (answered 200 with the first answer)' })
  @IsOptional()
  @IsString()
  @Length(1, 128)
  idempotencyKey?: string;

  @ApiProperty({ type: CustomerDto })
  @IsObject({ message: 'customer must be an object' })
  @ValidateNested()
  @Type(() => CustomerDto)
  @IsNotEmpty({ message: 'customer is required' })
  customer: CustomerDto;

  @ApiPropertyOptional({ minLength: 1, maxLength: 128, description: 'Business customers' })
  @IsOptional()
  @IsString()
  @Length(1, 128)
  companyId?: string;

  @ApiProperty({ type: ProductRefDto })
  @IsObject({ message: 'product must be an object' })
  @ValidateNested()
  @Type(() => ProductRefDto)
  @IsNotEmpty({ message: 'product is required' })
  product: ProductRefDto;

  @ApiPropertyOptional({ type: PlatformDto })
  @IsOptional()
  @IsObject({ message: 'platform must be an object' })
  @ValidateNested()
  @Type(() => PlatformDto)
  platform?: PlatformDto;

  @ApiPropertyOptional({ minLength: 1, maxLength: 128, example: 'LIC-ANNA-KAV' })
  @IsOptional()
  @IsString()
  @Length(1, 128)
  licenceKey?: string;

  @ApiProperty({ enum: CHANNELS })
  @IsIn(CHANNELS, { message: `channel must be one of ${CHANNELS.join(', ')}` })
  channel: Channel;

  @ApiPropertyOptional({ minLength: 1, maxLength: 100, description: 'A hint chosen by the customer' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  topic?: string;

  @ApiProperty({ minLength: 1, maxLength: SUBJECT_MAX_LENGTH, example: 'False positive' })
  @IsString()
  @Length(1, SUBJECT_MAX_LENGTH)
  @Matches(NOT_BLANK, { message: 'subject must not be blank' })
  subject: string;

  @ApiProperty({ minLength: 1, maxLength: DESCRIPTION_MAX_LENGTH, example: 'Kaspersky deletes my own program as a trojan. It is a false positive.' })
  @IsString()
  @Length(1, DESCRIPTION_MAX_LENGTH)
  @Matches(NOT_BLANK, { message: 'description must not be blank' })
  description: string;
}

/** The intake job's data: the same body plus the producer's name (CONTRACT.md, producers on the queue). */
export class QueuedSubmissionDto extends SubmissionDto {
  @IsString()
  @Length(1, 128)
  @Matches(TOKEN, { message: 'producer must be a producer id' })
  producer: string;
}
