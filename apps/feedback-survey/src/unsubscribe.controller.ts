import { Controller, Get, Header, Param, Post, Req, Res } from '@nestjs/common';
import { ApiConsumes, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { surveyLanguage } from '@support/domain';
import { ApiPublicRateLimit, pageHeaders } from '@support/platform';
import type { Request, Response } from 'express';
import { messagePage, SURVEY_PAGE_CSP, unsubscribePage } from './pages';
import { SurveyOptOuts } from './survey-opt-outs';
import { SurveyPolicyService } from './survey-policy.service';

const PAGE = { type: 'string', description: 'An HTML page' };

/**
 * The survey mails' unsubscribe link (List-Unsubscribe, with List-Unsubscribe-Post for mail
 * clients' one-click unsubscribe, RFC 8058). GET asks, POST does it: a link scanner that follows
 * the link unsubscribes nobody.
 */
@ApiTags('pages')
@Controller('surveys/unsubscribe')
export class UnsubscribeController {
  constructor(
    private readonly optOuts: SurveyOptOuts,
    private readonly policy: SurveyPolicyService,
  ) {}

  @Get(':token')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ operationId: 'unsubscribePage', summary: 'Asks whether to receive no more surveys (the link in every survey mail)', security: [] })
  @ApiParam({ name: 'token', description: 'The token from the link' })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'The question, with a button', schema: PAGE })
  @ApiResponse({ status: 404, description: 'A page: not a valid link', schema: PAGE })
  @ApiPublicRateLimit()
  async ask(@Param('token') token: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const lang = this.language(req);
    res.set(pageHeaders(SURVEY_PAGE_CSP));
    if (!(await this.optOuts.customerOf(token))) return void res.status(404).send(messagePage(lang, this.policy.text(lang, 'unsubscribeTitle'), this.policy.text(lang, 'unknown')));
    res
      .status(200)
      .send(unsubscribePage(lang, token, { title: this.policy.text(lang, 'unsubscribeTitle'), ask: this.policy.text(lang, 'unsubscribeAsk'), button: this.policy.text(lang, 'unsubscribeButton') }));
  }

  @Post(':token')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ operationId: 'unsubscribe', summary: "No more surveys for this customer (the page's button, or a mail client's one-click POST)", security: [] })
  @ApiParam({ name: 'token', description: 'The token from the link' })
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'Done (also when it was done before)', schema: PAGE })
  @ApiResponse({ status: 404, description: 'A page: not a valid link', schema: PAGE })
  @ApiPublicRateLimit()
  async unsubscribe(@Param('token') token: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const lang = this.language(req);
    res.set(pageHeaders(SURVEY_PAGE_CSP));
    const customerId = await this.optOuts.customerOf(token);
    if (!customerId) return void res.status(404).send(messagePage(lang, this.policy.text(lang, 'unsubscribeTitle'), this.policy.text(lang, 'unknown')));
    await this.optOuts.optOut(customerId);
    res.status(200).send(messagePage(lang, this.policy.text(lang, 'unsubscribeTitle'), this.policy.text(lang, 'unsubscribed')));
  }

  /** The page's language: the browser's first choice the survey texts exist in. */
  private language(req: Request) {
    return surveyLanguage((req.acceptsLanguages('en', 'lv', 'ru') || 'en') as string);
  }
}
