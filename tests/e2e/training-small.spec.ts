import { readFileSync } from 'node:fs';
import { stratifiedSplit } from '../../src/data/split';
import { ScoreCurve } from '../../src/metrics';
import { DEFAULT_SETTINGS } from '../../src/session/settings';
import { decisionFunction, fitLogistic } from '../tools/logistic-regression';
import { expect, numberOf, test, uploadText } from './fixtures';

const csv = readFileSync(new URL('../fixtures/training/small-two-features.csv', import.meta.url), 'utf8');
const lines = csv.trim().split('\n').slice(1);
const x = lines.map((l) => l.split(',').slice(0, 2).map(Number));
const y = Uint8Array.from(lines, (l) => Number(l.split(',')[2]));

test('a 400-row file at default settings trains about as well as logistic regression', async ({ page }) => {
  await page.goto('/');
  await uploadText(page, 'small-two-features.csv', csv);
  await expect(page.getByTestId('dataset-summary')).toContainText('400 rows');
  await expect(page.getByTestId('mode-select')).toHaveValue('train');
  // Nothing touched: batch size and epochs follow the data.
  await expect(page.getByTestId('batch-size-input')).toHaveValue('');
  await expect(page.getByTestId('epochs-input')).toHaveValue('');
  await page.getByTestId('train-button').click();
  await expect(page.getByTestId('training-status')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  // The page says how many optimizer steps that makes: batch 32 over 320 training rows.
  await expect(page.getByTestId('training-steps')).toContainText('10 steps per epoch of batch 32');
  expect(Number(await page.getByTestId('training-steps').getAttribute('data-steps'))).toBeGreaterThanOrEqual(300);

  // Logistic regression (scikit-learn's defaults) on the same training rows, scored on the same validation rows.
  const { train, validation } = stratifiedSplit(y, DEFAULT_SETTINGS.validationFraction, DEFAULT_SETTINGS.seed);
  const fit = fitLogistic(
    Array.from(train, (i) => x[i]),
    Array.from(train, (i) => y[i]),
  );
  const reference = ScoreCurve.from(
    decisionFunction(
      fit,
      Array.from(validation, (i) => x[i]),
    ),
    Array.from(validation, (i) => y[i]),
  ).rocAuc();
  const shown = await numberOf(page, 'metric-roc-auc');
  expect(shown).toBeGreaterThan(reference - 0.03);
});
