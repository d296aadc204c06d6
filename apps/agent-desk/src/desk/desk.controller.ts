import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { RulesService, SETTINGS, type Settings } from '@support/platform';
import type { Response } from 'express';
import { DESK_CSS } from './desk.css';
import { DESK_HTML } from './desk.html';
import { DESK_SCRIPT } from './desk.script';

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
@ApiExcludeController()
@Controller('desk')
export class DeskController {
  constructor(
    @Inject(SETTINGS) private readonly settings: Settings,
    private readonly rules: RulesService,
  ) {}

  @Get()
  page(@Res() res: Response): void {
    res
      .set({ ...COMMON_HEADERS, 'Content-Security-Policy': DESK_CSP, 'X-Frame-Options': 'DENY', 'Cache-Control': 'no-store' })
      .type('html')
      .send(DESK_HTML);
  }

  @Get('app.js')
  script(@Res() res: Response): void {
    res.set({ ...COMMON_HEADERS, 'Cache-Control': 'no-cache' }).type('application/javascript').send(DESK_SCRIPT);
  }

  @Get('app.css')
  styles(@Res() res: Response): void {
    res.set({ ...COMMON_HEADERS, 'Cache-Control': 'no-cache' }).type('text/css').send(DESK_CSS);
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
    res.set({ ...COMMON_HEADERS, 'Cache-Control': 'no-cache' }).json({ leaseMs: this.settings.leaseMs, latest, rules });
  }
}
