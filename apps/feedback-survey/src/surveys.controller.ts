import { Body, Controller, Get, Header, HttpCode, HttpException, NotFoundException, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { InvalidInputError, validateInput } from '@support/contracts';
import { surveyLanguage } from '@support/domain';
import type { SurveyEntity } from '@support/persistence';
import { Access, ApiBodyTooLarge, ApiError, ApiInvalidInput, ApiKeyErrors, ApiPublicRateLimit, ApiUnavailable, BEARER, Caller, notQueued, pageHeaders, type Principal } from '@support/platform';
import type { Response } from 'express';
import { messagePage, SURVEY_PAGE_CSP, surveyFormPage } from './pages';
import { SurveyAnswerDto } from './survey.dto';
import { PendingSurveysSchema, SurveyAnsweredSchema, SurveyFormBody } from './survey.responses';
import { SurveyPolicyService } from './survey-policy.service';
import { SurveyService } from './survey.service';
import { RequestStore } from '@support/persistence';

/**
 * Answering surveys: the web form for home customers (7.1) at /surveys/:token, the JSON answer
 * at POST /v1/surveys/:token (the token is the credential: signed, expiring, single use), and
 * the company portal's list of pending surveys (7.2).
 */
@ApiTags('surveys')
@Controller()
export class SurveysController {
  constructor(
    private readonly surveys: SurveyService,
    private readonly policy: SurveyPolicyService,
    private readonly requests: RequestStore,
  ) {}

  @Post('v1/surveys/:token')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'answerSurvey',
    summary: 'Answer a survey once: { score: 1-5, feedbackType, comment } (409 when answered, 410 when expired)',
    description: 'No bearer key: the signed, expiring, single-use token in the path is the credential.',
    security: [],
  })
  @ApiParam({ name: 'token', description: 'The survey token from the link or the company list' })
  @ApiBody({ type: SurveyAnswerDto })
  @ApiOkResponse({ description: 'Stored', type: SurveyAnsweredSchema })
  @ApiInvalidInput('Invalid answer (score, or a feedback type the policy does not have)')
  @ApiError(404, 'Not a valid survey link')
  @ApiError(409, 'Already answered')
  @ApiError(410, 'The link has expired')
  @ApiBodyTooLarge()
  @ApiUnavailable('The database cannot be reached: nothing was stored')
  @ApiPublicRateLimit()
  async answer(@Param('token') token: string, @Body() body: unknown) {
    const dto = validateInput(SurveyAnswerDto, body);
    const s = await this.surveys.answer(token, dto);
    return { surveyId: s.id, status: s.status, score: s.score, feedbackType: s.feedbackType, answeredAt: s.answeredAt, ...(s.queued ? {} : notQueued('what follows')) };
  }

  @Get('v1/companies/:companyId/surveys')
  @Access('company', 'admin')
  @ApiBearerAuth(BEARER)
  @ApiOperation({ operationId: 'listCompanySurveys', summary: "A company's pending surveys (rule 7.2), each with its token for POST /v1/surveys/:token" })
  @ApiParam({ name: 'companyId', description: 'The company (a company key may only ask for its own)' })
  @ApiOkResponse({ description: 'Pending surveys', type: PendingSurveysSchema })
  @ApiKeyErrors()
  @ApiError(404, "Another company's id (existence does not leak)")
  @ApiUnavailable()
  async pending(@Param('companyId') companyId: string, @Caller() caller: Principal) {
    // Another company's surveys do not exist for this caller.
    if (caller.kind === 'company' && caller.id !== companyId) throw new NotFoundException(`company ${companyId} not found`);
    return { companyId, items: await this.surveys.pendingForCompany(companyId) };
  }

  @Get('surveys/:token')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiTags('pages')
  @ApiOperation({ operationId: 'surveyForm', summary: 'The survey web form for home customers (rule 7.1); works without script', security: [] })
  @ApiParam({ name: 'token', description: 'The survey token from the link' })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'The form', schema: { type: 'string', description: 'An HTML page' } })
  @ApiResponse({ status: 404, description: 'A page: not a valid survey link', schema: { type: 'string', description: 'An HTML page' } })
  @ApiResponse({ status: 409, description: 'A page: already answered', schema: { type: 'string', description: 'An HTML page' } })
  @ApiResponse({ status: 410, description: 'A page: the link has expired', schema: { type: 'string', description: 'An HTML page' } })
  @ApiPublicRateLimit()
  async form(@Param('token') token: string, @Res() res: Response) {
    res.set(pageHeaders(SURVEY_PAGE_CSP));
    try {
      const survey = await this.surveys.open(token);
      res.status(200).send(await this.formHtml(survey, token));
    } catch (error) {
      this.sendProblem(res, error);
    }
  }

  /** The form's own post (application/x-www-form-urlencoded): the same answer, then a page. */
  @Post('surveys/:token')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiTags('pages')
  @ApiOperation({ operationId: 'submitSurveyForm', summary: "The survey form's own post: stores the answer once, then a thank-you page", security: [] })
  @ApiParam({ name: 'token', description: 'The survey token from the link' })
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiBody({ type: SurveyFormBody })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'The thank-you page', schema: { type: 'string', description: 'An HTML page' } })
  @ApiResponse({ status: 400, description: 'The form again, saying what to fix', schema: { type: 'string', description: 'An HTML page' } })
  @ApiResponse({ status: 404, description: 'A page: not a valid survey link', schema: { type: 'string', description: 'An HTML page' } })
  @ApiResponse({ status: 409, description: 'A page: already answered', schema: { type: 'string', description: 'An HTML page' } })
  @ApiResponse({ status: 410, description: 'A page: the link has expired', schema: { type: 'string', description: 'An HTML page' } })
  @ApiPublicRateLimit()
  async formPost(@Param('token') token: string, @Body() body: Record<string, unknown>, @Res() res: Response) {
    res.set(pageHeaders(SURVEY_PAGE_CSP));
    const raw = body ?? {};
    const fields = { score: /^\d+$/.test(String(raw.score ?? '')) ? Number(raw.score) : raw.score, feedbackType: raw.feedbackType, ...(raw.comment ? { comment: raw.comment } : {}) };
    try {
      const dto = validateInput(SurveyAnswerDto, fields);
      const s = await this.surveys.answer(token, dto);
      const lang = surveyLanguage(s.language);
      res.status(200).send(messagePage(lang, this.policy.text(lang, 'title'), this.policy.text(lang, 'thanks')));
    } catch (caught) {
      let error = caught;
      if (error instanceof InvalidInputError) {
        try {
          const survey = await this.surveys.open(token);
          const lang = surveyLanguage(survey.language);
          res.status(400).send(await this.formHtml(survey, token, this.policy.text(lang, 'invalid')));
          return;
        } catch (inner) {
          error = inner;
        }
      }
      this.sendProblem(res, error);
    }
  }

  private async formHtml(survey: SurveyEntity, token: string, error?: string): Promise<string> {
    const lang = surveyLanguage(survey.language);
    const t = (k: Parameters<SurveyPolicyService['text']>[1], v?: Record<string, string>) => this.policy.text(lang, k, v);
    const subject = survey.kind === 'transactional' ? ((await this.requests.find(survey.requestId))?.subject ?? '') : '';
    return surveyFormPage(
      lang,
      token,
      {
        title: t('title'),
        intro: survey.kind === 'transactional' ? t('intro', { subject }) : t('introRelationship'),
        typeLegend: t('typeLegend'),
        scoreLegend: t('scoreLegend'),
        scoreLow: t('scoreLow'),
        scoreHigh: t('scoreHigh'),
        commentLabel: t('commentLabel'),
        submit: t('submit'),
      },
      this.policy.policy.feedbackTypes,
      error,
    );
  }

  private sendProblem(res: Response, error: unknown): void {
    if (!(error instanceof HttpException)) throw error;
    const survey = (error as { survey?: SurveyEntity }).survey;
    const lang = surveyLanguage(survey?.language);
    const reason = (error.getResponse() as { reason?: string }).reason;
    const key = reason === 'expired' ? 'expired' : reason === 'answered' ? 'answered' : 'unknown';
    res.status(error.getStatus()).send(messagePage(lang, this.policy.text(lang, 'title'), this.policy.text(lang, key)));
  }
}
