import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiPublicRateLimit, ASSET_HEADERS, contentSecurityPolicy, pageHeaders, readClientFile, RulesService, SETTINGS, type Settings } from '@support/platform';
import type { Response } from 'express';
import { deskPage } from './desk.page';
import { DeskConfigSchema } from './desk.responses';

/**
 * Everything the page loads comes from this origin and nothing runs inline, so the policy can be
 * strict: no inline script or style, no plugins, no framing, API calls to this origin only.
 */
export const DESK_CSP = contentSecurityPolicy({
  'script-src': "'self'",
  'style-src': "'self'",
  'connect-src': "'self'",
  'img-src': "'self'",
  'form-action': "'none'",
});

/**
 * The agents' web page (CONTRACT.md, "Agents": GET /desk). Public: the page holds no data; it
 * signs in with the agent's key and calls the /v1 API with it. The markup is a template
 * (desk.page.ts); the script and styles are client/*.ts and client/desk.css, bundled by esbuild
 * into dist/client/desk/ at build time and read from there once, when the app starts.
 */
@ApiTags('pages')
@ApiPublicRateLimit()
@Controller('desk')
export class DeskController {
  private readonly markup = deskPage().value;
  private readonly bundle = readClientFile('desk/app.js');
  private readonly styleSheet = readClientFile('desk/app.css');

  constructor(
    @Inject(SETTINGS) private readonly settings: Settings,
    private readonly rules: RulesService,
  ) {}

  @Get()
  @ApiOperation({ operationId: 'deskPage', summary: "The agents' web page (signs in with an agent key in the browser)", security: [] })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'The page', schema: { type: 'string' } })
  page(@Res() res: Response): void {
    res.set(pageHeaders(DESK_CSP)).type('html').send(this.markup);
  }

  @Get('app.js')
  @ApiOperation({ operationId: 'deskScript', summary: "The desk page's script", security: [] })
  @ApiProduces('application/javascript')
  @ApiOkResponse({ description: 'The script', schema: { type: 'string' } })
  script(@Res() res: Response): void {
    res.set(ASSET_HEADERS).type('application/javascript').send(this.bundle);
  }

  @Get('app.css')
  @ApiOperation({ operationId: 'deskStyles', summary: "The desk page's styles", security: [] })
  @ApiProduces('text/css')
  @ApiOkResponse({ description: 'The styles', schema: { type: 'string' } })
  styles(@Res() res: Response): void {
    res.set(ASSET_HEADERS).type('text/css').send(this.styleSheet);
  }

  /** What the page needs besides the API: the lease length (it renews at a third of it) and the clause titles of every rules version (public rules text). */
  @Get('config.json')
  @ApiOperation({ operationId: 'deskConfig', summary: 'What the desk page needs besides the API: the lease length and the clause titles of every rules version', security: [] })
  @ApiOkResponse({ description: 'The configuration', type: DeskConfigSchema })
  config(@Res() res: Response): void {
    const rules = Object.fromEntries(
      this.rules.versions.map((set) => [set.version, Object.fromEntries(Object.entries(set.clauses).map(([id, clause]) => [id, { kind: clause.kind, title: clause.title.en }]))]),
    );
    const latest = this.rules.versions[this.rules.versions.length - 1]?.version ?? null;
    res.set(ASSET_HEADERS).json({ leaseMs: this.settings.leaseMs, latest, rules });
  }
}
