import { confusionOf, expect, test, uploadText } from './fixtures';

const rows: [number, number][] = [
  [0.95, 1],
  [0.9, 1],
  [0.85, 0],
  [0.7, 1],
  [0.62, 0],
  [0.55, 1],
  [0.4, 0],
  [0.33, 0],
  [0.3, 1],
  [0.2, 0],
  [0.12, 0],
  [0.05, 0],
];
const SCORES = `score,label\n${rows.map(([s, l]) => `${s},${l}`).join('\n')}\n`;

function bruteForce(t: number) {
  const c = { tp: 0, fp: 0, tn: 0, fn: 0 };
  for (const [s, l] of rows) {
    if (s >= t) {
      if (l) c.tp++;
      else c.fp++;
    } else if (l) c.fn++;
    else c.tn++;
  }
  return c;
}

test('dragging the histogram threshold line moves every view to the same threshold', async ({ page }) => {
  await page.goto('/');
  await uploadText(page, 's.csv', SCORES);
  const plot = await page.getByTestId('histogram-chart').locator('rect.plot-area').boundingBox();
  const line = await page.getByTestId('histogram-handle').boundingBox();
  if (!plot || !line) throw new Error('histogram not on screen');
  await page.mouse.move(line.x + line.width / 2, plot.y + plot.height / 2);
  await page.mouse.down();
  // 0.5 of the plot width is a threshold of 0.5: the operating point flags 0.55 and above.
  await page.mouse.move(plot.x + plot.width * 0.5, plot.y + plot.height / 2, { steps: 6 });
  await page.mouse.up();
  const t = Number(await page.getByTestId('threshold-input').inputValue());
  expect(t).toBeGreaterThan(0.4);
  expect(t).toBeLessThanOrEqual(0.55);
  await expect.poll(() => confusionOf(page)).toEqual(bruteForce(0.55));
  for (const id of ['roc-handle', 'pr-handle', 'histogram-handle', 'metrics-handle']) {
    await expect(page.getByTestId(id)).toHaveAttribute('aria-valuenow', String(t));
  }
});

test('the metrics chart line is a keyboard slider over distinct scores', async ({ page }) => {
  await page.goto('/');
  await uploadText(page, 's.csv', SCORES);
  await page.getByTestId('threshold-input').fill('0.7');
  await page.getByTestId('metrics-handle').focus();
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => confusionOf(page)).toEqual(bruteForce(0.62));
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => confusionOf(page)).toEqual(bruteForce(0.85));
  await page.keyboard.press('PageDown');
  await expect.poll(() => confusionOf(page)).toEqual(bruteForce(0));
});

test('the optimum is ringed on the ROC and the iso-cost line follows the costs', async ({ page }) => {
  await page.goto('/');
  await uploadText(page, 's.csv', SCORES);
  const iso = page.getByTestId('iso-cost-line');
  await expect(iso).toBeVisible();
  const before = await iso.getAttribute('y2');
  await page.getByTestId('cost-fn').fill('50');
  await expect.poll(() => iso.getAttribute('y2')).not.toBe(before);
  await page.getByTestId('optimal-button').click();
  const ring = page.getByTestId('roc-optimal');
  const handle = page.getByTestId('roc-handle');
  await expect.poll(async () => [await handle.getAttribute('cx'), await handle.getAttribute('cy')]).toEqual([await ring.getAttribute('cx'), await ring.getAttribute('cy')]);
});

test('F1-optimal and recall targets move the threshold; intervals are shown', async ({ page }) => {
  await page.goto('/');
  await uploadText(page, 's.csv', SCORES);
  await page.getByTestId('f1-optimal-button').click();
  // Brute force over the distinct scores: the best F1 here is at 0.55 (tp 4, fp 2, fn 1 → 0.727…).
  let best = { t: 1, f1: -1 };
  for (const [t] of rows) {
    const c = bruteForce(t);
    const f1 = (2 * c.tp) / (2 * c.tp + c.fp + c.fn);
    if (f1 > best.f1 + 1e-12 || (Math.abs(f1 - best.f1) <= 1e-12 && t > best.t)) best = { t, f1 };
  }
  await expect.poll(() => confusionOf(page)).toEqual(bruteForce(best.t));
  await page.getByTestId('target-kind').selectOption('fewest-alarms-at-recall');
  await page.getByTestId('target-value').fill('1');
  await page.getByTestId('target-button').click();
  await expect.poll(() => confusionOf(page)).toEqual(bruteForce(0.3));
  await expect(page.getByTestId('metric-recall-ci')).toHaveText(/^0\.\d{4}–1\.0000$/);
});

test('cost slider and deployment prevalence drive the expected cost and the optimum', async ({ page }) => {
  await page.goto('/');
  await uploadText(page, 's.csv', SCORES);
  await page.getByTestId('cost-fp').fill('1');
  await page.getByTestId('cost-fn').fill('1');
  // The slider is log10(C_FN / C_FP): End puts it at 1000:1.
  await page.getByTestId('cost-slider').focus();
  await page.keyboard.press('End');
  await expect(page.getByTestId('cost-fn')).toHaveValue('1000');
  await page.getByTestId('cost-fn').fill('4');

  await page.getByTestId('threshold-input').fill('0.6');
  const c = bruteForce(0.6);
  const n = rows.length;
  await expect.poll(async () => Number(await page.getByTestId('metric-expected-cost').innerText())).toBeCloseTo((c.fp + 4 * c.fn) / n, 4);

  // At an assumed prevalence π the rates are re-weighted: π·C_FN·FNR + (1 − π)·C_FP·FPR.
  await page.getByTestId('prevalence-input').fill('0.01');
  const P = c.tp + c.fn;
  const N = c.fp + c.tn;
  const expected = 0.01 * 4 * (c.fn / P) + 0.99 * (c.fp / N);
  await expect.poll(async () => Number(await page.getByTestId('metric-expected-cost').innerText())).toBeCloseTo(expected, 4);
  // Brute-force optimum at that prevalence: every distinct score and "flag nothing" (ties: fewer alarms).
  let best = { t: 2, cost: Infinity };
  for (const t of [2, ...rows.map(([s]) => s)]) {
    const b = bruteForce(t);
    const cost = 0.01 * 4 * (b.fn / P) + 0.99 * (b.fp / N);
    if (cost < best.cost - 1e-12 || (Math.abs(cost - best.cost) <= 1e-12 && t > best.t)) best = { t, cost };
  }
  await page.getByTestId('optimal-button').click();
  await expect.poll(() => confusionOf(page)).toEqual(bruteForce(best.t));
});
