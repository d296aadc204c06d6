import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsObject,
  isISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  Max,
  Min,
  ValidateBy,
  ValidateIf,
  ValidateNested,
  type ValidationOptions,
} from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z)?$/;

/**
 * "2026-12-31" or a UTC time, and a day that exists: the pattern alone let "2026-02-30" in, which JavaScript reads as
 * 2 March, so a version's end of support moved by two days without a word.
 */
function IsIsoDateOrTime(options?: ValidationOptions) {
  return ValidateBy({ name: 'isIsoDateOrTime', validator: { validate: (v: unknown) => typeof v === 'string' && DATE.test(v) && isISO8601(v, { strict: true, strictSeparator: true }) } }, options);
}
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** An object whose values are arrays of short strings, e.g. { "windows": ["10", "11"] }. */
function IsStringListMap(options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isStringListMap',
      validator: {
        validate: (value: unknown) =>
          !!value &&
          typeof value === 'object' &&
          !Array.isArray(value) &&
          Object.entries(value).every(([k, v]) => k.length <= 32 && Array.isArray(v) && v.every((x) => typeof x === 'string' && x.length <= 32)),
        defaultMessage: () => '$property must map platform names to lists of versions, e.g. { "windows": ["10", "11"] }',
      },
    },
    options,
  );
}

export class ProductVersionDto {
  @ApiProperty({ description: 'A submitted version matches the entry whose version is its longest dotted prefix', example: '21' })
  @IsString()
  @Matches(/^[0-9A-Za-z]+([.-][0-9A-Za-z]+)*$/, { message: 'version must look like 21 or 21.3' })
  version: string;

  @ApiProperty({ type: String, nullable: true, description: 'Last day of support (ISO date), null while supported', example: '2026-12-31' })
  @ValidateIf((o) => o.supportedUntil !== null)
  @IsIsoDateOrTime({ message: 'supportedUntil must be an ISO date that exists (YYYY-MM-DD) or null' })
  supportedUntil: string | null;
}

export class RequirementsDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 0, example: 2048 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1 << 30)
  minRamMb?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, example: 1500 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1 << 30)
  minDiskMb?: number;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string', maxLength: 32 } },
    description: 'Supported OS versions per platform',
    example: { windows: ['10', '11'], macos: ['13', '14'] },
  })
  @IsOptional()
  @IsStringListMap()
  platforms?: Record<string, string[]>;
}

export class ProductDto {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Kaspersky Anti-Virus' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ enum: ['home', 'business'] })
  @IsIn(['home', 'business'], { message: 'segment must be home or business' })
  segment: 'home' | 'business';

  @ApiProperty({ type: [ProductVersionDto], minItems: 1, maxItems: 500 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => ProductVersionDto)
  versions: ProductVersionDto[];

  @ApiPropertyOptional({ type: RequirementsDto })
  @IsOptional()
  @IsObject({ message: 'requirements must be an object' })
  @ValidateNested()
  @Type(() => RequirementsDto)
  requirements?: RequirementsDto;
}

export class LicenceDto {
  @ApiProperty({ pattern: ID.source, example: 'kav' })
  @IsString()
  @Matches(ID, { message: 'productCode must be a product code' })
  productCode: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 128, description: 'A home customer: customerId or companyId is required' })
  @ValidateIf((o) => o.companyId === undefined || o.customerId !== undefined)
  @IsString({ message: 'customerId or companyId is required' })
  @Length(1, 128)
  customerId?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 128, description: 'A business customer: companyId or customerId is required' })
  @ValidateIf((o) => o.customerId === undefined || o.companyId !== undefined)
  @IsString({ message: 'companyId or customerId is required' })
  @Length(1, 128)
  companyId?: string;

  @ApiProperty({ enum: ['active', 'expired', 'revoked'] })
  @IsIn(['active', 'expired', 'revoked'], { message: 'status must be active, expired or revoked' })
  status: 'active' | 'expired' | 'revoked';

  @ApiProperty({ type: String, nullable: true, description: 'ISO date or time; null for no end', example: '2027-01-31' })
  @ValidateIf((o) => o.validUntil !== null)
  @IsIsoDateOrTime({ message: 'validUntil must be an ISO date or UTC time that exists, or null' })
  validUntil: string | null;

  @ApiProperty({ enum: ['commercial', 'free', 'trial'] })
  @IsIn(['commercial', 'free', 'trial'], { message: 'kind must be commercial, free or trial' })
  kind: 'commercial' | 'free' | 'trial';

  @ApiPropertyOptional({ type: String, nullable: true, pattern: ID.source, description: 'A paid SLA plan id: only these licences give requests a response-time clock' })
  @IsOptional()
  @ValidateIf((o) => o.supportPlan !== null)
  @Matches(ID, { message: 'supportPlan must be an SLA plan id or null' })
  supportPlan?: string | null;
}

export class TeamDto {
  @ApiProperty({ enum: ['home', 'business'] })
  @IsIn(['home', 'business'], { message: 'segment must be home or business' })
  segment: 'home' | 'business';

  @ApiProperty({ type: [String], minItems: 1, description: 'ISO alpha-2 codes, or * for any', example: ['LV'] })
  @IsArray()
  @ArrayMinSize(1)
  @Matches(/^([A-Z]{2}|\*)$/, { each: true, message: 'countries must be ISO alpha-2 codes (LV) or *' })
  countries: string[];

  @ApiProperty({ type: [String], description: 'Two-letter language codes', example: ['lv', 'ru'] })
  @IsArray()
  @Matches(/^[a-z]{2}$/, { each: true, message: 'languages must be two-letter codes (lv)' })
  languages: string[];

  @ApiPropertyOptional({ type: [String], description: 'e.g. malware (rule 4.1.2 requests go to a malware team)', example: [] })
  @IsOptional()
  @IsArray()
  @Matches(/^[a-z][a-z0-9-]{0,31}$/, { each: true, message: 'skills must be short lowercase words' })
  skills?: string[];

  @ApiPropertyOptional({ type: String, nullable: true, pattern: ID.source, description: 'A calendar id; null or absent: open around the clock' })
  @IsOptional()
  @ValidateIf((o) => o.calendar !== null)
  @Matches(ID, { message: 'calendar must be a calendar id or null' })
  calendar?: string | null;

  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    minimum: 1000,
    description: 'How long a request held for its agent (after a customer reply) waits before it goes to the team queue; null or absent: RETURN_TO_TEAM_AFTER_MS',
  })
  @IsOptional()
  @ValidateIf((o) => o.returnToTeamAfterMs !== null)
  @IsInt({ message: 'returnToTeamAfterMs must be a whole number of milliseconds or null' })
  @Min(1000)
  returnToTeamAfterMs?: number | null;
}

export class ProducerDto {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Website form' })
  @IsString()
  @Length(1, 200)
  name: string;
}

export const ID_PATTERN = ID;

export class AgentDto {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Ilze' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ type: [String], minItems: 1, maxItems: 50, description: 'Team ids', example: ['home-lv'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @Matches(ID, { each: true, message: 'teams must be team ids' })
  teams: string[];

  @ApiPropertyOptional({ enum: ['agent', 'supervisor'], default: 'agent', description: 'Supervisors also receive escalations' })
  @IsOptional()
  @IsIn(['agent', 'supervisor'], { message: 'role must be agent or supervisor' })
  role?: 'agent' | 'supervisor';

  @ApiPropertyOptional({ format: 'email', maxLength: 254, nullable: true, description: 'Where SLA warnings, breaches and escalations reach a supervisor', example: 'ilze@support.example.com' })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email?: string | null;
}

export class CompanyDto {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'SIA Piemērs' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ pattern: '^[A-Z]{2}$', example: 'LV' })
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code such as LV' })
  country: string;
}
