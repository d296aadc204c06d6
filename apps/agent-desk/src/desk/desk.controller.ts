import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ASSET_HEADERS, contentSecurityPolicy, pageHeaders, readClientFile, RulesService, SETTINGS, type Settings } from '@support/platform';
import type { Response } from 'express';
import { deskPage } from './desk.page';

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
@ApiExcludeController()
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
  page(@Res() res: Response): void {
    res
      .set(pageHeaders(DESK_CSP))
      .type('html')
      .send(this.markup);
  }

  @Get('app.js')
  script(@Res() res: Response): void {
    res.set(ASSET_HEADERS).type('application/javascript').send(this.bundle);
  }

  @Get('app.css')
  styles(@Res() res: Response): void {
    res.set(ASSET_HEADERS).type('text/css').send(this.styleSheet);
  }

  /** What the page needs besides the API: the lease length (it renews at a third of it) and the clause titles of every rules version (public rules text). */
  @Get('config.json')
  config(@Res() res: Response): void {
    const rules = Object.fromEntries(
      this.rules.versions.map((set) => [
        set.version,
        Object.fromEntries(Object.entries(set.clauses).map(([id, clause]) => [id, { kind: clause.kind, title: clause.title.en }])),
      ]),
    );
    const latest = this.rules.versions[this.rules.versions.length - 1]?.version ?? null;
    res.set(ASSET_HEADERS).json({ leaseMs: this.settings.leaseMs, latest, rules });
  }
}
