import { readFileSync } from 'node:fs';
import { ORIGIN, confusionOf, expect, numberOf, test, unfold } from './fixtures';

test('demo: train, drag the ROC handle, snap to optimal, export what the page shows', async ({ page, watch }) => {
  await page.goto('/');
  await page.getByTestId('demo-button').click();
  await expect(page.getByTestId('dataset-summary')).toContainText('11183 rows');
  await expect(page.getByTestId('dataset-summary')).toContainText('260 positives');
  await expect(page.getByTestId('label-select')).toHaveValue('calcification');
  await expect(page.getByTestId('positive-select')).toHaveValue('yes');
  await expect(page.getByTestId('mode-select')).toHaveValue('train');

  await page.getByTestId('epochs-input').fill('3');
  await page.getByTestId('train-button').click();
  await expect(page.getByTestId('training-status')).toHaveAttribute('data-state', 'done', { timeout: 90_000 });
  await expect(page.getByTestId('backend')).toHaveText(/^(webgl|wasm|cpu)$/);
  await expect(page.getByTestId('training-status')).toContainText('epoch 3 of 3');

  // The validation split is 20% of each class: 52 of 260 positives, 2185 of 10923 negatives.
  const before = await confusionOf(page);
  expect(before.tp + before.fp + before.tn + before.fn).toBe(2237);
  expect(before.tp + before.fn).toBe(52);

  // Drag the ROC handle with the mouse towards the top-right corner of the plot.
  const handle = page.getByTestId('roc-handle');
  // The panels above may push the chart below the fold; the mouse only reaches what is on screen.
  await page.getByTestId('roc-chart').scrollIntoViewIfNeeded();
  const chart = await page.getByTestId('roc-chart').locator('svg[role="img"]').boundingBox();
  const start = await handle.boundingBox();
  if (!chart || !start) throw new Error('ROC chart not on screen');
  await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
  await page.mouse.down();
  await page.mouse.move(chart.x + chart.width * 0.55, chart.y + chart.height * 0.2, { steps: 8 });
  await page.mouse.up();
  const dragged = await confusionOf(page);
  expect(dragged).not.toEqual(before);
  expect(dragged.tp + dragged.fp + dragged.tn + dragged.fn).toBe(2237);
  expect(dragged.fp).toBeGreaterThan(before.fp);
  const handleThreshold = Number(await handle.getAttribute('aria-valuenow'));
  expect(Number(await page.getByTestId('threshold-input').inputValue())).toBe(handleThreshold);

  // Snap to the cost-optimal threshold for C_FP = 1, C_FN = 20.
  await page.getByTestId('cost-fn').fill('20');
  await page.getByTestId('optimal-button').click();
  const optimal = await confusionOf(page);
  const cost = await numberOf(page, 'metric-expected-cost');
  expect(cost).toBeCloseTo((optimal.fp * 1 + optimal.fn * 20) / 2237, 4);

  const downloadPromise = page.waitForEvent('download');
  await page.getByTestId('export-button').click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('operating-point.json');
  const path = await download.path();
  const exported = JSON.parse(readFileSync(path, 'utf8'));
  expect(exported.schemaVersion).toBe(2);
  expect(exported.threshold).toBe(Number(await page.getByTestId('threshold-input').inputValue()));
  expect(exported.confusion).toEqual(optimal);
  expect(exported.source.kind).toBe('trained');
  expect(exported.source.model.epochs).toBe(3);
  expect(exported.costs).toMatchObject({ falsePositive: 1, falseNegative: 20 });
  expect(exported.dataset).toMatchObject({ fileName: 'mammography.csv', rows: 11183, positives: 260 });
  expect(exported.metrics.rocAuc).toBeCloseTo(await numberOf(page, 'metric-roc-auc'), 4);
  // A decimated curve travels with it, and holds the chosen point.
  expect(exported.curves.roc.fpr.length).toBeGreaterThan(2);
  expect(exported.curves.roc.fpr.length).toBeLessThan(500);
  const chosen = exported.curves.roc.threshold.indexOf(exported.threshold);
  expect(chosen).toBeGreaterThanOrEqual(0);
  expect(exported.curves.roc.tpr[chosen]).toBeCloseTo(optimal.tp / 52, 12);
  expect(exported.metrics.intervals.recall.method).toBe('Wilson');

  // The data never left the browser: every request stayed on the app's own origin.
  const outside = watch.requests.filter((url) => !url.startsWith(ORIGIN) && !url.startsWith('blob:') && !url.startsWith('data:'));
  expect(outside).toEqual([]);
});

test('cancel stops training and a retrain works', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('demo-button').click();
  await page.getByTestId('epochs-input').fill('200');
  await page.getByTestId('train-button').click();
  await expect(page.getByTestId('training-status')).toHaveAttribute('data-state', 'training');
  await expect(page.getByTestId('roc-handle')).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('cancel-button').click();
  await expect(page.getByTestId('training-status')).toHaveAttribute('data-state', 'cancelled', { timeout: 5_000 });
  await unfold(page, 'train');
  await page.getByTestId('epochs-input').fill('1');
  await page.getByTestId('train-button').click();
  await expect(page.getByTestId('training-status')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
});
