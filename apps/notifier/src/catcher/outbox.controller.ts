import { Controller, Get, Inject, Param, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiExcludeEndpoint, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AdminPageGuard, ApiKeyErrors, ASSET_HEADERS, BEARER, contentSecurityPolicy, pageHeaders, readClientFile } from '@support/platform';
import type { Response } from 'express';
import { MailCatcher } from './mail-catcher';
import { MAIL_HTML_HEADERS } from './mail-html';
import { mailPage, missingMailPage, outboxPage } from './outbox.pages';

/** The outbox pages run no script at all; the one frame is a caught mail's HTML from this origin. */
export const OUTBOX_CSP = contentSecurityPolicy({ 'style-src': "'self'", 'img-src': "'self'", 'frame-src': "'self'", 'form-action': "'none'" });

const PAGE = { description: 'An HTML page', schema: { type: 'string' } } as const;
const PAGE_404 = (description: string) => ({ status: 404, description, content: { 'text/html': { schema: { type: 'string' } } } });

/**
 * The demo's caught mails (CONTRACT.md, "Reaching people": GET /admin/outbox). Admin only, and a
 * browser can open it: the admin key as Bearer, or as the password of HTTP Basic (the browser asks).
 */
@ApiTags('pages')
@ApiBearerAuth(BEARER)
@Controller('admin/outbox')
export class OutboxController {
  private readonly styleSheet = readClientFile('outbox/outbox.css');

  constructor(@Inject(MailCatcher) private readonly catcher: MailCatcher) {}

  @Get()
  @UseGuards(AdminPageGuard)
  @ApiOperation({ operationId: 'outboxPage', summary: "The demo's caught mails, newest first (admin key as Bearer or as the HTTP Basic password)" })
  @ApiProduces('text/html')
  @ApiOkResponse(PAGE)
  @ApiKeyErrors()
  list(@Res() res: Response): void {
    res.set(pageHeaders(OUTBOX_CSP)).type('html').send(outboxPage(this.catcher.list(), this.catcher));
  }

  @Get('assets/outbox.css')
  @ApiExcludeEndpoint()
  styles(@Res() res: Response): void {
    res.set(ASSET_HEADERS).type('text/css').send(this.styleSheet);
  }

  @Get(':id')
  @UseGuards(AdminPageGuard)
  @ApiOperation({ operationId: 'outboxMailPage', summary: 'One caught mail: its headers, its text part, and its HTML part in a sandboxed frame' })
  @ApiParam({ name: 'id', description: "The catcher's id of the mail" })
  @ApiProduces('text/html')
  @ApiOkResponse(PAGE)
  @ApiResponse(PAGE_404('A page: the catcher holds no such mail'))
  @ApiKeyErrors()
  mail(@Param('id') id: string, @Res() res: Response): void {
    const mail = this.catcher.get(id);
    res.set(pageHeaders(OUTBOX_CSP)).type('html');
    if (!mail) res.status(404).send(missingMailPage(id));
    else res.send(mailPage(mail));
  }

  @Get(':id/html')
  @UseGuards(AdminPageGuard)
  @ApiOperation({ operationId: 'outboxMailHtml', summary: "A caught mail's HTML part alone, under a sandboxing policy (no script runs, nothing loads)" })
  @ApiParam({ name: 'id', description: "The catcher's id of the mail" })
  @ApiProduces('text/html')
  @ApiOkResponse(PAGE)
  @ApiResponse(PAGE_404('No such mail, or it has no HTML part'))
  @ApiKeyErrors()
  mailHtml(@Param('id') id: string, @Res() res: Response): void {
    const html = this.catcher.get(id)?.html;
    res.set(MAIL_HTML_HEADERS).type('html');
    if (html === null || html === undefined) res.status(404).send('No such mail, or it has no HTML part.');
    else res.send(html);
  }
}
