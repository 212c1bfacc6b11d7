import type { Page } from '@playwright/test';
import { confusionOf, expect, test, unfold, uploadText } from './fixtures';

/** The column table's cell of one column. */
function cell(page: Page, column: string, testId: string) {
  return page.getByTestId('column-table').locator(`[data-column="${column}"] [data-testid="${testId}"]`);
}

test('a semicolon file with decimal commas, BOM, CRLF and quoted line breaks', async ({ page }) => {
  await page.goto('/');
  const text = '\uFEFFage;note;weight;label\r\n41,5;"two\r\nlines";NA;yes\r\n38;plain;70,2;no\r\n\r\n52,25;"a ""quote""";81;no\r\n';
  await uploadText(page, 'semi.csv', text);
  await expect(page.getByTestId('dataset-summary')).toContainText('semi.csv: 3 rows, 4 columns');
  await expect(page.getByText('Semicolon-separated: numbers with a decimal comma (1,5) were read as decimals.')).toBeVisible();
  await expect(page.getByText('1 blank line skipped.')).toBeVisible();
  await expect(page.getByTestId('delimiter-select').locator('option:checked')).toHaveText('detect (found: semicolon ;)');
  await expect(cell(page, 'age', 'column-type')).toHaveText('numeric');
  await expect(cell(page, 'note', 'column-type')).toHaveText('categorical');
  await expect(cell(page, 'weight', 'column-missing')).toHaveText('33.3%');
  await expect(cell(page, 'label', 'column-type')).toHaveText('boolean');
  await expect(cell(page, 'age', 'column-distinct')).toHaveText('3');
});

test('tab and pipe files are detected, and choosing the delimiter re-reads the file', async ({ page }) => {
  await page.goto('/');
  await uploadText(page, 'tab.tsv', 'x\ty\tlabel\n1\t2\tyes\n3\t4\tno\n');
  await expect(page.getByTestId('dataset-summary')).toContainText('2 rows, 3 columns');
  await uploadText(page, 'pipe.csv', 'x|y,z|label\n1|2,5|yes\n3|4,5|no\n');
  await expect(page.getByTestId('dataset-summary')).toContainText('2 rows, 3 columns');
  await expect(page.getByTestId('delimiter-select').locator('option:checked')).toHaveText('detect (found: pipe |)');
  await page.getByTestId('delimiter-select').selectOption(',');
  await expect(page.getByTestId('dataset-summary')).toContainText('2 rows, 2 columns');
  await page.getByTestId('delimiter-select').selectOption('auto');
  await expect(page.getByTestId('dataset-summary')).toContainText('2 rows, 3 columns');
});

test('a headerless file is detected, and the user can say the first row is a header', async ({ page }) => {
  await page.goto('/');
  await uploadText(page, 'nohead.csv', '0.1,5,1\n0.7,3,0\n0.4,4,1\n0.9,1,0\n');
  await expect(page.getByTestId('dataset-summary')).toContainText('4 rows, 3 columns');
  await expect(page.getByText('No header row found: columns were named column_1 … column_3.')).toBeVisible();
  await page.getByTestId('header-select').selectOption('header');
  await expect(page.getByTestId('dataset-summary')).toContainText('3 rows, 3 columns');
  await expect(page.getByTestId('column-table').getByRole('rowheader', { name: '0.1', exact: true })).toBeVisible();
  await page.getByTestId('header-select').selectOption('auto');
  await expect(page.getByTestId('dataset-summary')).toContainText('4 rows');
});

test('the column table shows types, missing shares and distinct values; exclusions are settings', async ({ page }) => {
  await page.goto('/');
  await uploadText(page, 'cols.csv', 'age,city,smoker,sparse,label\n30,Oslo,Y,,yes\n41,NA,N,,no\n,Rome,Y,2,no\n50,Oslo,N,,no\n');
  await expect(cell(page, 'age', 'column-type')).toHaveText('numeric');
  await expect(cell(page, 'age', 'column-missing')).toHaveText('25.0%');
  await expect(cell(page, 'city', 'column-distinct')).toHaveText('2');
  await expect(cell(page, 'smoker', 'column-type')).toHaveText('boolean');
  await expect(cell(page, 'sparse', 'column-type')).toHaveText('numeric · mostly empty');
  await page.getByRole('checkbox', { name: 'Use city as a feature' }).uncheck();
  await expect.poll(() => page.evaluate(() => window.localStorage.getItem('cutoff.settings.v1'))).toContain('"excludedColumns":["city"]');
  await expect(page.getByTestId('column-table').locator('[data-column="label"] input')).toHaveCount(0);
});

test('aggregated score,label,count rows: the count column is found and weights the rows', async ({ page }) => {
  await page.goto('/');
  await uploadText(page, 'grouped.csv', 'score,label,n\n0.9,1,30\n0.9,0,5\n0.6,1,10\n0.6,0,40\n0.2,1,2\n0.2,0,300\n');
  await expect(page.getByTestId('mode-select')).toHaveValue('aggregated');
  await expect(page.getByTestId('weight-select')).toHaveValue('n');
  await page.getByTestId('threshold-input').fill('0.6');
  await expect.poll(() => confusionOf(page)).toEqual({ tp: 40, fp: 45, tn: 300, fn: 2 });
  // The cockpit folds the data step once scores are in.
  await unfold(page, 'data');
  await page.getByTestId('mode-select').selectOption('scores');
  await expect(page.getByTestId('weight-select')).toHaveValue('');
  // A new score set starts at its cost optimum (the cockpit): the same threshold is set again.
  await page.getByTestId('threshold-input').fill('0.6');
  await expect.poll(() => confusionOf(page)).toEqual({ tp: 2, fp: 2, tn: 1, fn: 1 });
});

test('reading shows progress in bytes and rows, and Cancel stops it', async ({ page }) => {
  await page.goto('/');
  // 64 MB built in the page from one 1 MB block of rows, so the read takes long enough to cancel.
  await page.evaluate(() => {
    let rows = '';
    for (let i = 0; rows.length < 2 ** 20 - 64; i++) rows += `${(i % 97) / 97},${i % 13},${i % 7 === 0 ? 'yes' : 'no'}\n`;
    const block = new Blob([rows]);
    const file = new File(['a,b,label\n', ...Array.from({ length: 64 }, () => block)], 'big.csv', { type: 'text/csv' });
    const input = document.querySelector<HTMLInputElement>('[data-testid="file-input"]');
    if (!input) throw new Error('no file input');
    const transfer = new DataTransfer();
    transfer.items.add(file);
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  const progress = page.getByTestId('parse-progress');
  await expect(progress).toContainText(/Reading big\.csv: [\d.]+ [KM]B of 64\.0 MB, [\d,]+ rows/);
  await page.getByTestId('parse-cancel').click();
  await expect(progress).toHaveCount(0);
  await expect(page.getByTestId('dataset-summary')).toHaveCount(0);
  await expect(page.getByTestId('error')).toHaveCount(0);
  await page.getByTestId('demo-button').click();
  await expect(page.getByTestId('dataset-summary')).toContainText('11183 rows');
});

test('a crashed reader is reported, replaced, and the next file reads', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => {
    const block = new Blob(['1,2,yes\n3,4,no\n'.repeat(65536)]);
    const file = new File(['a,b,label\n', ...Array.from({ length: 64 }, () => block)], 'big.csv', { type: 'text/csv' });
    const input = document.querySelector<HTMLInputElement>('[data-testid="file-input"]');
    if (!input) throw new Error('no file input');
    const transfer = new DataTransfer();
    transfer.items.add(file);
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await expect(page.getByTestId('parse-progress')).toBeVisible();
  // The page may report progress before Playwright has learnt of the worker.
  const findReader = () => page.workers().find((w) => w.url().includes('parse.worker'));
  await expect.poll(() => findReader() !== undefined).toBe(true);
  const reader = findReader();
  if (!reader) throw new Error('no parse worker');
  await reader.evaluate(() => {
    setTimeout(() => {
      throw new Error('simulated crash');
    }, 0);
  });
  await expect(page.getByTestId('error')).toContainText('The file reader stopped unexpectedly');
  await expect(page.getByTestId('error')).toContainText('it has been restarted');
  await uploadText(page, 'after.csv', 'score,label\n0.9,1\n0.2,0\n');
  await expect(page.getByTestId('dataset-summary')).toContainText('after.csv: 2 rows');
});
