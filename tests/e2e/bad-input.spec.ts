import { expect, test, uploadText } from './fixtures';

const cases: [string, string, RegExp][] = [
  ['an empty file', '', /empty/],
  ['a header without rows', 'a,b,label\n', /header row but no data rows/],
  ['a single column', 'x\n1\n2\n3\n', /single column/],
  ['ragged rows', 'a,b,label\n1,2,yes\n3,no\n5,6,no\n', /line 3/],
  ['a label with one class', 'a,b,label\n1,2,yes\n3,4,yes\n5,7,yes\n', /only one class/],
  ['no two-valued column', 'a,b\n1,x\n2,y\n3,z\n', /exactly two values/],
  ['a binary file', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]).toString('latin1'), /binary/],
];

for (const [name, text, message] of cases) {
  test(`${name} gets a specific message and the app stays usable`, async ({ page }) => {
    await page.goto('/');
    await uploadText(page, 'bad.csv', text);
    await expect(page.getByTestId('error')).toHaveText(message);
    await expect(page.getByRole('alert')).toBeVisible();
    await page.getByTestId('demo-button').click();
    await expect(page.getByTestId('dataset-summary')).toContainText('11183 rows');
  });
}

test('a score column outside [0, 1] is refused by name', async ({ page }) => {
  await page.goto('/');
  await uploadText(page, 'scores.csv', 'score,label\n0.2,1\n1.7,0\n0.4,0\n');
  await page.getByTestId('mode-select').selectOption('scores');
  await page.getByTestId('score-select').selectOption('score');
  await expect(page.getByTestId('error')).toContainText('1.7');
});

test('HTML in a header or cell is shown as text, never run', async ({ page }) => {
  await page.goto('/');
  await uploadText(page, 'x.csv', '"<img src=x onerror=alert(1)>",label\n1,<b>yes</b>\n2,no\n3,no\n');
  await expect(page.getByTestId('positive-select')).toHaveValue('<b>yes</b>');
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.locator('b', { hasText: 'yes' })).toHaveCount(0);
});
