import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { expect, test, unfold, uploadText } from './fixtures';

/**
 * A gzip bomb as its trailer tells it: 1.2 GB unpacked, past the page's limit. The page refuses
 * it from the trailer at once, naming both sizes, instead of unpacking and parsing a gigabyte.
 */
function gzipBomb(): Buffer {
  let text = 'score,label\n';
  // Scores with many digits compress only about 2:1, so the trailer's claim stays within deflate's 1032:1.
  for (let i = 0; text.length < 4_000_000; i++) text += `${((i * 2654435761) % 999999937) / 999999937},${i % 9 === 0 ? 1 : 0}\n`;
  const packed = gzipSync(text);
  packed.writeUInt32LE(1_288_490_188, packed.length - 4);
  return packed;
}

/** After a refusal the app must still read the next file. */
async function expectUsable(page: Page): Promise<void> {
  await uploadText(page, 'good.csv', 'score,label\n0.9,1\n0.2,0\n0.6,1\n0.4,0\n');
  await expect(page.getByTestId('dataset-summary')).toContainText('good.csv');
  await expect(page.getByTestId('roc-handle')).toBeVisible();
}

const refusals: [string, string | Buffer, RegExp][] = [
  ['an empty file', '', /bad\.csv is empty: there are no rows to read/],
  ['a blank file', '\n  \n,,\n', /bad\.csv is empty/],
  ['a header without rows', 'a,b,label\n', /has a header row but no data rows/],
  ['a single column', 'x\n1\n2\n3\n', /has a single column.*check the delimiter/],
  ['a label with one class', 'a,b,label\n1,2,yes\n3,4,yes\n5,7,yes\n', /"label" has only one class: every row is "yes"/],
  ['no two-valued column', 'a,b\n1,x\n2,y\n3,z\n', /exactly two values/],
  ['a binary file', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00]), /not a text CSV file \(it looks binary/],
  // A zip header with nothing after it: now that workbooks are read, it is a damaged workbook.
  [
    'a workbook cut short',
    Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0x14, 0x00]),
    /looks like an Excel workbook \(a zip archive\) but is damaged or incomplete/,
  ],
  ['a gzip bomb', gzipBomb(), /bad\.csv is gzip-compressed: [\d.]+ (KB|MB) that unpack to 1228\.8 MB \(as its trailer says\), more than the 1024\.0 MB/],
  ['a quote that is never closed', 'a,b,label\n1,2,yes\n3,"oops,no\n5,6,no\n', /Line 3 opens a quoted cell \(".*never closed/],
];

test('each refusal gets its specific message and the app stays usable', async ({ page }) => {
  await page.goto('/');
  for (const [name, content, message] of refusals) {
    await test.step(name, async () => {
      await uploadText(page, 'bad.csv', content);
      await expect(page.getByTestId('error')).toHaveText(message);
      await expect(page.getByRole('alert')).toBeVisible();
      await expectUsable(page);
      await expect(page.getByTestId('error')).toHaveCount(0);
    });
  }
});

test('ragged rows: true file lines are named, and a button re-reads skipping them', async ({ page }) => {
  await page.goto('/');
  // Line 2–3 is one row (a quoted line break); line 5 is blank; lines 4 and 7 are ragged.
  await uploadText(page, 'ragged.csv', 'a,b,label\n1,"two\nlines",yes\n3,no\n5,6,no\n\n7,8,9,no\n10,11,yes\n12,13,no\n');
  await expect(page.getByTestId('error')).toContainText('2 rows do not have 3 fields like the header (lines 4, 7).');
  await page.getByTestId('skip-rows-button').click();
  await expect(page.getByTestId('dataset-summary')).toContainText('4 rows');
  await expect(page.getByText('2 ragged rows skipped (lines 4, 7).')).toBeVisible();
  await expect(page.getByTestId('error')).toHaveCount(0);
});

test('three label values: the page asks for the positive class, one versus the rest', async ({ page }) => {
  await page.goto('/');
  await uploadText(page, 'grades.csv', 'x,label\n1,a\n2,b\n3,c\n4,a\n5,b\n');
  await expect(page.getByTestId('error')).toContainText('The label column "label" has 3 values ("a", "b", "c"), not two. Choose the positive class');
  await page.getByTestId('positive-select').selectOption('b');
  await expect(page.getByTestId('error')).toHaveCount(0);
  await expect(page.getByTestId('one-vs-rest-note')).toContainText('“b” is the positive class and every other value (a, c) counts as negative');
  await expect(page.getByTestId('dataset-summary')).toContainText('2 positives');
});

test('no usable feature column is refused, and ticking one back clears it', async ({ page }) => {
  await page.goto('/');
  await uploadText(page, 'f.csv', 'a,empty,label\n1,,yes\n2,,no\n3,,no\n');
  await expect(page.getByTestId('mode-select')).toHaveValue('train');
  await page.getByRole('checkbox', { name: 'Use a as a feature' }).uncheck();
  await expect(page.getByTestId('error')).toContainText('No usable feature column: every column besides the label "label" is left out under Columns or empty.');
  await page.getByRole('checkbox', { name: 'Use a as a feature' }).check();
  await expect(page.getByTestId('error')).toHaveCount(0);
});

test('a score column outside [0, 1] is refused by line and can be rescaled', async ({ page }) => {
  await page.goto('/');
  await uploadText(page, 'scores.csv', 'score,label\n0.2,1\n1.7,0\n0.4,0\n-3,1\n');
  await expect(page.getByTestId('mode-select')).toHaveValue('scores');
  await expect(page.getByTestId('error')).toContainText('The score column "score" has 1.7 on line 3: scores must be probabilities between 0 and 1.');
  await page.getByTestId('rescale-minmax-button').click();
  await expect(page.getByTestId('error')).toHaveCount(0);
  await expect(page.getByTestId('score-transform-select')).toHaveValue('min-max');
  await expect(page.getByTestId('roc-handle')).toBeVisible();
  // The export says how the scores were rescaled, so the threshold can be mapped back.
  const download = page.waitForEvent('download');
  await page.getByTestId('export-button').click();
  const exported = JSON.parse(readFileSync(await (await download).path(), 'utf8')) as { source: { scoreTransform: unknown } };
  expect(exported.source.scoreTransform).toEqual({ kind: 'min-max', min: -3, max: 1.7 });
  // The cockpit folds the data step once scores are in.
  await unfold(page, 'data');
  await page.getByTestId('score-transform-select').selectOption('none');
  await expect(page.getByTestId('error')).toContainText('1.7');
  await page.getByTestId('rescale-sigmoid-button').click();
  await expect(page.getByTestId('error')).toHaveCount(0);
});

test('NaN and Infinity name their column and line', async ({ page }) => {
  await page.goto('/');
  await uploadText(page, 'scores.csv', 'score,label\n0.2,1\n0.3,0\n\nNaN,0\n');
  await expect(page.getByTestId('error')).toContainText('The score column "score" has a missing value (blank, NA or NaN) on line 5');
  await uploadText(page, 'features.csv', 'a,b,label\n1,2,yes\n3,inf,no\n4,5,no\n');
  await expect(page.getByTestId('error')).toContainText('The column "b" has an infinite value (Infinity on line 3).');
  await expect(page.getByTestId('column-table').locator('[data-column="b"] [data-testid="column-type"]')).toContainText('1 infinite');
  await page.getByRole('checkbox', { name: 'Use b as a feature' }).uncheck();
  await expect(page.getByTestId('error')).toHaveCount(0);
});

test('a file larger than the page can hold is refused before it is read', async ({ page }) => {
  await page.goto('/');
  // 300 references to one 1 MB blob: a 300 MB file that costs the test 1 MB.
  await page.evaluate(() => {
    const mb = new Blob(['x'.repeat(2 ** 20)]);
    const file = new File(
      Array.from({ length: 300 }, () => mb),
      'huge.csv',
      { type: 'text/csv' },
    );
    const input = document.querySelector<HTMLInputElement>('[data-testid="file-input"]');
    const transfer = new DataTransfer();
    transfer.items.add(file);
    if (!input) throw new Error('no file input');
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await expect(page.getByTestId('error')).toContainText('huge.csv is 300.0 MB; Cutoff reads files up to 256.0 MB in a browser tab.');
  await expect(page.getByTestId('parse-progress')).toHaveCount(0);
  await expectUsable(page);
});

test('column names like __proto__, constructor and toString are ordinary columns', async ({ page }) => {
  await page.goto('/');
  await uploadText(page, 'proto.csv', '__proto__,constructor,toString,hasOwnProperty\n0.9,1,a,yes\n0.2,0,b,no\n0.7,1,a,no\n0.4,0,b,yes\n');
  const table = page.getByTestId('column-table');
  for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
    await expect(table.getByRole('rowheader', { name, exact: true })).toBeVisible();
  }
  await page.getByTestId('label-select').selectOption('constructor');
  await page.getByTestId('positive-select').selectOption('1');
  await page.getByTestId('mode-select').selectOption('scores');
  await page.getByTestId('score-select').selectOption('__proto__');
  await expect(page.getByTestId('dataset-summary')).toContainText('2 positives');
  await expect(page.getByTestId('roc-handle')).toBeVisible();
});

test('HTML in a header or cell is shown as text, never run', async ({ page }) => {
  await page.goto('/');
  await uploadText(page, 'x.csv', '"<img src=x onerror=alert(1)>",label,"<script>window.ran=1</script>"\n1,<b>yes</b>,1\n2,no,2\n3,no,3\n');
  await expect(page.getByTestId('positive-select')).toHaveValue('<b>yes</b>');
  await expect(page.getByTestId('column-table').getByRole('rowheader', { name: '<img src=x onerror=alert(1)>' })).toBeVisible();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.locator('b', { hasText: 'yes' })).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { ran?: number }).ran)).toBeUndefined();
});
