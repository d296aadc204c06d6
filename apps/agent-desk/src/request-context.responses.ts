import { ApiProperty } from '@nestjs/swagger';
import { REQUEST_STATUSES } from '@support/contracts';
import { LANGUAGES } from '@support/domain';

/** OpenAPI shapes of what the desk shows beside a request: suggested replies and the customer panel. */
export class SuggestionSchema {
  @ApiProperty({ description: 'Send it back as `suggestionId` with the reply: `rules:<clause>`, `self-service:<segment>` or `macro:<id>`', example: 'rules:4.2.14' })
  id: string;

  @ApiProperty({ enum: ['rules', 'self-service', 'macro'], description: "rules: what the rules tell the customer about the clause; self-service: the 2.1 pointers; macro: an administrator's text" })
  kind: string;

  @ApiProperty({ type: String, nullable: true, description: "A macro's name (null for the rules' texts)" })
  name: string | null;

  @ApiProperty({ enum: LANGUAGES })
  language: string;

  @ApiProperty({ type: [String], description: 'The clauses the text rests on (a macro: the clauses it is for; empty: any)', example: ['4.2.14'] })
  clauses: string[];

  @ApiProperty({ description: 'The text, for the agent to edit before sending' })
  text: string;
}

export class SuggestionsSchema {
  @ApiProperty({ enum: LANGUAGES, description: "The texts' language: the request's when the rules have texts in it, else English" })
  language: string;

  @ApiProperty({ description: "True when the request's language has no texts of its own and these are English" })
  fallback: boolean;

  @ApiProperty({ type: String, nullable: true, description: "The request's clause (null: not classified)", example: '4.1.2a' })
  clause: string | null;

  @ApiProperty({ description: 'The id of the suggestion the draft starts from: the rules’ text for the clause when there is one, else the self-service pointers' })
  draft: string;

  @ApiProperty({ type: [SuggestionSchema] })
  items: SuggestionSchema[];
}

class PanelCustomerSchema {
  @ApiProperty({ example: 'c-1001' })
  id: string;

  @ApiProperty({ type: String, nullable: true, enum: ['home', 'business'] })
  segment: string | null;

  @ApiProperty({ example: 'LV' })
  country: string;

  @ApiProperty({ type: String, nullable: true, example: 'lv' })
  language: string | null;
}

class PanelCompanySchema {
  @ApiProperty()
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty()
  country: string;
}

class PanelLicenceSchema {
  @ApiProperty()
  key: string;

  @ApiProperty()
  productCode: string;

  @ApiProperty({ enum: ['active', 'expired', 'revoked'] })
  status: string;

  @ApiProperty({ enum: ['commercial', 'free', 'trial'] })
  kind: string;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  validUntil: string | null;

  @ApiProperty({ type: String, nullable: true })
  supportPlan: string | null;
}

class PanelRequestSchema {
  @ApiProperty()
  id: string;

  @ApiProperty()
  subject: string;

  @ApiProperty({ enum: REQUEST_STATUSES })
  status: string;

  @ApiProperty({ type: String, nullable: true })
  clause: string | null;

  @ApiProperty({ type: String, nullable: true })
  team: string | null;

  @ApiProperty({ format: 'date-time' })
  receivedAt: string;

  @ApiProperty({ description: 'The request in the API', example: '/v1/requests/req_0f3c' })
  link: string;
}

export class CustomerPanelSchema {
  @ApiProperty({ type: PanelCustomerSchema })
  customer: PanelCustomerSchema;

  @ApiProperty({ type: PanelCompanySchema, nullable: true, description: 'The company a business request belongs to (2.4)' })
  company: PanelCompanySchema | null;

  @ApiProperty({ type: String, nullable: true, description: "The request's support plan (from its licence)" })
  supportPlan: string | null;

  @ApiProperty({ type: [PanelLicenceSchema], description: "The customer's (or company's) licences on record" })
  licences: PanelLicenceSchema[];

  @ApiProperty({ type: [PanelRequestSchema], description: "The customer's (or company's) other requests in your teams, newest first (up to 20)" })
  requests: PanelRequestSchema[];
}

class TeamSummarySchema {
  @ApiProperty({ example: 'home-lv' })
  id: string;

  @ApiProperty({ enum: ['home', 'business'] })
  segment: string;

  @ApiProperty({ type: [String], example: ['LV'] })
  countries: string[];

  @ApiProperty({ type: [String], example: ['lv', 'ru', 'en'] })
  languages: string[];

  @ApiProperty({ type: [String], example: ['malware'] })
  skills: string[];
}

export class TeamListSchema {
  @ApiProperty({ type: [TeamSummarySchema] })
  items: TeamSummarySchema[];
}
