import type { Page } from '@playwright/test';
import { ScoreCurve } from '../../src/metrics';
import { confusionOf, expect, test, trainDemo, uploadText } from './fixtures';

const COCKPIT_IDS = ['roc-chart', 'pr-chart', 'cm-tp', 'threshold-input', 'cost-slider', 'cost-fp', 'cost-fn', 'optimal-button'];

async function expectAllInView(page: Page): Promise<void> {
  const viewport = page.viewportSize();
  if (!viewport) throw new Error('no viewport');
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  for (const id of COCKPIT_IDS) {
    const box = await page.getByTestId(id).boundingBox();
    expect(box, `${id} is on the page`).not.toBeNull();
    if (!box) continue;
    expect(box.y, `${id} top`).toBeGreaterThanOrEqual(0);
    expect(box.x, `${id} left`).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height, `${id} bottom`).toBeLessThanOrEqual(viewport.height);
    expect(box.x + box.width, `${id} right`).toBeLessThanOrEqual(viewport.width);
  }
}

test.describe('at 1366×768', () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test('curves, matrix and costs share one screen while the user works', async ({ page }) => {
    await trainDemo(page);
    await expect(page.getByTestId('train-fold')).toHaveAttribute('data-folded', 'true');
    await expectAllInView(page);
    const before = await confusionOf(page);
    // The threshold follows the cost optimum until moved, so a cost change shows in the matrix.
    await page.getByTestId('cost-slider').focus();
    for (let i = 0; i < 60; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(async () => JSON.stringify(await confusionOf(page))).not.toBe(JSON.stringify(before));
    await expectAllInView(page);
    const afterCost = await confusionOf(page);
    const handle = await page.getByTestId('roc-handle').boundingBox();
    const chart = await page.getByTestId('roc-chart').locator('svg').first().boundingBox();
    if (!handle || !chart) throw new Error('no handle');
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await page.mouse.down();
    await page.mouse.move(chart.x + chart.width * 0.6, chart.y + chart.height * 0.2, { steps: 8 });
    await page.mouse.up();
    await expect.poll(async () => JSON.stringify(await confusionOf(page))).not.toBe(JSON.stringify(afterCost));
    await expect(page.getByTestId('start-note')).toContainText('Your threshold');
    await expectAllInView(page);
  });

  test('lays out without overflow at 1024 and 800 px', async ({ page }) => {
    await trainDemo(page, 2);
    for (const width of [1024, 800]) {
      await page.setViewportSize({ width, height: 768 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `horizontal overflow at ${width}px`).toBeLessThanOrEqual(0);
      await expect(page.getByTestId('roc-chart')).toBeVisible();
    }
  });
});

test('the first threshold after training is the cost optimum, and a new file does not inherit it', async ({ page }) => {
  await trainDemo(page);
  const first = await page.getByTestId('threshold-input').inputValue();
  await expect(page.getByTestId('start-note')).toContainText('cheapest cutoff');
  await page.getByTestId('optimal-button').click();
  await expect(page.getByTestId('threshold-input')).toHaveValue(first);
  expect(Number(first)).not.toBe(0.5);
  // A moved threshold stays with its file only.
  await page.getByTestId('threshold-input').fill('0.123');
  await expect(page.getByTestId('roc-handle')).toHaveAttribute('aria-valuenow', '0.123');
  const lines = ['score,label'];
  for (let i = 0; i < 200; i++) lines.push(`${((i * 37) % 100) / 100 + (i % 2) * 0.003},${i % 7 === 0 ? 1 : 0}`);
  await uploadText(page, 'other-scores.csv', lines.join('\n'));
  await expect(page.getByTestId('dataset-summary')).toContainText('other-scores.csv');
  await expect(page.getByTestId('threshold-input')).not.toHaveValue('0.123');
  const second = await page.getByTestId('threshold-input').inputValue();
  await page.getByTestId('optimal-button').click();
  await expect(page.getByTestId('threshold-input')).toHaveValue(second);
});

test('hovering a curve reads out a point without moving the handle; a click selects it', async ({ page }) => {
  const scores: number[] = [];
  const labels: number[] = [];
  let seed = 99;
  const random = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const lines = ['score,label'];
  for (let i = 0; i < 400; i++) {
    const y = random() < 0.2 ? 1 : 0;
    const s = Math.round(Math.min(1, Math.max(0, 0.3 * y + 0.7 * random())) * 1000) / 1000;
    scores.push(s);
    labels.push(y);
    lines.push(`${s},${y}`);
  }
  await page.goto('/');
  await uploadText(page, 'hover.csv', lines.join('\n'));
  const handle = page.getByTestId('roc-handle');
  await expect(handle).toBeVisible();
  const chosen = await handle.getAttribute('aria-valuenow');
  const box = await page.getByTestId('roc-chart').locator('svg').first().boundingBox();
  if (!box) throw new Error('no chart');
  await page.mouse.move(box.x + box.width * 0.45, box.y + box.height * 0.3);
  const readout = page.getByTestId('hover-readout');
  await expect(readout).toBeVisible();
  await expect(readout).toContainText('threshold');
  const threshold = Number(await readout.getAttribute('data-threshold'));
  const curve = ScoreCurve.from(scores, labels);
  const c = curve.confusionAt(threshold);
  const brute = { tp: 0, fp: 0, tn: 0, fn: 0 };
  scores.forEach((s, i) => {
    const flagged = s >= threshold;
    if (flagged && labels[i]) brute.tp++;
    else if (flagged) brute.fp++;
    else if (labels[i]) brute.fn++;
    else brute.tn++;
  });
  expect(c).toEqual(expect.objectContaining(brute));
  for (const key of ['tp', 'fp', 'tn', 'fn'] as const) await expect(page.getByTestId(`hover-${key}`)).toHaveText(String(brute[key]));
  await expect(page.getByTestId('hover-tpr')).toHaveText((brute.tp / (brute.tp + brute.fn)).toFixed(4));
  await expect(page.getByTestId('hover-fpr')).toHaveText((brute.fp / (brute.fp + brute.tn)).toFixed(4));
  await expect(page.getByTestId('hover-precision')).toHaveText((brute.tp / (brute.tp + brute.fp)).toFixed(4));
  // Reading moved nothing.
  await expect(handle).toHaveAttribute('aria-valuenow', chosen ?? '');
  // A click selects the point read out.
  await page.mouse.down();
  await page.mouse.up();
  await expect.poll(async () => confusionOf(page)).toEqual(brute);
  await page.mouse.move(box.x - 30, box.y - 30);
  await expect(readout).toHaveCount(0);
});

test('Home and End work on every handle; a proposed band holds the threshold and flags and clears someone', async ({ page }) => {
  await page.goto('/');
  const lines = ['score,label'];
  for (let i = 0; i < 300; i++) lines.push(`${(i / 299).toFixed(4)},${i % 5 === 0 ? 1 : 0}`);
  await uploadText(page, 'keys.csv', lines.join('\n'));
  await expect(page.getByTestId('roc-handle')).toBeVisible();
  for (const id of ['histogram-handle', 'metrics-handle']) {
    const handle = page.getByTestId(id);
    await handle.focus();
    await page.keyboard.press('End');
    const high = Number(await handle.getAttribute('aria-valuenow'));
    await page.keyboard.press('Home');
    const low = Number(await handle.getAttribute('aria-valuenow'));
    expect(high, `${id}: End is the highest threshold`).toBeGreaterThan(low);
    await page.keyboard.press('PageUp');
    expect(Number(await handle.getAttribute('aria-valuenow'))).toBeGreaterThan(low);
  }
  await page.getByTestId('threshold-input').fill('0.999');
  await page.getByTestId('band-toggle').check();
  const flagged = Number(await page.getByTestId('band-flagged').innerText());
  const cleared = Number(await page.getByTestId('band-cleared').innerText());
  expect(flagged).toBeGreaterThan(0);
  expect(cleared).toBeGreaterThan(0);
  const lower = Number(await page.getByTestId('band-lower').inputValue());
  const upper = Number(await page.getByTestId('band-upper').inputValue());
  expect(lower).toBeLessThanOrEqual(0.999);
  expect(upper).toBeGreaterThanOrEqual(0.999);
  await page.getByTestId('band-upper-handle').focus();
  await page.keyboard.press('End');
  expect(Number(await page.getByTestId('band-upper-handle').getAttribute('aria-valuenow'))).toBeGreaterThanOrEqual(0.999);
});

test('the spread of the cost-optimal cutoff is said in the cockpit and shaded on the threshold axes', async ({ page }) => {
  await trainDemo(page);
  await expect(page.getByTestId('stability-note')).toContainText(/cost-optimal cutoff ranges \d\.\d+–\d\.\d+ across \d+ bootstrap resamples/);
  for (const id of ['histogram-chart-stability', 'metrics-chart-stability']) await expect(page.getByTestId(id)).toBeAttached();
  const [low, high] = ((await page.getByTestId('stability-note').innerText()).match(/(\d\.\d+)–(\d\.\d+)/) ?? []).slice(1).map(Number);
  expect(low).toBeLessThanOrEqual(high);
});
