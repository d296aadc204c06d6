import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { RulesService, SETTINGS, type Settings } from '@support/platform';
import type { Response } from 'express';
import { DESK_CSS } from './desk.css';
import { DESK_HTML } from './desk.html';
import { DESK_SCRIPT } from './desk.script';
import { DeskConfigSchema } from './desk.responses';

/**
 * Everything the page loads comes from this origin and nothing runs inline, so the policy can be
 * strict: no inline script or style, no plugins, no framing, API calls to this origin only.
 */
export const DESK_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const COMMON_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * The agents' web page (CONTRACT.md, "Agents": GET /desk). Public: the page holds no data; it
 * signs in with the agent's key and calls the /v1 API with it. The markup, script and styles are
 * TypeScript strings, so `tsc` builds them into dist with nothing to copy.
 */
@ApiTags('pages')
@Controller('desk')
export class DeskController {
  constructor(
    @Inject(SETTINGS) private readonly settings: Settings,
    private readonly rules: RulesService,
  ) {}

  @Get()
  @ApiOperation({ operationId: 'deskPage', summary: "The agents' web page (signs in with an agent key in the browser)", security: [] })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'The page', schema: { type: 'string' } })
  page(@Res() res: Response): void {
    res
      .set({ ...COMMON_HEADERS, 'Content-Security-Policy': DESK_CSP, 'X-Frame-Options': 'DENY', 'Cache-Control': 'no-store' })
      .type('html')
      .send(DESK_HTML);
  }

  @Get('app.js')
  @ApiOperation({ operationId: 'deskScript', summary: "The desk page's script", security: [] })
  @ApiProduces('application/javascript')
  @ApiOkResponse({ description: 'The script', schema: { type: 'string' } })
  script(@Res() res: Response): void {
    res.set({ ...COMMON_HEADERS, 'Cache-Control': 'no-cache' }).type('application/javascript').send(DESK_SCRIPT);
  }

  @Get('app.css')
  @ApiOperation({ operationId: 'deskStyles', summary: "The desk page's styles", security: [] })
  @ApiProduces('text/css')
  @ApiOkResponse({ description: 'The styles', schema: { type: 'string' } })
  styles(@Res() res: Response): void {
    res.set({ ...COMMON_HEADERS, 'Cache-Control': 'no-cache' }).type('text/css').send(DESK_CSS);
  }

  /** What the page needs besides the API: the lease length (it renews at a third of it) and the clause titles of every rules version (public rules text). */
  @Get('config.json')
  @ApiOperation({ operationId: 'deskConfig', summary: 'What the desk page needs besides the API: the lease length and the clause titles of every rules version', security: [] })
  @ApiOkResponse({ description: 'The configuration', type: DeskConfigSchema })
  config(@Res() res: Response): void {
    const rules = Object.fromEntries(
      this.rules.versions.map((set) => [
        set.version,
        Object.fromEntries(Object.entries(set.clauses).map(([id, clause]) => [id, { kind: clause.kind, title: clause.title.en }])),
      ]),
    );
    const latest = this.rules.versions[this.rules.versions.length - 1]?.version ?? null;
    res.set({ ...COMMON_HEADERS, 'Cache-Control': 'no-cache' }).json({ leaseMs: this.settings.leaseMs, latest, rules });
  }
}
