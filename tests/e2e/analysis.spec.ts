import { ScoreCurve } from '../../src/metrics';
import { expect, numberOf, test, uploadText } from './fixtures';

const rows: [string, number, number, number][] = [];
for (let i = 0; i < 60; i++) {
  const label = i % 4 === 0 ? 1 : 0;
  const score = Math.round(((label ? 0.35 : 0) + ((i * 37) % 61) / 100) * 100) / 100;
  const other = Math.round((((i * 17) % 53) / 53) * 100) / 100;
  rows.push([i % 3 === 0 ? 'north' : 'south', Math.min(1, score), other, label]);
}
const CSV = `site,score,other,label\n${rows.map((r) => r.join(',')).join('\n')}\n`;

test('calibration: Brier score, Platt and isotonic fits, the calibrated rule on the raw scores', async ({ page }) => {
  await page.goto('/');
  await uploadText(page, 's.csv', CSV);
  const brier = rows.reduce((sum, [, s, , y]) => sum + (s - y) ** 2, 0) / rows.length;
  expect(await numberOf(page, 'metric-brier')).toBeCloseTo(brier, 4);
  for (const method of ['platt', 'isotonic']) {
    await page.getByTestId('calibration-select').selectOption(method);
    await expect(page.getByTestId('calibrated-line')).toBeVisible();
    // Calibrating on the same data can only lower the Brier score for isotonic; Platt stays close.
    expect(await numberOf(page, 'metric-brier-calibrated')).toBeLessThan(brier + 0.01);
  }
  await page.getByTestId('calibration-bins').selectOption('quantile');
  await page.getByTestId('calibrated-threshold-button').click();
  const t = Number(await page.getByTestId('threshold-input').inputValue());
  await expect(page.getByTestId('calibrated-threshold')).toHaveText(String(Number(t.toPrecision(6))));
});

test('decision curve is drawn with treat-all and treat-none', async ({ page }) => {
  await page.goto('/');
  await uploadText(page, 's.csv', CSV);
  await expect(page.getByTestId('decision-curve-chart').locator('path.series')).toHaveCount(3);
  await expect(page.getByTestId('net-benefit-line')).toHaveAttribute('d', /^M/);
});

test('compare a second score column on the same axes', async ({ page }) => {
  await page.goto('/');
  await uploadText(page, 's.csv', CSV);
  await page.getByTestId('compare-select').selectOption('other');
  await expect(page.getByTestId('roc-chart-compare')).toBeVisible();
  await expect(page.getByTestId('pr-chart-compare')).toBeVisible();
  const other = ScoreCurve.from(
    rows.map((r) => r[2]),
    rows.map((r) => r[3]),
  );
  await expect(page.getByTestId('compare-summary')).toContainText(`ROC-AUC ${other.rocAuc().toFixed(4)}`);
});

test('slices: matrix and recall per site at the current threshold', async ({ page }) => {
  await page.goto('/');
  await uploadText(page, 's.csv', CSV);
  await page.getByTestId('threshold-input').fill('0.5');
  await page.getByTestId('slice-select').selectOption('site');
  for (const site of ['north', 'south']) {
    const mine = rows.filter((r) => r[0] === site);
    const tp = mine.filter((r) => r[1] >= 0.5 && r[3] === 1).length;
    const fn = mine.filter((r) => r[1] < 0.5 && r[3] === 1).length;
    const row = page.locator(`[data-testid="slice-row"][data-slice="${site}"]`);
    await expect(row.locator('td').nth(0)).toHaveText(String(mine.length));
    await expect(row.locator('td').nth(1)).toHaveText(String(tp));
    await expect(row.locator('td').nth(3)).toHaveText(String(fn));
    await expect(row.locator('td').nth(5)).toHaveText((tp / (tp + fn)).toFixed(4));
  }
});

test('bootstrap intervals for ROC-AUC and AP arrive from the worker and bracket the estimate', async ({ page }) => {
  await page.goto('/');
  await uploadText(page, 's.csv', CSV);
  const ci = page.getByTestId('metric-roc-auc-ci');
  await expect(ci).toContainText('(bootstrap)', { timeout: 30_000 });
  const [low, high] = (await ci.innerText()).split(' ')[0].split('–').map(Number);
  const auc = await numberOf(page, 'metric-roc-auc');
  expect(low).toBeLessThanOrEqual(auc);
  expect(high).toBeGreaterThanOrEqual(auc);
  await expect(page.getByTestId('metric-ap-ci')).toContainText('(bootstrap)');
});
