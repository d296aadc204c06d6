import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SubmissionDto, validateInput } from '@support/contracts';
import { checkEligibility, classifyRequest, LICENCE_REGISTRY, type LicenceRegistry, type RequestFacts, routeRequest, splitSubmission } from '@support/domain';
import { ReferenceStore } from '@support/persistence';
import { Access, ApiBodyTooLarge, ApiInvalidInput, ApiKeyErrors, BEARER, RulesService, SubmissionLimit } from '@support/platform';
import { TriagePreviewSchema } from './intake.responses';

/**
 * POST /v1/triage/preview: what the pipeline would decide for a submission (the split, and for
 * each part eligibility, classification, team, priority, SLA plan), storing and queuing nothing.
 */
@ApiTags('requests')
@ApiBearerAuth(BEARER)
@ApiKeyErrors()
@Controller('v1/triage/preview')
export class TriagePreviewController {
  constructor(
    private readonly rules: RulesService,
    private readonly reference: ReferenceStore,
    @Inject(LICENCE_REGISTRY) private readonly licences: LicenceRegistry,
  ) {}

  @Post()
  @HttpCode(200)
  @Access('producer', 'admin')
  @ApiOperation({ operationId: 'previewTriage', summary: 'Preview the decisions for a submission without storing it' })
  @ApiBody({ type: SubmissionDto })
  @ApiOkResponse({ description: 'What the pipeline would decide; nothing is stored or queued', type: TriagePreviewSchema })
  @ApiInvalidInput()
  @ApiBodyTooLarge()
  @SubmissionLimit()
  async preview(@Body() body: unknown) {
    const dto = validateInput(SubmissionDto, body);
    const receivedAt = new Date();
    const ruleSet = this.rules.inForce(receivedAt);
    const [product, licence, teams] = await Promise.all([
      this.reference.product(dto.product.code),
      dto.licenceKey ? this.licences.find(dto.licenceKey) : Promise.resolve(null),
      this.reference.teams(),
    ]);
    const split = splitSubmission(ruleSet, { subject: dto.subject, description: dto.description }, dto.customer.language);
    const parts = split.parts;
    return {
      rulesVersion: ruleSet.version,
      splitting: split.mode,
      problemsDetected: split.problemsDetected,
      notice: split.notice,
      parts: parts.map((part) => {
        const facts: RequestFacts = {
          subject: part.subject,
          description: part.description,
          topic: dto.topic ?? null,
          language: dto.customer.language ?? null,
          country: dto.customer.country.toUpperCase(),
          customerId: dto.customer.id,
          companyId: dto.companyId ?? null,
          productCode: dto.product.code,
          productVersion: dto.product.version,
          platform: dto.platform ?? null,
          receivedAt,
        };
        const { eligibility, outcome: refusal } = checkEligibility(ruleSet, facts, product, licence);
        if (refusal) return { subject: part.subject, eligibility, classification: null, outcome: refusal, team: null, priority: null, slaPlan: null };
        const classified = classifyRequest(ruleSet, facts, eligibility, product);
        const { result } = classified;
        const classification = { clause: result.clause, scope: classified.scope, confidence: result.confidence, caveats: result.caveats, language: result.language, evidence: result.evidence };
        if (classified.outcome) return { subject: part.subject, eligibility, classification, outcome: classified.outcome, team: null, priority: null, slaPlan: null };
        const route = routeRequest(ruleSet, teams, { ...facts, language: facts.language ?? result.language }, eligibility.segment ?? 'home', result.clause, classified.scope, eligibility.supportPlan);
        return {
          subject: part.subject,
          eligibility,
          classification,
          outcome: null,
          team: route?.teamId ?? null,
          routing: route?.reason ?? 'no team for this segment',
          priority: route?.priority ?? null,
          slaPlan: eligibility.supportPlan,
        };
      }),
    };
  }
}
