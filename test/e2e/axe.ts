/**
 * axe-core in the page, for the accessibility tests. The page's CSP (rightly) refuses
 * injected scripts, so only contexts made with `bypassCSP: true` can be scanned; the
 * other tests keep checking that the CSP holds.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface Violation {
  state: string;
  rule: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/** Runs axe-core on the page as it is now, in light and in dark mode; returns every violation. */
export async function scan(page: Page, state: string): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  const found: Violation[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
      const results = await axe.run(document, { resultTypes: ['violations'] });
      return results.violations.map((v) => ({
        rule: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map((node) => node.target.join(' ')),
      }));
    });
    found.push(...violations.map((v) => ({ state: `${state} (${colorScheme})`, ...v })));
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}
