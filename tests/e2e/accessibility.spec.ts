/**
 * An axe-core audit (WCAG 2 A/AA and best practices) of what a person sees: the first screen,
 * the cockpit after training with every step unfolded and every view rendered, the dark
 * scheme, and the decision report. axe is injected by the test (the page never ships it), so
 * the page's CSP is bypassed for this spec only.
 */
import { createRequire } from 'node:module';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test, trainDemo } from './fixtures';

test.use({ bypassCSP: true });

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe's violations on the page, as one line each (rule, impact, where). */
async function audit(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function trainedDemo(page: Page): Promise<void> {
  await trainDemo(page);
  for (const toggle of ['data-fold-toggle', 'train-fold-toggle']) {
    const button = page.getByTestId(toggle);
    if ((await button.count()) > 0 && (await button.getAttribute('aria-expanded')) === 'false') await button.click();
  }
}

test('the first screen has no accessibility violation', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('demo-button')).toBeVisible();
  expect(await audit(page)).toEqual([]);
});

test('the cockpit after training, every step open, has none, in the light and the dark scheme', async ({ page }) => {
  test.setTimeout(150_000);
  await trainedDemo(page);
  expect(await audit(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await audit(page)).toEqual([]);
});

test('the decision report has none', async ({ page }) => {
  test.setTimeout(150_000);
  await trainedDemo(page);
  const download = page.waitForEvent('download');
  await page.getByTestId('report-button').click();
  const file = join(mkdtempSync(join(tmpdir(), 'cutoff-a11y-')), 'cutoff-report.html');
  await (await download).saveAs(file);
  await page.goto(`file://${file}`);
  expect(await audit(page)).toEqual([]);
});
