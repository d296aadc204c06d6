import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateBy,
  ValidateIf,
  ValidateNested,
  type ValidationOptions,
} from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z)?$/;
const ID = /^[A-Za-z0-9][A-Za-z0-9._\-]{0,63}$/;

/** An object whose values are arrays of short strings, e.g. { "windows": ["10", "11"] }. */
function IsStringListMap(options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isStringListMap',
      validator: {
        validate: (value: unknown) =>
          !!value && typeof value === 'object' && !Array.isArray(value) &&
          Object.entries(value).every(([k, v]) => k.length <= 32 && Array.isArray(v) && v.every((x) => typeof x === 'string' && x.length <= 32)),
        defaultMessage: () => '$property must map platform names to lists of versions, e.g. { "windows": ["10", "11"] }',
      },
    },
    options,
  );
}

export class ProductVersionDto {
  @IsString() @Matches(/^[0-9A-Za-z]+([.\-][0-9A-Za-z]+)*$/, { message: 'version must look like 21 or 21.3' })
  version: string;

  @ValidateIf((o) => o.supportedUntil !== null) @Matches(DATE, { message: 'supportedUntil must be an ISO date or null' })
  supportedUntil: string | null;
}

export class RequirementsDto {
  @IsOptional() @IsInt() @Min(0) @Max(1 << 30)
  minRamMb?: number;

  @IsOptional() @IsInt() @Min(0) @Max(1 << 30)
  minDiskMb?: number;

  @IsOptional() @IsStringListMap()
  platforms?: Record<string, string[]>;
}

export class ProductDto {
  @IsString() @Length(1, 200)
  name: string;

  @IsIn(['home', 'business'], { message: 'segment must be home or business' })
  segment: 'home' | 'business';

  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => ProductVersionDto)
  versions: ProductVersionDto[];

  @IsOptional() @IsObject({ message: 'requirements must be an object' }) @ValidateNested() @Type(() => RequirementsDto)
  requirements?: RequirementsDto;
}

export class LicenceDto {
  @IsString() @Matches(ID, { message: 'productCode must be a product code' })
  productCode: string;

  @ValidateIf((o) => o.companyId === undefined || o.customerId !== undefined) @IsString({ message: 'customerId or companyId is required' }) @Length(1, 128)
  customerId?: string;

  @ValidateIf((o) => o.customerId === undefined || o.companyId !== undefined) @IsString({ message: 'companyId or customerId is required' }) @Length(1, 128)
  companyId?: string;

  @IsIn(['active', 'expired', 'revoked'], { message: 'status must be active, expired or revoked' })
  status: 'active' | 'expired' | 'revoked';

  @ValidateIf((o) => o.validUntil !== null) @Matches(DATE, { message: 'validUntil must be an ISO date or null' })
  validUntil: string | null;

  @IsIn(['commercial', 'free', 'trial'], { message: 'kind must be commercial, free or trial' })
  kind: 'commercial' | 'free' | 'trial';

  @IsOptional() @ValidateIf((o) => o.supportPlan !== null) @Matches(ID, { message: 'supportPlan must be an SLA plan id or null' })
  supportPlan?: string | null;
}

export class TeamDto {
  @IsIn(['home', 'business'], { message: 'segment must be home or business' })
  segment: 'home' | 'business';

  @IsArray() @ArrayMinSize(1) @Matches(/^([A-Z]{2}|\*)$/, { each: true, message: 'countries must be ISO alpha-2 codes (LV) or *' })
  countries: string[];

  @IsArray() @Matches(/^[a-z]{2}$/, { each: true, message: 'languages must be two-letter codes (lv)' })
  languages: string[];

  @IsOptional() @IsArray() @Matches(/^[a-z][a-z0-9\-]{0,31}$/, { each: true, message: 'skills must be short lowercase words' })
  skills?: string[];

  @IsOptional() @ValidateIf((o) => o.calendar !== null) @Matches(ID, { message: 'calendar must be a calendar id or null' })
  calendar?: string | null;
}

export class ProducerDto {
  @IsString() @Length(1, 200)
  name: string;
}

export const ID_PATTERN = ID;

export class AgentDto {
  @IsString() @Length(1, 200)
  name: string;

  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @Matches(ID, { each: true, message: 'teams must be team ids' })
  teams: string[];

  @IsOptional() @IsIn(['agent', 'supervisor'], { message: 'role must be agent or supervisor' })
  role?: 'agent' | 'supervisor';
}

export class CompanyDto {
  @IsString() @Length(1, 200)
  name: string;

  @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code such as LV' })
  country: string;
}
