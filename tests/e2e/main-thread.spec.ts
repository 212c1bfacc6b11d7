import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * No main-thread task over 50 ms (issues 24 and 33) with 1,000,000 scored rows in 10 groups:
 * from the file's drop to the cockpit (the label and score passes run in the parse worker),
 * while a group column is chosen and all six strategies are switched through, while the threshold is
 * dragged with the groups shown, while the operating point is exported, and while both
 * calibration maps are fitted and shown. Every long task
 * the browser reports (PerformanceObserver 'longtask': any task over 50 ms) fails the test.
 */

const ROWS = 1_000_000;
const GROUPS = 10;
const STRATEGIES = ['group-cost', 'equal-opportunity', 'equal-odds-fpr', 'demographic-parity', 'equal-accuracy', 'single'] as const;

/** score,label,region: the groups differ in prevalence and in how high their scores run. */
function scoredCsv(): Buffer {
  let state = 20261204;
  // mulberry32, the project's PRNG (src/data/random.ts).
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const lines: string[] = ['score,label,region'];
  for (let i = 0; i < ROWS; i++) {
    const g = i % GROUPS;
    const positive = random() < 0.05 + 0.01 * g;
    const score = Math.min(1, Math.max(0, (positive ? 0.3 : 0) + 0.02 * g + 0.65 * random()));
    lines.push(`${score.toFixed(5)},${positive ? 1 : 0},r${g}`);
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

async function longTasks(page: Page): Promise<number[]> {
  return page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks.splice(0));
}

// A long task is the page's work plus whatever else the 2 cores run at that moment (Playwright,
// the preview server, another process): a task near 50 ms crosses the line on a busy machine now
// and then. Two more tries tell that noise from a real regression, which fails every try.
test.describe.configure({ retries: 2 });

test('1,000,000 scores in 10 groups: loading, strategies, a drag, the export and calibration never block the page for 50 ms', async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__longTasks.push(Math.round(entry.duration));
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto('/');
  // From a file on disk, as a person picks one: a buffer would be decoded by Playwright's own
  // script in the page, a long task that is not the app's.
  const path = testInfo.outputPath('scored.csv');
  writeFileSync(path, scoredCsv());
  // Loading is timed from the drop: the page's own start is not part of it.
  await longTasks(page);
  await page.getByTestId('file-input').setInputFiles(path);
  await expect(page.getByTestId('dataset-summary')).toContainText('1000000 rows', { timeout: 120_000 });
  await expect(page.getByTestId('roc-handle')).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('cockpit')).toHaveAttribute('data-updating', 'false', { timeout: 60_000 });
  const loading = await longTasks(page);

  await page.getByTestId('group-select').selectOption('region');
  await expect(page.getByTestId('group-card')).toHaveCount(GROUPS, { timeout: 60_000 });
  const summary = page.getByTestId('group-summary');
  for (const strategy of STRATEGIES) {
    await page.getByTestId('group-strategy').selectOption(strategy);
    await expect(summary).toHaveAttribute('data-strategy', strategy, { timeout: 60_000 });
  }
  const switching = await longTasks(page);

  // A drag along the ROC curve with the groups shown (single: every group follows it).
  const handle = page.getByTestId('roc-handle');
  await handle.scrollIntoViewIfNeeded();
  const box = await handle.boundingBox();
  if (!box) throw new Error('no ROC handle');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  for (let step = 1; step <= 30; step++) await page.mouse.move(box.x + box.width / 2 + step * 4, box.y + box.height / 2 - step * 3);
  await page.mouse.up();
  await expect(summary).toHaveAttribute('data-strategy', 'single');
  const dragging = await longTasks(page);

  const download = page.waitForEvent('download');
  await page.getByTestId('export-button').click();
  await download;
  const exporting = await longTasks(page);

  // Both calibration fits on a million distinct scores (Platt's took a second on the page before
  // it moved to the metrics worker), and the bins by equal counts. The menus are changed as the
  // browser would on a pick, and awaited by polling in the page: a trace showed Playwright's own
  // checks (visibility, computed styles) on this page as 60–80 ms tasks of their own.
  const choose = (testId: string, value: string) =>
    page.evaluate(
      ([id, v]) => {
        const select = document.querySelector<HTMLSelectElement>(`[data-testid="${id}"]`);
        if (!select) throw new Error(`no ${id}`);
        select.value = v;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      },
      [testId, value],
    );
  const shown = (selector: string) => page.waitForFunction((s) => document.querySelector(s) !== null, selector, { timeout: 60_000 });
  for (const method of ['platt', 'isotonic']) {
    await choose('calibration-select', method);
    await shown(`[data-testid="calibrated-line"][data-method="${method}"]`);
  }
  await choose('calibration-bins', 'quantile');
  await shown('[data-testid="calibration-chart"][data-bins="quantile"] [data-testid="calibrated-line"][data-method="isotonic"]');
  const calibrating = await longTasks(page);
  await expect(page.getByTestId('metric-brier-calibrated')).toBeVisible();

  console.log(
    `long tasks (ms): loading ${JSON.stringify(loading)}, strategies ${JSON.stringify(switching)}, drag ${JSON.stringify(dragging)}, export ${JSON.stringify(exporting)}, calibration ${JSON.stringify(calibrating)}`,
  );
  expect({ loading, switching, dragging, exporting, calibrating }).toEqual({ loading: [], switching: [], dragging: [], exporting: [], calibrating: [] });
});
