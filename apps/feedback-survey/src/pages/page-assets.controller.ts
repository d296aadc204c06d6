import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ASSET_HEADERS, readClientFile } from '@support/platform';
import type { Response } from 'express';

/**
 * The survey pages' styles and the CSAT report's script: client/*, bundled by esbuild into
 * dist/client/surveys/ at build time and read from there once, when the app starts.
 */
@ApiExcludeController()
@Controller()
export class PageAssetsController {
  private readonly surveyCss = readClientFile('surveys/survey.css');
  private readonly csatCss = readClientFile('surveys/csat-report.css');
  private readonly csatJs = readClientFile('surveys/csat-report.js');

  @Get('surveys/assets/survey.css')
  surveyStyles(@Res() res: Response): void {
    res.set(ASSET_HEADERS).type('text/css').send(this.surveyCss);
  }

  @Get('reports/csat/app.css')
  reportStyles(@Res() res: Response): void {
    res.set(ASSET_HEADERS).type('text/css').send(this.csatCss);
  }

  @Get('reports/csat/app.js')
  reportScript(@Res() res: Response): void {
    res.set(ASSET_HEADERS).type('application/javascript').send(this.csatJs);
  }
}
