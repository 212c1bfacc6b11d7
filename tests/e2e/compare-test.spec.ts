/**
 * The Compare view's paired test: DeLong's figures on `compare-test` are those `cutoff compare
 * --json` prints for the same file (the command run in-process, from the source).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main';
import { expect, test, uploadText } from './fixtures';

const FILE = fileURLToPath(new URL('../fixtures/compare/two-models-1200.csv', import.meta.url));

async function cliReport(): Promise<{ a: { rocAuc: number }; b: { rocAuc: number }; delong: { diff: number; ciLow: number; ciHigh: number; p: number } }> {
  let stdout = '';
  const code = await main(['compare', FILE, '--score', 'score', '--score', 'old_score', '--label', 'label', '--json'], { out: (t) => void (stdout += t), err: () => undefined });
  expect(code).toBe(0);
  return JSON.parse(stdout);
}

test('compare-test shows the figures cutoff compare --json prints for the same file', async ({ page }) => {
  const report = await cliReport();
  await page.goto('/');
  await uploadText(page, 'two-models-1200.csv', readFileSync(FILE));
  await expect(page.getByTestId('mode-select')).toHaveValue('scores');
  await expect(page.getByTestId('score-select')).toHaveValue('score');
  await expect(page.getByTestId('label-select')).toHaveValue('label');
  await page.getByTestId('compare-select').selectOption('old_score');
  const shown = page.getByTestId('compare-test');
  await expect(shown).toHaveAttribute('data-state', 'done');
  const figure = async (name: string) => Number(await shown.getAttribute(name));
  expect(await figure('data-auc-diff')).toBeCloseTo(report.delong.diff, 12);
  expect(await figure('data-ci-low')).toBeCloseTo(report.delong.ciLow, 12);
  expect(await figure('data-ci-high')).toBeCloseTo(report.delong.ciHigh, 12);
  expect(await figure('data-p')).toBeCloseTo(report.delong.p, 12);
  // The page's own ROC-AUC for A is the command's.
  expect(Number(await page.getByTestId('metric-roc-auc').innerText())).toBeCloseTo(report.a.rocAuc, 3);
  // On this file the difference is within chance, and the sentence says so.
  expect(report.delong.p).toBeGreaterThan(0.05);
  await expect(shown).toContainText('no evidence of a difference on these 1,200 cases');
  await expect(shown).toContainText('A is the score column “score”, B is “old_score”');
  // Choosing no column takes the test away with the dashed curve.
  await page.getByTestId('compare-select').selectOption('');
  await expect(shown).toHaveCount(0);
});

test("McNemar at chosen cutoffs: the page's figures are cutoff compare's with --threshold-a/-b", async ({ page }) => {
  await page.goto('/');
  await uploadText(page, 'two-models-1200.csv', readFileSync(FILE));
  await page.getByTestId('compare-select').selectOption('old_score');
  await page.getByTestId('threshold-input').fill('0.4');
  await expect(page.getByTestId('roc-handle')).toHaveAttribute('aria-valuenow', /^0\.4/);
  const thresholdA = Number(await page.getByTestId('roc-handle').getAttribute('aria-valuenow'));
  await page.getByTestId('compare-threshold-b').fill('0.35');
  await page.getByTestId('compare-mcnemar-button').click();
  const shown = page.getByTestId('compare-mcnemar');
  await expect(shown).toHaveAttribute('data-threshold-b', '0.35');
  let stdout = '';
  const args = ['compare', FILE, '--score', 'score', '--score', 'old_score', '--label', 'label', '--threshold-a', String(thresholdA), '--threshold-b', '0.35', '--json'];
  expect(await main(args, { out: (t) => void (stdout += t), err: () => undefined })).toBe(0);
  const report = JSON.parse(stdout) as { mcnemar: { recall: { p: number }; specificity: { p: number } } };
  expect(Number(await shown.getAttribute('data-p-recall'))).toBeCloseTo(report.mcnemar.recall.p, 12);
  expect(Number(await shown.getAttribute('data-p-specificity'))).toBeCloseTo(report.mcnemar.specificity.p, 12);
  await expect(shown).toContainText('Recall: ');
});
