import { readFileSync } from 'node:fs';
import { confusionOf, expect, test, unfold } from './fixtures';

test('5-fold cross-validation on the demo: every row scored out of fold, per-fold figures, stability, export', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('demo-button').click();
  await expect(page.getByTestId('dataset-summary')).toContainText('11183 rows');
  await page.getByTestId('evaluation-select').selectOption('cv');
  await expect(page.getByTestId('folds-input')).toHaveValue('5');
  // Few epochs keep the test short; the defaults would follow the data.
  await page.getByTestId('epochs-input').fill('3');
  await page.getByTestId('train-button').click();
  await expect(page.getByTestId('training-status')).toContainText(/fold \d of 5/, { timeout: 60_000 });
  await expect(page.getByTestId('training-status')).toHaveAttribute('data-state', 'done', { timeout: 180_000 });
  await expect(page.getByTestId('training-status')).toContainText('refit on all rows');

  // The matrix counts every labelled row, each scored by the model that did not train on it.
  const c = await confusionOf(page);
  expect(c.tp + c.fp + c.tn + c.fn).toBe(11183);
  expect(c.tp + c.fn).toBe(260);
  // The training panel folds into a line once trained; its details are one click away.
  await unfold(page, 'train');
  await expect(page.getByTestId('fold-row')).toHaveCount(5);
  await expect(page.getByTestId('fold-pooled')).toContainText('11183');
  await expect(page.getByTestId('refit-note')).toContainText('refit on all');

  // Threshold stability across the folds: a band on the threshold axis, and in words.
  await expect(page.getByTestId('stability-band')).toBeVisible();
  await expect(page.getByTestId('stability-text')).toContainText(/the cost-optimal cutoff ranges \d\.\d\d–\d\.\d\d across 5 folds/);

  const downloadPromise = page.waitForEvent('download');
  await page.getByTestId('export-button').click();
  const exported = JSON.parse(readFileSync(await (await downloadPromise).path(), 'utf8'));
  expect(exported.evaluatedOn).toBe('out-of-fold');
  expect(exported.confusion.tp + exported.confusion.fp + exported.confusion.tn + exported.confusion.fn).toBe(11183);
  expect(exported.source.model.crossValidation).toMatchObject({ folds: 5, refitRows: 11183 });
  expect(exported.source.model.crossValidation.perFold).toHaveLength(5);
  expect(exported.stability.method).toBe('k-fold');
  expect(exported.stability.resamples).toBe(5);
  expect(exported.stability.thresholds.find((t: { rule: string }) => t.rule === 'cost-optimal').values).toHaveLength(5);
});
