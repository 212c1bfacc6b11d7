import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, numberOf, test, unfold, uploadText } from './fixtures';

/**
 * Files as Excel, pandas and warehouses write them (issue 11): each is uploaded as a person
 * would, then checked for its row count, the column names as written, the column types, the
 * suggested label and positive class, and a model that learns something from it.
 */

/** The column table's cell of one column. */
function cell(page: Page, column: string, testId: string) {
  return page.getByTestId('column-table').locator(`[data-column="${column}"] [data-testid="${testId}"]`);
}

/** A small deterministic generator (an LCG), so every run uploads the same file. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** `n` rows of a signal x, a noise feature and a label that mostly follows x (about a third positive). */
function rows(n: number, seed: number): { x: number; noise: number; positive: boolean }[] {
  const next = random(seed);
  return Array.from({ length: n }, () => {
    const x = next();
    return { x, noise: next(), positive: x + 0.25 * next() > 0.8 };
  });
}

async function columnNames(page: Page): Promise<string[]> {
  return page.getByTestId('column-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-column') ?? ''));
}

/** Trains briefly and returns the validation ROC-AUC shown. */
async function trainedAuc(page: Page): Promise<number> {
  await page.getByTestId('epochs-input').fill('12');
  await page.getByTestId('train-button').click();
  await expect(page.getByTestId('training-status')).toHaveAttribute('data-state', 'done', { timeout: 90_000 });
  return numberOf(page, 'metric-roc-auc');
}

test('Excel on a European Windows machine: Windows-1252, a sep=; line, decimal commas and thousands dots', async ({ page }) => {
  await page.goto('/');
  const lines = ['sep=;', 'Tumorgröße;Maß;Gewicht;bösartig'];
  for (const [i, r] of rows(600, 1).entries()) {
    const size = (r.x * 40).toFixed(1).replace('.', ',');
    const weight = `${1 + (i % 9)}.${String(100 + (i % 900)).padStart(3, '0')},5`;
    lines.push(`${size};${r.noise > 0.5 ? 'groß' : 'klein'};${weight};${r.positive ? 'ja' : 'nein'}`);
  }
  await uploadText(page, 'befunde.csv', Buffer.from(lines.join('\r\n') + '\r\n', 'latin1'));
  await expect(page.getByTestId('dataset-summary')).toContainText('befunde.csv: 600 rows, 4 columns');
  expect(await columnNames(page)).toEqual(['Tumorgröße', 'Maß', 'Gewicht', 'bösartig']);
  await expect(page.getByTestId('encoding-select').locator('option:checked')).toHaveText('detect (found: Windows-1252)');
  await expect(page.getByTestId('delimiter-select').locator('option:checked')).toHaveText('detect (found: semicolon ;)');
  await expect(page.getByText('The first line "sep=;" (written by Excel) set the delimiter and was skipped.')).toBeVisible();
  await expect(cell(page, 'Tumorgröße', 'column-type')).toHaveText('numeric');
  await expect(cell(page, 'Maß', 'column-type')).toHaveText('categorical');
  await expect(cell(page, 'Gewicht', 'column-type')).toHaveText('numeric · read as numbers: thousands separators');
  await expect(page.getByTestId('label-select')).toHaveValue('bösartig');
  await expect(page.getByTestId('positive-select')).toHaveValue('ja');

  // Reading it as UTF-8 instead mangles the letters; the user can go back to detection.
  await page.getByTestId('encoding-select').selectOption('utf-8');
  await expect(page.getByTestId('column-row').first()).toHaveAttribute('data-column', 'Tumorgr\uFFFD\uFFFDe');
  await page.getByTestId('encoding-select').selectOption('auto');
  await expect(page.getByTestId('column-row').first()).toHaveAttribute('data-column', 'Tumorgröße');
  await expect(page.getByTestId('positive-select')).toHaveValue('ja');
  expect(await trainedAuc(page)).toBeGreaterThan(0.85);
});

test("pandas' df.to_csv(): the index under a blank header is a row id, left out of the model", async ({ page }) => {
  await page.goto('/');
  // Sorted by the label, as files often are: the index alone would predict it perfectly.
  const data = rows(500, 2).sort((a, b) => Number(a.positive) - Number(b.positive));
  const text = ',signal,noise,label\n' + data.map((r, i) => `${i},${r.x.toFixed(4)},${r.noise.toFixed(4)},${r.positive ? 1 : 0}`).join('\n') + '\n';
  await uploadText(page, 'frame.csv', text);
  await expect(page.getByTestId('dataset-summary')).toContainText('frame.csv: 500 rows, 4 columns');
  expect(await columnNames(page)).toEqual(['column_1', 'signal', 'noise', 'label']);
  await expect(cell(page, 'column_1', 'column-type')).toHaveText('numeric · row id');
  await expect(page.getByRole('checkbox', { name: 'Use column_1 as a feature' })).not.toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Use signal as a feature' })).toBeChecked();
  await expect(page.getByText('Column 1 has no name in the header: it is shown as "column_1".')).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.localStorage.getItem('cutoff.settings.v1'))).toContain('"excludedColumns":["column_1"]');
  await expect(page.getByTestId('label-select')).toHaveValue('label');
  await expect(page.getByTestId('positive-select')).toHaveValue('1');
  // Learnt from the signal, not the row order: good, not perfect.
  const auc = await trainedAuc(page);
  expect(auc).toBeGreaterThan(0.85);
  expect(auc).toBeLessThan(0.9999);
});

test('a hand-typed label with six spellings of yes and no is read as two classes', async ({ page }) => {
  await page.goto('/');
  const yes = ['Yes', 'yes', ' YES', 'yes '];
  const no = ['No', 'no '];
  const text =
    // A positive first, so the first-seen value is the common one's opposite (the old hand-pick rule took the second).
    'x,group,outcome\n0.9500,a,Yes\n' +
    rows(599, 3)
      .map((r, i) => `${r.x.toFixed(4)},${r.noise > 0.5 ? 'a' : 'b'},${r.positive ? yes[i % 4] : no[i % 2]}`)
      .join('\n') +
    '\n';
  await uploadText(page, 'typed.csv', text);
  await expect(page.getByTestId('dataset-summary')).toContainText('typed.csv: 600 rows, 3 columns');
  expect(await columnNames(page)).toEqual(['x', 'group', 'outcome']);
  await expect(cell(page, 'outcome', 'column-type')).toHaveText('boolean');
  const merged = page.getByTestId('read-note').filter({ hasText: 'outcome:' });
  for (const part of ['"Yes"', '"YES"', 'read as "yes"', '"No"', 'read as "no"', '(spaces around values ignored)']) await expect(merged).toContainText(part);
  await expect(page.getByTestId('label-select')).toHaveValue('outcome');
  await expect(page.getByTestId('positive-select')).toHaveValue('yes');
  await expect(page.getByTestId('positive-select').locator('option')).toHaveText(['yes', 'no']);
  // Picked again by hand, the label keeps the rarer value as the positive class.
  await page.getByTestId('label-select').selectOption('group');
  await page.getByTestId('label-select').selectOption('outcome');
  await expect(page.getByTestId('positive-select')).toHaveValue('yes');
  expect(await trainedAuc(page)).toBeGreaterThan(0.85);
});

test('amounts with thousands separators and Excel error cells are numbers with missing values', async ({ page }) => {
  await page.goto('/');
  const errors = ['#DIV/0!', '#VALUE!', '#N/A'];
  const body = rows(600, 4).map((r, i) => {
    const amount = i % 50 === 7 ? errors[i % 3] : `"${Math.round(r.x * 2_000_000 + 1000).toLocaleString('en-US')}.${String(i % 100).padStart(2, '0')}"`;
    return `${amount},${Math.round(r.noise * 100)}%,${r.positive ? 'fraud' : 'ok'}`;
  });
  await uploadText(page, 'ledger.csv', 'amount,share,status\n' + body.join('\n') + '\n');
  await expect(page.getByTestId('dataset-summary')).toContainText('ledger.csv: 600 rows, 3 columns');
  expect(await columnNames(page)).toEqual(['amount', 'share', 'status']);
  await expect(cell(page, 'amount', 'column-type')).toHaveText('numeric · read as numbers: thousands separators, 12 Excel errors as missing');
  await expect(cell(page, 'amount', 'column-missing')).toHaveText('2.0%');
  await expect(cell(page, 'share', 'column-type')).toHaveText('numeric · read as numbers: percent (50% = 0.5)');
  await expect(page.getByText('"amount": 12 Excel error cells (#DIV/0!, #N/A, …) read as missing.')).toBeVisible();
  await expect(page.getByTestId('label-select')).toHaveValue('status');
  await expect(page.getByTestId('positive-select')).toHaveValue('fraud');
  expect(await trainedAuc(page)).toBeGreaterThan(0.85);
});

test("Excel's Unicode text: UTF-16 with a byte order mark, tab-separated", async ({ page }) => {
  await page.goto('/');
  const text =
    'Größe\tFarbe\tis_spam\n' +
    rows(600, 5)
      .map((r) => `${r.x.toFixed(3)}\t${r.noise > 0.5 ? 'grün' : 'blau'}\t${r.positive ? 1 : 0}`)
      .join('\r\n') +
    '\r\n';
  const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  await uploadText(page, 'unicode.txt', bytes);
  await expect(page.getByTestId('dataset-summary')).toContainText('unicode.txt: 600 rows, 3 columns');
  expect(await columnNames(page)).toEqual(['Größe', 'Farbe', 'is_spam']);
  await expect(page.getByTestId('encoding-select').locator('option:checked')).toHaveText('detect (found: UTF-16LE)');
  await expect(cell(page, 'Größe', 'column-type')).toHaveText('numeric');
  await expect(cell(page, 'is_spam', 'column-type')).toHaveText('boolean');
  await expect(page.getByTestId('label-select')).toHaveValue('is_spam');
  await expect(page.getByTestId('positive-select')).toHaveValue('1');
  expect(await trainedAuc(page)).toBeGreaterThan(0.85);
});

test('a Parquet file written by DuckDB (snappy, row groups, int64, NULLs, dictionary strings, booleans)', async ({ page }) => {
  await page.goto('/');
  const buffer = readFileSync(new URL('../fixtures/data/customers-snappy.parquet', import.meta.url));
  await page.getByTestId('file-input').setInputFiles({ name: 'customers.parquet', mimeType: 'application/octet-stream', buffer });
  await expect(page.getByTestId('dataset-summary')).toContainText('customers.parquet: 5000 rows, 6 columns');
  expect(await columnNames(page)).toEqual(['customer_id', 'spend', 'age', 'city', 'member', 'churned']);
  await expect(page.getByTestId('delimiter-select')).toHaveCount(0);
  await expect(cell(page, 'customer_id', 'column-type')).toHaveText('numeric · row id');
  await expect(cell(page, 'age', 'column-missing')).toHaveText('10.0%');
  await expect(cell(page, 'city', 'column-type')).toHaveText('categorical');
  await expect(cell(page, 'city', 'column-distinct')).toHaveText('4');
  await expect(cell(page, 'member', 'column-type')).toHaveText('boolean');
  await expect(page.getByText(/^Read as Parquet: 3 row groups, snappy compressed/)).toBeVisible();
  await expect(page.getByTestId('label-select')).toHaveValue('churned');
  await expect(page.getByTestId('positive-select')).toHaveValue('yes');
  expect(await trainedAuc(page)).toBeGreaterThan(0.85);
});

test('percent scores: dividing by 100 keeps the threshold meaning a score, and the export records it', async ({ page }) => {
  await page.goto('/');
  const text =
    'score,label\n' +
    rows(200, 6)
      .map((r) => `${Math.round(r.x * 100)},${r.positive ? 1 : 0}`)
      .join('\n') +
    '\n';
  await uploadText(page, 'percent.csv', text);
  await expect(page.getByTestId('mode-select')).toHaveValue('scores');
  await expect(page.getByTestId('error')).toContainText('its scores run from 0 to 100, like percentages');
  await page.getByTestId('rescale-percent-button').click();
  await expect(page.getByTestId('score-transform-select')).toHaveValue('percent');
  await expect(page.getByTestId('error')).toHaveCount(0);
  await page.getByTestId('threshold-input').fill('0.8');
  const downloadPromise = page.waitForEvent('download');
  await page.getByTestId('export-button').click();
  const exported = JSON.parse(readFileSync(await (await downloadPromise).path(), 'utf8'));
  expect(exported.source.scoreTransform).toEqual({ kind: 'divide', by: 100 });
  expect(exported.threshold).toBe(0.8);
});

const fixture = (name: string) => readFileSync(new URL(`../fixtures/data/${name}`, import.meta.url));

test("psql's export: time stamps with +00, dates with NULLs and ISO date-times are one number each, said in the training panel", async ({ page }) => {
  await page.goto('/');
  await uploadText(page, 'psql-dates.csv', fixture('psql-dates.csv'));
  await expect(page.getByTestId('dataset-summary')).toContainText('psql-dates.csv: 400 rows, 6 columns');
  await expect(cell(page, 'signed_up_at', 'column-type')).toHaveText('numeric · read as dates (ISO 8601 date-time): days since 1970-01-01');
  await expect(cell(page, 'first_order', 'column-type')).toHaveText('numeric · read as dates (ISO 8601 date): days since 1970-01-01');
  await expect(page.getByTestId('label-select')).toHaveValue('churned');
  await trainedAuc(page);
  await unfold(page, 'train');
  const notes = page.getByTestId('preprocessing-notes');
  await expect(notes).toContainText('"first_order" holds dates (ISO 8601 date): it enters the model as one number, days since 1970-01-01.');
  await expect(notes.locator('xpath=..')).not.toContainText('first_order=');
});

test("Stata's cohort export: the outcome is suggested over a yes/no risk factor, with the reason; two equal candidates are asked about", async ({ page }) => {
  await page.goto('/');
  await uploadText(page, 'stata-cohort.csv', fixture('stata-cohort.csv'));
  await expect(page.getByTestId('label-select')).toHaveValue('died');
  await expect(page.getByTestId('positive-select')).toHaveValue('Yes');
  await expect(page.getByTestId('label-reason')).toContainText('"died" suggested as the label: its name reads as an outcome ("died")');
  await expect(page.getByTestId('label-question')).toHaveCount(0);

  const body = Array.from({ length: 200 }, (_, i) => `${i % 4 === 0 ? 1 : 0},${i % 3 === 0 ? 1 : 0},${i % 7}`);
  await uploadText(page, 'flags.csv', 'a,b,x\n' + body.join('\n') + '\n');
  const question = page.getByTestId('label-question');
  await expect(question).toBeVisible();
  await expect(page.getByTestId('label-select')).toHaveValue('b');
  await question.locator('[data-testid="label-answer"][data-column="a"]').click();
  await expect(page.getByTestId('label-select')).toHaveValue('a');
  await expect(question).toHaveCount(0);
});
