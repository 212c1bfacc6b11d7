import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';

/**
 * An Excel workbook dropped as a person would (issue 33): its first sheet is read, the page
 * asks which sheet when there are several (sheet-select), and a workbook that cannot be read
 * says why in the page, never a frozen tab.
 */
const FIXTURES = join(import.meta.dirname, '../fixtures');

async function uploadWorkbook(page: import('@playwright/test').Page, path: string): Promise<void> {
  const name = path.split('/').pop() ?? path;
  await page
    .getByTestId('file-input')
    .setInputFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: readFileSync(join(FIXTURES, path)) });
}

test('a workbook with several sheets: the first is read, sheet-select reads another', async ({ page }) => {
  await page.goto('/');
  await uploadWorkbook(page, 'data/clinic-sheets.xlsx');
  await expect(page.getByTestId('dataset-summary')).toContainText('clinic-sheets.xlsx: 200 rows, 2 columns');
  const select = page.getByTestId('sheet-select');
  await expect(select.locator('option')).toHaveText(['scores', 'notes', 'lookup', 'Q2 scores']);
  await expect(page.getByTestId('delimiter-select')).toHaveCount(0);
  await select.selectOption('Q2 scores');
  await expect(page.getByTestId('dataset-summary')).toContainText('clinic-sheets.xlsx: 100 rows, 2 columns');
  // A sheet that is no table says so, and offers the others.
  await page.getByTestId('sheet-select').selectOption('notes');
  await expect(page.getByTestId('error')).toContainText('sheet "notes" has a single column');
  await page.getByTestId('read-sheet-button').click();
  await expect(page.getByTestId('dataset-summary')).toContainText('clinic-sheets.xlsx: 200 rows, 2 columns');
});

test('merged header cells are refused in the page with the range', async ({ page }) => {
  await page.goto('/');
  await uploadWorkbook(page, 'workbooks/merged-header.xlsx');
  await expect(page.getByTestId('error')).toContainText('has merged cells (B1:C1)');
});
