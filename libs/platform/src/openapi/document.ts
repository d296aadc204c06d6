import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ErrorBody, FieldErrorBody, UnavailableErrorBody, ValidationErrorBody } from './errors';

/** The name of the bearer security scheme every /v1 operation requires. */
export const BEARER = 'bearer';

const BEARER_DESCRIPTION = [
  '`Authorization: Bearer <key>` on every `/v1` call. Keys are **opaque** random strings (stored hashed); only customer tokens are signed JWS. Kinds:',
  '',
  '- **producer**: submits requests, reads what it submitted, previews decisions;',
  '- **agent**: belongs to teams; claims and works their requests;',
  '- **admin**: reference data (products, licences, teams, calendars, SLA plans, people), reports;',
  "- **company**: a business customer's portal key: its own requests and surveys;",
  "- **customer token** (a compact JWS, HS256 with `kid`, of the customer purpose, answered with every created request; it expires `CUSTOMER_TOKEN_TTL_MS` after the request was received): reads (the customer's projection) and answers that one request only.",
  '',
  'A missing or wrong key (or an expired, altered or other-purpose token) is 401; a valid key outside its rights is 403, or 404 where existence itself must not leak.',
].join('\n');

const TAGS: [string, string][] = [
  ['requests', 'Submitting requests, reading them, previewing decisions'],
  ['agents', "Agents' claims with leases, and the request lifecycle (replies, resolve, release, customer replies)"],
  ['surveys', 'Feedback surveys: answering (7.1) and the company list (7.2)'],
  ['company', "A company key's own calls: who it is (the portal's sign-in, rule 7.2)"],
  ['reports', 'Customer satisfaction report'],
  ['admin', 'Reference data: products, licences, teams, calendars, SLA plans, producers, agents, companies'],
  ['operations', 'Health and metrics for load balancers and operators'],
  ['pages', 'Web pages: the public ones sign in with a key in the browser or take a signed token; the admin pages under /admin take the admin key (Bearer, or HTTP Basic for browsers)'],
];

/** The document's frame: info, server, the bearer scheme, tags. Paths come from the controllers. */
export function openApiConfig(): Omit<OpenAPIObject, 'paths'> {
  const builder = new DocumentBuilder()
    .setTitle('Support workflow')
    .setDescription('Intake, eligibility, classification, routing, agents, SLA and surveys (see CONTRACT.md).')
    .setVersion('1')
    .addServer('/', 'The host serving this document')
    // Mostly opaque keys: addBearerAuth would add `bearerFormat: JWT`, which most of these keys are not.
    .addSecurity(BEARER, { type: 'http', scheme: 'bearer', description: BEARER_DESCRIPTION });
  for (const [name, description] of TAGS) builder.addTag(name, description);
  const config = builder.build();
  // package.json says UNLICENSED: a proprietary licence has a name but no public URL (redocly.yaml).
  config.info.license = { name: 'UNLICENSED (proprietary)' };
  return config;
}

/** The OpenAPI document of an app: what /docs serves and `npm run openapi` writes. */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(app, openApiConfig(), { extraModels: [ErrorBody, ValidationErrorBody, FieldErrorBody, UnavailableErrorBody] });
}
