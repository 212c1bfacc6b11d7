import { confusionOf, expect, test, uploadText } from './fixtures';

const SCORES = 'score,label\n0.9,1\n0.8,0\n0.7,1\n0.4,0\n0.2,0\n0.1,1\n';

test('an exported operating point loads back and restores threshold and costs', async ({ page }) => {
  await page.goto('/');
  await uploadText(page, 's.csv', SCORES);
  await page.getByTestId('threshold-input').fill('0.75');
  await page.getByTestId('cost-fn').fill('7');
  const download = page.waitForEvent('download');
  await page.getByTestId('export-button').click();
  const exported = await (await download).path();

  await page.getByTestId('threshold-input').fill('0.3');
  await page.getByTestId('cost-fn').fill('2');
  await page.getByTestId('import-input').setInputFiles(exported);
  await expect(page.getByTestId('threshold-input')).toHaveValue('0.75');
  await expect(page.getByTestId('cost-fn')).toHaveValue('7');
  await expect.poll(() => confusionOf(page)).toEqual({ tp: 1, fp: 1, tn: 2, fn: 2 });
});

test('a bad operating-point file is refused with its reason', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('import-input').setInputFiles({ name: 'op.json', mimeType: 'application/json', buffer: Buffer.from('{"schemaVersion": 1}') });
  await expect(page.getByTestId('error')).toContainText('op.json could not be loaded');
  await page.getByTestId('import-input').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('not json') });
  await expect(page.getByTestId('error')).toContainText('not JSON');
});

test('settings survive a reload and travel in a link, the data does not', async ({ page, context }) => {
  await page.goto('/');
  await uploadText(page, 's.csv', SCORES);
  await page.getByTestId('threshold-input').fill('0.65');
  await page.getByTestId('cost-fp').fill('3');
  await page.getByTestId('prevalence-input').fill('0.05');
  // At once: what is still waiting to be saved is written as the page is left.
  await page.reload();
  const stored = await page.evaluate(() => JSON.stringify(window.localStorage));
  expect(stored).not.toContain('0.9,1');
  await expect(page.getByTestId('dataset-summary')).toHaveCount(0);
  await uploadText(page, 's.csv', SCORES);
  await expect(page.getByTestId('threshold-input')).toHaveValue('0.65');
  await expect(page.getByTestId('cost-fp')).toHaveValue('3');
  await expect(page.getByTestId('prevalence-input')).toHaveValue('0.05');

  await page.getByTestId('share-button').click();
  const link = await page.getByTestId('share-link').inputValue();
  expect(link).toContain('#settings=');
  expect(decodeURIComponent(link)).not.toContain('0.9,1');
  const browser = context.browser();
  if (!browser) throw new Error('no browser');
  const other = await browser.newContext();
  const fresh = await other.newPage();
  await fresh.goto(link);
  await uploadText(fresh, 'other.csv', SCORES);
  await expect(fresh.getByTestId('cost-fp')).toHaveValue('3');
  await expect(fresh.getByTestId('threshold-input')).toHaveValue('0.65');
  await other.close();
});
