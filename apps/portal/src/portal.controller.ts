import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiPublicRateLimit, ASSET_HEADERS, contentSecurityPolicy, pageHeaders, readClientFile } from '@support/platform';
import type { Response } from 'express';
import { portalPage } from './portal.page';

/** Like the desk: everything from this origin, nothing inline, API calls to this origin only. */
export const PORTAL_CSP = contentSecurityPolicy({
  'script-src': "'self'",
  'style-src': "'self'",
  'connect-src': "'self'",
  'img-src': "'self'",
  'form-action': "'none'",
});

/**
 * The company portal page (rule 7.2; CONTRACT.md: GET /portal). Public: the page holds no data; it
 * signs in with the company key in the browser and calls the /v1 API with it (the company's
 * requests, their conversation and answers, pending surveys). Markup in portal.page.ts; script and
 * styles in client/, bundled by esbuild into dist/client/portal/ and read once at start.
 */
@ApiTags('pages')
@ApiPublicRateLimit()
@Controller('portal')
export class PortalController {
  private readonly markup = portalPage().value;
  private readonly bundle = readClientFile('portal/app.js');
  private readonly styleSheet = readClientFile('portal/app.css');

  @Get()
  @ApiOperation({ operationId: 'portalPage', summary: 'The company portal page (signs in with a company key in the browser)', security: [] })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'The page', schema: { type: 'string' } })
  page(@Res() res: Response): void {
    res.set(pageHeaders(PORTAL_CSP)).type('html').send(this.markup);
  }

  @Get('app.js')
  @ApiOperation({ operationId: 'portalScript', summary: "The portal page's script", security: [] })
  @ApiProduces('application/javascript')
  @ApiOkResponse({ description: 'The script', schema: { type: 'string' } })
  script(@Res() res: Response): void {
    res.set(ASSET_HEADERS).type('application/javascript').send(this.bundle);
  }

  @Get('app.css')
  @ApiOperation({ operationId: 'portalStyles', summary: "The portal page's styles", security: [] })
  @ApiProduces('text/css')
  @ApiOkResponse({ description: 'The styles', schema: { type: 'string' } })
  styles(@Res() res: Response): void {
    res.set(ASSET_HEADERS).type('text/css').send(this.styleSheet);
  }
}
