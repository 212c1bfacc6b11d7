/**
 * The decision report, as a person gets it: downloaded from the export panel, opened in Chromium
 * with the network blocked (it makes no request), its matrix and threshold equal to the page's,
 * printed to PDF within the page budget, and the same as `npx cutoff report` on the page's own
 * export but for the time each was written.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from '@playwright/test';
import { confusionOf, expect, test, trainDemo, uploadText } from './fixtures';

const GROUPS_CSV = readFileSync(fileURLToPath(new URL('../fixtures/decisions/groups.csv', import.meta.url)), 'utf8');
const strip = (html: string) => html.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/g, 'TIME');

test.beforeAll(() => {
  execFileSync('npm', ['run', 'build:cli'], { stdio: 'pipe' });
});

/** Downloads the point and the report at the same settings, as files in a fresh folder. */
async function downloadBoth(page: Page): Promise<{ dir: string; point: string; report: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'cutoff-report-'));
  const save = async (testId: string, name: string) => {
    const download = page.waitForEvent('download');
    await page.getByTestId(testId).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(name);
    await file.saveAs(join(dir, name));
    return join(dir, name);
  };
  return { dir, point: await save('export-button', 'operating-point.json'), report: await save('report-button', 'cutoff-report.html') };
}

/** Opens the report with every request refused, checks it against the page, prints it; returns its page count. */
async function openOffline(browser: Browser, report: string, shown: { threshold: number; matrix: Record<string, number> }): Promise<number> {
  const context = await browser.newContext({ offline: true });
  const requests: string[] = [];
  await context.route('**/*', (route) => {
    requests.push(route.request().url());
    return route.request().url().startsWith('file:') ? route.continue() : route.abort();
  });
  const page = await context.newPage();
  await page.goto(`file://${report}`);
  expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
  const matrix = page.getByTestId('report-matrix');
  for (const [k, v] of Object.entries(shown.matrix)) await expect(matrix).toHaveAttribute(`data-${k}`, String(v));
  await expect(page.locator('[data-threshold]').first()).toHaveAttribute('data-threshold', String(shown.threshold));
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  writeFileSync(report.replace(/\.html$/, '.pdf'), pdf);
  await context.close();
  return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

test('a score file with groups, a review band and risk bands: the report equals the page and the command, and prints', async ({ page, browser }) => {
  await page.goto('/');
  await uploadText(page, 'groups.csv', GROUPS_CSV);
  await expect(page.getByTestId('cockpit')).toBeVisible();
  await page.getByTestId('group-select').selectOption('group');
  await page.getByTestId('group-strategy').selectOption('equal-opportunity');
  await page.getByTestId('bands-input').fill('0.2, 0.5, 0.8');
  await page.getByTestId('band-toggle').click();
  await expect(page.getByTestId('band-review')).toBeVisible();
  const { dir, point, report } = await downloadBoth(page);
  const threshold = Number(await page.getByTestId('threshold-input').inputValue());
  const pages = await openOffline(browser, report, { threshold, matrix: await confusionOf(page) });
  expect(pages).toBeLessThanOrEqual(5);
  const html = readFileSync(report, 'utf8');
  expect(html).toContain('Thresholds per group (group, strategy equal-opportunity)');
  expect(html).toContain('Review band: scores from');
  expect(html).toContain('<caption>Risk bands</caption>');
  const command = spawnSync('npx', ['cutoff', 'report', point, '-o', join(dir, 'from-command.html')], { encoding: 'utf8' });
  expect(command.stderr).toBe('');
  expect(command.status).toBe(0);
  expect(strip(readFileSync(join(dir, 'from-command.html'), 'utf8'))).toBe(strip(html));
});

test('the demo, trained in the page: the report states the model and the validation split, and fits 4 A4 pages', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await trainDemo(page);
  const { dir, point, report } = await downloadBoth(page);
  const threshold = Number(await page.getByTestId('threshold-input').inputValue());
  const pages = await openOffline(browser, report, { threshold, matrix: await confusionOf(page) });
  expect(pages).toBeLessThanOrEqual(4);
  const html = readFileSync(report, 'utf8');
  expect(html).toContain('the hold-out validation split');
  expect(html).toMatch(/a neural network trained in Cutoff: hidden layers \d+/);
  const command = spawnSync('npx', ['cutoff', 'report', point], { encoding: 'utf8' });
  expect(command.status).toBe(0);
  expect(strip(command.stdout)).toBe(strip(html));
  writeFileSync(join(dir, 'done'), '');
});
