import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/**
 * axe-core (a devDependency, pinned) in a page under test: every serious or critical violation of
 * its WCAG rules, as lines naming the rule and the elements. The pages run under a strict script
 * policy (script-src 'self'), which refuses the inline <script> that `page.addScriptTag` adds (and
 * logs a violation the page tests count as a problem), so axe's own file is evaluated through the
 * debugging protocol instead, which the page's policy does not govern.
 */
const AXE = require.resolve('axe-core/axe.min.js');
const BLOCKING = ['serious', 'critical'];

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
}

async function inject(page: Page): Promise<void> {
  if (await page.evaluate('typeof window.axe === "object"')) return;
  await page.evaluate(readFileSync(AXE, 'utf8'));
}

/** The serious and critical violations on the page as it is now (empty when there are none). */
export async function axeViolations(page: Page): Promise<string[]> {
  await inject(page);
  const result = (await page.evaluate('axe.run(document, { resultTypes: ["violations"] })')) as AxeResult;
  return result.violations
    .filter((v) => BLOCKING.includes(v.impact ?? ''))
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 5)
          .map((n) => n.target.join(' '))
          .join(', ')}${v.nodes.length > 5 ? ` and ${v.nodes.length - 5} more` : ''}`,
    );
}
