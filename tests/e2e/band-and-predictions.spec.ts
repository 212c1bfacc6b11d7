import { readFileSync } from 'node:fs';
import { expect, test, uploadText } from './fixtures';

const rows: [string, number, number][] = [
  ['a1', 0.95, 1],
  ['=cmd', 0.9, 1],
  ['a3', 0.85, 0],
  ['a4', 0.7, 1],
  ['a5', 0.62, 0],
  ['a6', 0.55, 1],
  ['a7', 0.4, 0],
  ['a8', 0.33, 0],
  ['a9', 0.3, 1],
  ['a10', 0.2, 0],
  ['a11', 0.12, 0],
  ['a12', 0.05, 0],
];
const SCORES = `id,score,label\n${rows.map((r) => r.join(',')).join('\n')}\n`;

test('three-way band: counts per part, shading, edges moved by keyboard and mouse, exported', async ({ page }) => {
  await page.goto('/');
  await uploadText(page, 's.csv', SCORES);
  await page.getByTestId('threshold-input').fill('0.5');
  await page.getByTestId('band-toggle').check();
  await expect(page.getByTestId('band-shade')).toBeVisible();
  await page.getByTestId('band-lower').fill('0.3');
  await page.getByTestId('band-upper').fill('0.7');
  // flagged: score >= 0.7 (4); review: 0.3 <= score < 0.7 (5); cleared: below 0.3 (3).
  await expect(page.getByTestId('band-flagged')).toHaveText('4');
  await expect(page.getByTestId('band-review')).toHaveText('5');
  await expect(page.getByTestId('band-cleared')).toHaveText('3');
  await expect(page.getByTestId('band-review-share')).toHaveText('41.7%');

  // Keyboard on the upper edge: one distinct score lower flags 0.62 too.
  await page.getByTestId('band-upper-handle').focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('band-flagged')).toHaveText('5');

  // Drag the lower edge with the mouse to about 0.1: the 0.12 score moves from cleared to review.
  const plot = await page.getByTestId('histogram-chart').locator('rect.plot-area').boundingBox();
  const edge = await page.getByTestId('band-lower-handle').boundingBox();
  if (!plot || !edge) throw new Error('histogram not on screen');
  await page.mouse.move(edge.x + edge.width / 2, plot.y + plot.height / 2);
  await page.mouse.down();
  await page.mouse.move(plot.x + plot.width * 0.1, plot.y + plot.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect(page.getByTestId('band-cleared')).toHaveText('1');
  await page.getByTestId('band-lower').fill('0.3');
  await expect(page.getByTestId('band-cleared')).toHaveText('3');

  const download = page.waitForEvent('download');
  await page.getByTestId('export-button').click();
  const exported = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
  expect(exported.band.lower).toBe(0.3);
  expect(exported.band.upper).toBeGreaterThan(0.55);
  expect(exported.band.upper).toBeLessThanOrEqual(0.62);
});

test('predictions CSV: a decision per row, formulas defused', async ({ page }) => {
  await page.goto('/');
  await uploadText(page, 's.csv', SCORES);
  await page.getByTestId('threshold-input').fill('0.6');
  const download = page.waitForEvent('download');
  await page.getByTestId('predictions-export-button').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('predictions.csv');
  const lines = readFileSync(await file.path(), 'utf8')
    .trim()
    .split('\n');
  expect(lines[0]).toBe('id,score,decision');
  expect(lines).toHaveLength(13);
  expect(lines[1]).toBe('a1,0.95,positive');
  expect(lines[2]).toBe("'=cmd,0.9,positive");
  expect(lines[5]).toBe('a5,0.62,positive');
  expect(lines[6]).toBe('a6,0.55,negative');
});
