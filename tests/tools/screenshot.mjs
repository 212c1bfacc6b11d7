// Takes the README's screenshot: loads the demo, trains, snaps to the cost optimum.
// Usage: npm run build && (npx vite preview &) && node tests/tools/screenshot.mjs [out.png] [--dark] [--width=1366] [--height=768] [--full] [--scores] [--view=KEY]
// Without --full it captures the viewport: what a user sees without scrolling. --view=KEY first
// follows the strip's link to that view of the second area (data-view of a view-link: calibration, export, …).
import { chromium } from '@playwright/test';
import { findChromium } from '../e2e/chromium-path.mjs';

const out = process.argv[2] ?? 'docs/screenshot.png';
const dark = process.argv.includes('--dark');
const width = Number(process.argv.find((a) => a.startsWith('--width='))?.slice(8) ?? 1366);
const height = Number(process.argv.find((a) => a.startsWith('--height='))?.slice(9) ?? 768);
const browser = await chromium.launch({ executablePath: findChromium() ?? undefined, args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width, height }, colorScheme: dark ? 'dark' : 'light' });
await page.goto(process.env.URL ?? 'http://127.0.0.1:4173/');
if (process.argv.includes('--scores')) {
  // A scores file with a second model and a site column: compare, band and slices on.
  let seed = 7;
  const random = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const lines = ['id,site,score,old_model,label'];
  for (let i = 0; i < 5000; i++) {
    const y = random() < 0.08 ? 1 : 0;
    const noise = () => (random() + random() + random()) / 3;
    const score = Math.min(1, Math.max(0, 0.22 * y + 0.8 * noise() - 0.1));
    const old = Math.min(1, Math.max(0, 0.12 * y + 0.8 * noise() - 0.05));
    lines.push(`${i + 1},${['north', 'south', 'east'][i % 3]},${score.toFixed(3)},${old.toFixed(3)},${y ? 'fraud' : 'ok'}`);
  }
  await page.getByTestId('file-input').setInputFiles({ name: 'claims-scores.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
  await page.getByTestId('roc-handle').waitFor();
  await page.getByTestId('cost-fn').fill('25');
  await page.getByTestId('optimal-button').click();
  await page.getByTestId('compare-select').selectOption('old_model');
  await page.getByTestId('band-toggle').check();
  await page.getByTestId('slice-select').selectOption('site');
  await page.getByTestId('metric-roc-auc-ci').filter({ hasText: 'bootstrap)' }).waitFor();
} else {
  await page.getByTestId('demo-button').click();
  await page.getByTestId('epochs-input').fill('15');
  await page.getByTestId('train-button').click();
  await page.getByTestId('training-status').and(page.locator('[data-state="done"]')).waitFor({ timeout: 120_000 });
}
await page.getByTestId('metric-roc-auc-ci').filter({ hasText: 'bootstrap' }).filter({ hasNotText: '%' }).waitFor({ timeout: 120_000 });
const view = process.argv.find((a) => a.startsWith('--view='))?.slice(7);
if (view) {
  await page.locator(`[data-testid="view-link"][data-view="${view}"]`).click();
  // The link focuses the view's heading; a screenshot shows the page as after a mouse click.
  await page.evaluate(() => document.activeElement instanceof HTMLElement && document.activeElement.blur());
}
// A full-page capture starts from the top, where the sticky strip sits above the curves.
if (process.argv.includes('--full')) await page.evaluate(() => window.scrollTo(0, 0));
await page.mouse.move(1, 1);
await page.screenshot({ path: out, fullPage: process.argv.includes('--full') });
await browser.close();
console.log(`wrote ${out}`);
