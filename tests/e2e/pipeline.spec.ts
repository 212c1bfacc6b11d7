/**
 * The operating point leaves the browser: exported from the page as a person does, then checked
 * by `npx cutoff check` on the same file (exit 0) and on one whose scores were shuffled (exit 1).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { confusionOf, expect, smallCsv, test, unfold, uploadText } from './fixtures';

function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function scoredCsv(scores: number[], labels: string[]): string {
  return `id,score,label\n${scores.map((s, i) => `${i + 1},${s},${labels[i]}`).join('\n')}\n`;
}

const random = seeded(13);
const labels: string[] = [];
const scores: number[] = [];
for (let i = 0; i < 3000; i++) {
  const positive = random() < 0.2;
  labels.push(positive ? 'fraud' : 'ok');
  scores.push(Math.round(((positive ? 0.35 : 0) + random() * 0.65) * 1e4) / 1e4);
}

/** The 3,000 scored rows written to a fresh folder and dropped on the page, as a person does. */
async function loadScores(page: Page, prefix: string): Promise<{ dir: string; file: string }> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const file = join(dir, 'scores.csv');
  const text = scoredCsv(scores, labels);
  writeFileSync(file, text);
  await page.goto('/');
  await uploadText(page, 'scores.csv', text);
  await expect(page.getByTestId('dataset-summary')).toContainText('3000 rows');
  return { dir, file };
}

test.beforeAll(() => {
  execFileSync('npm', ['run', 'build:cli'], { stdio: 'pipe' });
});

test('an exported operating point passes `npx cutoff check` on its file and fails on shuffled scores', async ({ page }) => {
  const { dir, file } = await loadScores(page, 'cutoff-pipeline-');
  await expect(page.getByTestId('positive-select')).toHaveValue('fraud');
  await page.getByTestId('threshold-input').fill('0.5');
  await expect(page.getByTestId('roc-handle')).toHaveAttribute('aria-valuenow', '0.5');
  const download = page.waitForEvent('download');
  await page.getByTestId('export-button').click();
  const point = join(dir, 'operating-point.json');
  await (await download).saveAs(point);
  const exported = JSON.parse(readFileSync(point, 'utf8')) as { schemaVersion: number; guardrails: { compare: string[]; alpha: number; histogram: { counts: number[] } } };
  expect(exported.schemaVersion).toBe(2);
  expect(exported.guardrails.compare).toEqual(['recall', 'precision']);
  expect(exported.guardrails.alpha).toBe(0.01);

  const same = spawnSync('npx', ['cutoff', 'check', point, file], { encoding: 'utf8' });
  expect(same.stderr).toBe('');
  expect(same.status).toBe(0);
  expect(same.stdout).toMatch(/PASS/);

  const shuffled = join(dir, 'shuffled.csv');
  const rng = seeded(99);
  const mixed = [...scores];
  for (let i = mixed.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [mixed[i], mixed[j]] = [mixed[j], mixed[i]];
  }
  writeFileSync(shuffled, scoredCsv(mixed, labels));
  const failed = spawnSync('npx', ['cutoff', 'check', point, shuffled], { encoding: 'utf8' });
  expect(failed.status).toBe(1);
  expect(failed.stderr).toMatch(/^cutoff check: (recall|precision) /);
});

test('import refuses a threshold outside [0, 1], then a good file clears the message and warns about another file', async ({ page }) => {
  await page.goto('/');
  await uploadText(page, 'scores.csv', scoredCsv(scores, labels));
  await expect(page.getByTestId('dataset-summary')).toContainText('3000 rows');
  await page.getByTestId('threshold-input').fill('0.4');
  const download = page.waitForEvent('download');
  await page.getByTestId('export-button').click();
  const good = JSON.parse(readFileSync(await (await download).path(), 'utf8')) as Record<string, unknown>;
  const bad = { ...good, threshold: 2 };
  await page.getByTestId('import-input').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
  await expect(page.getByTestId('error')).toContainText('bad.json could not be loaded');
  await expect(page.getByTestId('error')).toContainText('threshold');
  const other = { ...good, threshold: 0.3, dataset: { ...(good.dataset as object), fileName: 'other.csv', sha256: 'b'.repeat(64) } };
  await page.getByTestId('import-input').setInputFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(other)) });
  await expect(page.getByTestId('error')).toHaveCount(0);
  await expect(page.getByTestId('import-note')).toContainText('made on another file (other.csv');
  await expect(page.getByTestId('roc-handle')).toHaveAttribute('aria-valuenow', '0.3');
});

test('threshold-input refuses 1.7 with a message and an emptied box restores the last valid value', async ({ page }) => {
  await page.goto('/');
  await uploadText(page, 'scores.csv', scoredCsv(scores, labels));
  await expect(page.getByTestId('dataset-summary')).toContainText('3000 rows');
  const input = page.getByTestId('threshold-input');
  await input.fill('0.6');
  await expect(page.getByTestId('roc-handle')).toHaveAttribute('aria-valuenow', '0.6');
  await input.fill('1.7');
  await expect(page.getByTestId('threshold-error')).toContainText('between 0 and 1');
  await expect(page.getByTestId('roc-handle')).toHaveAttribute('aria-valuenow', '0.6');
  await input.fill('');
  await input.blur();
  await expect(input).toHaveValue('0.6');
});

test('a BigQuery ML ROC_CURVE table is read as counts at its thresholds, exact there', async ({ page }) => {
  const at = (t: number) => {
    const c = { tp: 0, fp: 0, tn: 0, fn: 0 };
    scores.forEach((s, i) => {
      const positive = labels[i] === 'fraud';
      if (s >= t) {
        if (positive) c.tp++;
        else c.fp++;
      } else if (positive) c.fn++;
      else c.tn++;
    });
    return c;
  };
  const listed = [0.2, 0.4, 0.5, 0.6, 0.8];
  const lines = listed.map((t) => {
    const c = at(t);
    return [t, c.tp / (c.tp + c.fn), c.fp / (c.fp + c.tn), c.tp, c.fp, c.tn, c.fn].join(',');
  });
  await page.goto('/');
  await uploadText(page, 'roc_curve.csv', `threshold,recall,false_positive_rate,true_positives,false_positives,true_negatives,false_negatives\n${lines.join('\n')}\n`);
  await expect(page.getByText(/Read as a BigQuery ML ML\.ROC_CURVE table of 5 thresholds/)).toBeVisible();
  await page.getByTestId('threshold-input').fill('0.5');
  const expected = at(0.5);
  await expect.poll(() => confusionOf(page)).toEqual(expected);
});

test('a model trained in the page scores rows in `cutoff apply --model` as the page does, and its export is truthful', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'cutoff-model-'));
  const csv = join(dir, 'small.csv');
  writeFileSync(csv, smallCsv());
  await page.goto('/');
  await uploadText(page, 'small.csv', smallCsv());
  await expect(page.getByTestId('dataset-summary')).toContainText('600 rows');
  await page.getByTestId('batch-size-input').fill('32');
  await page.getByTestId('epochs-input').fill('3');
  await page.getByTestId('train-button').click();
  await expect(page.getByTestId('training-status')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  // The cockpit folds the Train step into one line once scores are shown: open it, as a person would.
  await unfold(page, 'train');
  let download = page.waitForEvent('download');
  await page.getByTestId('model-export-button').click();
  const zip = join(dir, 'cutoff-model.zip');
  await (await download).saveAs(zip);

  await unfold(page, 'train');
  await page.getByTestId('model-import-input').setInputFiles(zip);
  await expect(page.getByTestId('training-status')).toContainText('Scored with an imported model', { timeout: 30_000 });
  await expect(page.getByTestId('own-training-rows')).toContainText('trained on this file');
  download = page.waitForEvent('download');
  await page.getByTestId('export-button').click();
  const point = join(dir, 'operating-point.json');
  await (await download).saveAs(point);
  const exported = JSON.parse(readFileSync(point, 'utf8')) as {
    threshold: number;
    source: { kind: string; model: { epochs: number; features: string[]; scoredOwnTrainingRows: boolean; posWeight: number } };
  };
  expect(exported.source.kind).toBe('imported-model');
  expect(exported.source.model.epochs).toBe(3);
  expect(exported.source.model.features).toEqual(['x1', 'x2', 'color']);
  expect(exported.source.model.posWeight).toBeGreaterThan(1);
  expect(exported.source.model.scoredOwnTrainingRows).toBe(true);

  download = page.waitForEvent('download');
  await page.getByTestId('predictions-export-button').click();
  const pagePredictions = readFileSync(await (await download).path(), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => Number(l.split(',')[1]));
  const applied = spawnSync('npx', ['cutoff', 'apply', point, csv, '--model', zip], { encoding: 'utf8' });
  expect(applied.stderr).toBe('');
  expect(applied.status).toBe(0);
  const lines = applied.stdout.trim().split('\n');
  expect(lines[0]).toBe('x1,x2,color,y,score,decision');
  const scoresByCli = lines.slice(1).map((l) => Number(l.split(',')[4]));
  expect(scoresByCli).toHaveLength(600);
  expect(pagePredictions).toHaveLength(600);
  scoresByCli.forEach((s, i) => expect(Math.abs(s - pagePredictions[i])).toBeLessThanOrEqual(1e-6));
});

test('cutoff choose makes the point the page exports on the same file, and the page imports it', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'cutoff-choose-'));
  const file = join(dir, 'scores.csv');
  const text = scoredCsv(scores, labels);
  writeFileSync(file, text);
  await page.goto('/');
  await uploadText(page, 'scores.csv', text);
  await expect(page.getByTestId('dataset-summary')).toContainText('3000 rows');
  const download = page.waitForEvent('download');
  await page.getByTestId('export-button').click();
  const fromPage = JSON.parse(readFileSync(await (await download).path(), 'utf8')) as { threshold: number; confusion: unknown; label: unknown; costs: unknown };
  const made = join(dir, 'chosen.json');
  const run = spawnSync('npx', ['cutoff', 'choose', file, '-o', made], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  const chosen = JSON.parse(readFileSync(made, 'utf8')) as typeof fromPage;
  expect([chosen.threshold, chosen.confusion, chosen.label, chosen.costs]).toEqual([fromPage.threshold, fromPage.confusion, fromPage.label, fromPage.costs]);
  await page.getByTestId('threshold-input').fill('0.9');
  await page.getByTestId('import-input').setInputFiles(made);
  await expect(page.getByTestId('import-note')).toContainText(`Restored threshold ${chosen.threshold}`);
  await expect(page.getByTestId('roc-handle')).toHaveAttribute('aria-valuenow', String(chosen.threshold));
});

test('a target with a confidence: the page and `npx cutoff choose` give the same cutoff, and the export records the guarantee', async ({ page }) => {
  const { dir, file } = await loadScores(page, 'cutoff-target-');
  await expect(page.getByTestId('target-basis')).toContainText("this file's 3,000 scored cases");
  for (const [kind, value, flag, flagValue] of [
    ['fewest-alarms-at-recall', '0.9', '--min-recall', '0.9'],
    ['best-recall-at-precision', '0.5', '--min-precision', '0.5'],
    ['max-fpr', '0.2', '--max-fpr', '0.2'],
    ['max-alarms-per-1000', '300', '--max-alarm-rate', '0.3'],
  ]) {
    await page.getByTestId('target-kind').selectOption(kind);
    await page.getByTestId('target-value').fill(value);
    await page.getByTestId('target-confidence').fill('0.95');
    await page.getByTestId('target-button').click();
    const result = page.getByTestId('target-result');
    await expect(result).toContainText('with 95 % confidence: cutoff ');
    const shown = Number(await result.getAttribute('data-threshold'));
    await expect(page.getByTestId('roc-handle')).toHaveAttribute('aria-valuenow', String(shown));
    const chosen = spawnSync('npx', ['cutoff', 'choose', file, '--label', 'label', flag, flagValue, '--confidence', '0.95'], { encoding: 'utf8' });
    expect(chosen.stderr).toBe('');
    expect((JSON.parse(chosen.stdout) as { threshold: number }).threshold).toBe(shown);
  }
  // Blank confidence: on these cases, as before, and the result says so.
  await page.getByTestId('target-kind').selectOption('fewest-alarms-at-recall');
  await page.getByTestId('target-value').fill('0.9');
  await page.getByTestId('target-confidence').fill('');
  await page.getByTestId('target-button').click();
  await expect(page.getByTestId('target-result')).toContainText('Recall ≥ 0.9 on these cases: cutoff ');
  // With a confidence again, the export records target, confidence and method.
  await page.getByTestId('target-confidence').fill('0.99');
  await page.getByTestId('target-button').click();
  await expect(page.getByTestId('target-result')).toContainText('with 99 % confidence');
  const download = page.waitForEvent('download');
  await page.getByTestId('export-button').click();
  const point = join(dir, 'operating-point.json');
  await (await download).saveAs(point);
  const exported = JSON.parse(readFileSync(point, 'utf8')) as { threshold: number; targets: { kind: string; confidence: number; method: string; threshold: number }[] };
  expect(exported.targets[0]).toEqual(expect.objectContaining({ kind: 'fewest-alarms-at-recall', confidence: 0.99, method: 'order-statistic', threshold: exported.threshold }));
  const checked = spawnSync('npx', ['cutoff', 'check', point, file], { encoding: 'utf8' });
  expect(checked.stdout).toMatch(/target: Recall ≥ 0\.9 \(chosen with 99 % confidence\): /);
});
