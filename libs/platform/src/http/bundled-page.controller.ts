import { Controller, Get, Res, type Type } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiPublicRateLimit } from '../openapi/errors';
import { readClientFile } from './client-bundle';
import type { SafeHtml } from './html';
import { ASSET_HEADERS, contentSecurityPolicy, pageHeaders } from './page-headers';

/**
 * The policy of a page whose script and styles come from this origin and that calls the API of this
 * origin only: nothing inline, no plugins, no framing, no form posts.
 */
export const SCRIPTED_PAGE_CSP = contentSecurityPolicy({
  'script-src': "'self'",
  'style-src': "'self'",
  'connect-src': "'self'",
  'img-src': "'self'",
  'form-action': "'none'",
});

export interface BundledPage {
  /** The route, e.g. 'desk': the page at /desk, its bundle at /desk/app.js and /desk/app.css. */
  path: string;
  /** The page's markup (made once, when the app starts). */
  markup: () => SafeHtml;
  /** The stem of the operation ids (`deskPage`, `deskScript`, `deskStyles`) and the page's name in their summaries. */
  name: string;
  /** The page's summary in the OpenAPI document. */
  summary: string;
}

/**
 * A controller class for a page that signs in with a key in the browser (/desk, /portal): public
 * (the page holds no data), its markup and its esbuild bundle (dist/client/<path>/app.js and
 * app.css, read once at start) under SCRIPTED_PAGE_CSP. Extend it with @Controller(path) for more routes.
 */
export function BundledPageController(p: BundledPage): Type<object> {
  @ApiTags('pages')
  @ApiPublicRateLimit()
  @Controller(p.path)
  class PageController {
    private readonly markup = p.markup().value;
    private readonly bundle = readClientFile(`${p.path}/app.js`);
    private readonly styleSheet = readClientFile(`${p.path}/app.css`);

    @Get()
    @ApiOperation({ operationId: `${p.name}Page`, summary: p.summary, security: [] })
    @ApiProduces('text/html')
    @ApiOkResponse({ description: 'The page', schema: { type: 'string' } })
    page(@Res() res: Response): void {
      res.set(pageHeaders(SCRIPTED_PAGE_CSP)).type('html').send(this.markup);
    }

    @Get('app.js')
    @ApiOperation({ operationId: `${p.name}Script`, summary: `The ${p.name} page's script`, security: [] })
    @ApiProduces('application/javascript')
    @ApiOkResponse({ description: 'The script', schema: { type: 'string' } })
    script(@Res() res: Response): void {
      res.set(ASSET_HEADERS).type('application/javascript').send(this.bundle);
    }

    @Get('app.css')
    @ApiOperation({ operationId: `${p.name}Styles`, summary: `The ${p.name} page's styles`, security: [] })
    @ApiProduces('text/css')
    @ApiOkResponse({ description: 'The styles', schema: { type: 'string' } })
    styles(@Res() res: Response): void {
      res.set(ASSET_HEADERS).type('text/css').send(this.styleSheet);
    }
  }
  return PageController;
}
