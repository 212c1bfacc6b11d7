import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findColumn, type Column, type Dataset } from '../../../src/data/dataset';
import { DataError } from '../../../src/data/errors';
import { isDateFormat } from '../../../src/data/xlsx-workbook';
import { excelDate } from '../../../src/data/xlsx-sheet';
import { datasetOf } from './helpers';
import { row, writeXlsx } from './xlsx-writer';

/** Workbooks openpyxl wrote, and the same sheet saved as CSV: tests/fixtures/data/write-xlsx.py. */
const FIXTURES = join(import.meta.dirname, '../../fixtures');

async function fixture(path: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(join(FIXTURES, path)));
}

function cells(column: Column | undefined): (number | string | null)[] {
  if (!column) return [];
  if (column.kind === 'numeric') return Array.from(column.values, (v) => (Number.isNaN(v) ? null : v));
  return Array.from(column.codes, (c) => (c < 0 ? null : column.levels[c]));
}

async function refusal(bytes: Uint8Array, name: string, options = {}): Promise<string> {
  const error: unknown = await datasetOf(bytes, options, name).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DataError);
  return (error as DataError).message;
}

describe('an .xlsx workbook', () => {
  it('reads to the same typed columns as the same sheet saved as CSV', async () => {
    const book = await datasetOf(await fixture('data/clinic.xlsx'), {}, 'clinic.xlsx');
    const csv = await datasetOf(await fixture('data/clinic.csv'), {}, 'clinic.csv');
    expect(book.format).toBe('xlsx');
    expect(book.sheet).toBe('patients');
    expect(book.rowCount).toBe(300);
    expect(book.columns.map((c) => `${c.name}:${c.kind}`)).toEqual(csv.columns.map((c) => `${c.name}:${c.kind}`));
    for (const column of csv.columns) expect(cells(findColumn(book, column.name)), column.name).toEqual(cells(column));
    // Dates as the page's dates (days since 1970), whatever the cell's display format (dd/mm/yyyy here).
    const visit = findColumn(book, 'visit');
    expect(visit?.kind === 'numeric' && visit.dateForm).toBe('ISO 8601 date');
    expect(visit?.kind === 'numeric' && visit.values[0]).toBe(Date.UTC(2023, 0, 14) / 86_400_000);
    // An error cell (#N/A) is missing and counted; a formula is read by its cached value.
    expect(findColumn(book, 'crp')?.errorCells).toBe(8);
    expect(cells(findColumn(book, 'double')).slice(0, 2)).toEqual([102, 44]);
    // 0.17 shown as "17%" is 0.17.
    expect(cells(findColumn(book, 'ratio'))[0]).toBe(0.17);
  });

  it('reads the first visible sheet, lists the sheets, and reads another by name', async () => {
    const bytes = await fixture('data/clinic-sheets.xlsx');
    const first = await datasetOf(bytes, {}, 'clinic-sheets.xlsx');
    expect(first.sheet).toBe('scores');
    expect(first.sheets).toEqual(['scores', 'notes', 'lookup', 'Q2 scores']);
    expect(first.rowCount).toBe(200);
    const q2 = await datasetOf(bytes, { sheet: 'Q2 scores' }, 'clinic-sheets.xlsx');
    expect(q2.rowCount).toBe(100);
    expect(await refusal(bytes, 'clinic-sheets.xlsx', { sheet: 'Q3' })).toMatch(/has no sheet "Q3"; its sheets are "scores", "notes", "lookup", "Q2 scores"/);
    expect(await refusal(bytes, 'clinic-sheets.xlsx', { sheet: 'notes' })).toMatch(/sheet "notes" has a single column/);
    // The page offers the other sheets instead.
    const error = await datasetOf(bytes, { sheet: 'notes' }, 'clinic-sheets.xlsx').catch((e: unknown) => e);
    expect(error instanceof DataError && error.remedy).toEqual({ kind: 'choose-sheet', sheets: ['scores', 'lookup', 'Q2 scores'] });
  });

  it('names the columns of a sheet without a header row, as for a CSV', async () => {
    const d = await datasetOf(await fixture('data/no-header.xlsx'), {}, 'no-header.xlsx');
    expect(d.hasHeader).toBe(false);
    expect(d.columns.map((c) => c.name)).toEqual(['column_1', 'column_2', 'column_3']);
    expect(d.rowCount).toBe(100);
  });

  it('refuses merged header cells with the range', async () => {
    expect(await refusal(await fixture('workbooks/merged-header.xlsx'), 'merged-header.xlsx')).toMatch(/header row 1 has merged cells \(B1:C1\).*Unmerge/);
  });

  it('reads shared strings, phonetic guides, escapes, booleans, errors, times and the 1904 system as Excel typed them', async () => {
    const sheet = [
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>',
      '<row r="2"><c r="A2" s="1"><v>0</v></c><c r="B2" t="b"><v>1</v></c><c r="C2" t="e"><v>#DIV/0!</v></c><c r="D2" s="3"><v>0.5</v></c><c r="E2" t="s"><v>5</v></c></row>',
      '<row r="3"><c r="A3" s="2"><v>366.5</v></c><c r="B3" t="b"><v>0</v></c><c r="C3"><f>1/1</f><v>1</v></c><c r="D3" s="3"><v>1.25</v></c><c r="E3" t="s"><v>6</v></c></row>',
    ].join('');
    const strings = [
      'when',
      'flag',
      'value',
      'duration',
      'name &amp; note',
      '<r><t>to</t></r><r><rPr/><t xml:space="preserve">kyo</t></r><rPh sb="0" eb="1"><t>ト</t></rPh>',
      'a_x000D_b',
    ];
    const d = await datasetOf(writeXlsx([{ name: 'S', xml: sheet }], { strings, date1904: true }), {}, 'book.xlsx');
    expect(d.columns.map((c) => c.name)).toEqual(['when', 'flag', 'value', 'duration', 'name & note']);
    expect(cells(findColumn(d, 'when'))).toEqual([Date.UTC(1904, 0, 1) / 86_400_000, Date.UTC(1905, 0, 1, 12) / 86_400_000]);
    expect(cells(findColumn(d, 'flag'))).toEqual(['TRUE', 'FALSE']);
    expect(cells(findColumn(d, 'value'))).toEqual([null, 1]);
    expect(findColumn(d, 'value')?.errorCells).toBe(1);
    // [h]:mm:ss is a duration, not a date: a fraction of a day.
    expect(cells(findColumn(d, 'duration'))).toEqual([0.5, 1.25]);
    expect(cells(findColumn(d, 'name & note'))).toEqual(['tokyo', 'a\rb']);
  });

  it('converts serial days in the 1900 system as Excel counts them', () => {
    expect(excelDate(1, false)).toBe('1900-01-01');
    expect(excelDate(61, false)).toBe('1900-03-01');
    expect(excelDate(45_000, false)).toBe('2023-03-15');
    expect(excelDate(45_000.25, false)).toBe('2023-03-15T06:00:00.000Z');
    expect(excelDate(0, true)).toBe('1904-01-01');
  });

  it('tells date formats from number and time formats', () => {
    for (const code of ['yyyy-mm-dd', 'dd/mm/yyyy', 'd-mmm-yy', '[$-409]mmmm d, yyyy;@', 'yyyy-mm-dd hh:mm']) expect(isDateFormat(code), code).toBe(true);
    for (const code of ['0.00%', 'General', '#,##0 "days"', 'h:mm', '[h]:mm:ss', '0.00E+00', '[Red]0.0']) expect(isDateFormat(code), code).toBe(false);
  });

  it('refuses a damaged, encrypted, old or OpenDocument file, and a zip that is not a workbook, each clearly', async () => {
    const good = await fixture('data/clinic.xlsx');
    expect(await refusal(good.subarray(0, good.length - 100), 'cut.xlsx')).toMatch(/damaged or incomplete/);
    const garbled = good.slice();
    garbled.fill(7, 2000, 6000);
    expect(await refusal(garbled, 'garbled.xlsx')).toMatch(/damaged or incomplete|not an Excel cell reference|ends in the middle/);
    const compound = (name: string) => {
      const bytes = new Uint8Array(4096);
      bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
      Array.from(name).forEach((ch, i) => (bytes[1024 + 2 * i] = ch.charCodeAt(0)));
      return bytes;
    };
    expect(await refusal(compound('EncryptedPackage'), 'locked.xlsx')).toMatch(/password-protected workbook.*Remove the password/);
    expect(await refusal(compound('Workbook'), 'old.xls')).toMatch(/Excel 97–2003 workbook \(\.xls\).*Save it as \.xlsx/);
    const { zipSync, strToU8 } = await import('fflate');
    const ods = zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }], 'content.xml': strToU8('<x/>') });
    expect(await refusal(ods, 'sheet.ods')).toMatch(/OpenDocument spreadsheet \(\.ods\)/);
    expect(await refusal(zipSync({ 'data.csv': strToU8('a,b\n1,2\n') }), 'data.zip')).toMatch(/zip archive \(holding data\.csv\), not an Excel workbook/);
  });

  it('says which sheet has too many columns to the right of the header', async () => {
    // Within the first rows a wider row widens the table (an unnamed column); past them it is a stray value.
    const body = Array.from({ length: 250 }, (_, i) => row(i + 2, [i / 250, i % 2 ? 'yes' : 'no']));
    const xml = row(1, ['score', 'label']) + body.join('') + row(260, [0.2, 'no', 'stray']);
    expect(await refusal(writeXlsx([{ name: 'data', xml }]), 'stray.xlsx')).toMatch(/1 row does not have 2 fields like the header \(line 260\)/);
  });
});

describe('a 1,000,000-row sheet', () => {
  it('is read whole, in the worker, within the cell limit', async () => {
    const n = 1_000_000;
    const parts = [row(1, ['score', 'label'])];
    for (let r = 2; r <= n + 1; r++) parts.push(`<row r="${r}"><c r="A${r}"><v>${(r % 997) / 997}</v></c><c r="B${r}" t="s"><v>${r % 3 === 0 ? 1 : 0}</v></c></row>`);
    const bytes = writeXlsx([{ name: 'big', xml: parts.join('') }], { strings: ['no', 'yes'], level: 0 });
    const start = performance.now();
    const d: Dataset = await datasetOf(bytes, {}, 'big.xlsx');
    const seconds = (performance.now() - start) / 1000;
    expect(d.rowCount).toBe(n);
    expect(d.columns.map((c) => c.kind)).toEqual(['numeric', 'categorical']);
    expect(seconds).toBeLessThan(30);
  }, 60_000);
});
