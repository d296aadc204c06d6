import { Controller } from '@nestjs/common';
import { BundledPageController } from '@support/platform';
import { portalPage } from './portal.page';

/**
 * The company portal page (rule 7.2; CONTRACT.md: GET /portal). Public: the page holds no data; it
 * signs in with the company key in the browser and calls the /v1 API with it (the company's
 * requests, their conversation and answers, pending surveys). Markup in portal.page.ts; script and
 * styles in client/, bundled by esbuild into dist/client/portal/.
 */
@Controller('portal')
export class PortalController extends BundledPageController({
  path: 'portal',
  markup: portalPage,
  name: 'portal',
  summary: 'The company portal page (signs in with a company key in the browser)',
}) {}
