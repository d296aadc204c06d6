import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ASSET_HEADERS, BundledPageController, RulesService, SETTINGS, type Settings } from '@support/platform';
import type { Response } from 'express';
import { deskPage } from './desk.page';
import { DeskConfigSchema } from './desk.responses';

/**
 * The agents' web page (CONTRACT.md, "Agents": GET /desk). Public: the page holds no data; it
 * signs in with the agent's key and calls the /v1 API with it. The markup is a template
 * (desk.page.ts); the script and styles are client/*.ts and client/desk.css, bundled by esbuild
 * into dist/client/desk/ at build time and served by the page controller (BundledPageController).
 */
@Controller('desk')
export class DeskController extends BundledPageController({
  path: 'desk',
  markup: deskPage,
  name: 'desk',
  summary: "The agents' web page (signs in with an agent key in the browser)",
}) {
  constructor(
    @Inject(SETTINGS) private readonly settings: Settings,
    private readonly rules: RulesService,
  ) {
    super();
  }

  /** What the page needs besides the API: the lease length (it renews at a third of it) and the clause titles of every rules version in every language (public rules text). */
  @Get('config.json')
  @ApiOperation({ operationId: 'deskConfig', summary: 'What the desk page needs besides the API: the lease length and the clause titles of every rules version', security: [] })
  @ApiOkResponse({ description: 'The configuration', type: DeskConfigSchema })
  config(@Res() res: Response): void {
    const rules = Object.fromEntries(
      this.rules.versions.map((set) => [set.version, Object.fromEntries(Object.entries(set.clauses).map(([id, clause]) => [id, { kind: clause.kind, title: clause.title.en, titles: clause.title }]))]),
    );
    const latest = this.rules.versions[this.rules.versions.length - 1]?.version ?? null;
    res.set(ASSET_HEADERS).json({ leaseMs: this.settings.leaseMs, latest, rules });
  }
}
