import { describe, expect, it } from 'vitest';
import { ColumnBuilder } from '../../../src/data/column-builder';
import { findColumn } from '../../../src/data/dataset';
import { isExcelError, isMissingToken } from '../../../src/data/missing';
import { readSpreadsheetNumber } from '../../../src/data/spreadsheet-number';
import { datasetOf } from './helpers';

function build(cells: string[], decimalComma = false) {
  const builder = new ColumnBuilder('x', decimalComma);
  for (const cell of cells) builder.push(cell);
  return builder.finish();
}

function valuesOf(cells: string[], decimalComma = false): number[] | string {
  const column = build(cells, decimalComma);
  return column.kind === 'numeric' ? Array.from(column.values) : `text: ${column.levels.join('|')}`;
}

describe('spreadsheet-style numbers', () => {
  it('reads thousands separators, currency signs and percentages one cell at a time', () => {
    expect(readSpreadsheetNumber('12,345.67', false)).toMatchObject({ value: 12345.67, grouped: true });
    expect(readSpreadsheetNumber('12.345,67', true)).toMatchObject({ value: 12345.67, grouped: true });
    expect(readSpreadsheetNumber('-$1,234', false)).toMatchObject({ value: -1234, currency: '$' });
    expect(readSpreadsheetNumber('1.234,50 €', true)).toMatchObject({ value: 1234.5, currency: '€' });
    expect(readSpreadsheetNumber('12.5%', false)).toMatchObject({ value: 0.125, percent: true });
    expect(readSpreadsheetNumber('12,5 %', true)).toMatchObject({ value: 0.125, percent: true });
    for (const text of ['12,34.5', '1,2345', '$1$', 'A-1', '12.345,67']) expect(readSpreadsheetNumber(text, false), text).toBeNull();
  });

  it('reads a whole column that follows one pattern as numbers, and says how', () => {
    const column = build(['1,234.5', '12', '999', '-2,000,000']);
    expect(column.kind === 'numeric' && Array.from(column.values)).toEqual([1234.5, 12, 999, -2e6]);
    expect(column.kind === 'numeric' && column.readAs).toBe('read as numbers: thousands separators');
    expect(valuesOf(['12.345,67', '3,5', '1.000'], true)).toEqual([12345.67, 3.5, 1000]);
    expect(valuesOf(['$12.50', '$1,200', '$0.99'])).toEqual([12.5, 1200, 0.99]);
    expect(valuesOf(['45%', '12.5%', '100%'])).toEqual([0.45, 0.125, 1]);
  });

  it('leaves a column as text when its cells do not share one pattern', () => {
    expect(valuesOf(['$12', '€13'])).toMatch(/^text/);
    expect(valuesOf(['45%', '0.5'])).toMatch(/^text/);
    expect(valuesOf(['1,234', 'A-7'])).toMatch(/^text/);
    // In a decimal-comma file, a number read with a dot before the first grouped one is ambiguous.
    expect(valuesOf(['1.5', '1.234,5'], true)).toMatch(/^text/);
  });

  it('counts Excel error values as missing, in number and text columns alike', () => {
    for (const cell of ['#DIV/0!', '#VALUE!', '#N/A', '#NAME?', '#REF!', '#NUM!', '#NULL!', ' #n/a ']) {
      expect(isExcelError(cell), cell).toBe(true);
      expect(isMissingToken(cell), cell).toBe(true);
    }
    expect(isExcelError('#1 pick')).toBe(false);
    const numbers = build(['1', '#DIV/0!', '2', '#N/A']);
    expect(numbers).toMatchObject({ kind: 'numeric', missing: 2, errorCells: 2 });
    const grouped = build(['1,200', '#VALUE!', '3,400']);
    expect(grouped).toMatchObject({ kind: 'numeric', missing: 1, errorCells: 1 });
    expect(build(['a', '#REF!', 'b'])).toMatchObject({ kind: 'categorical', levels: ['a', 'b'], errorCells: 1 });
  });

  it('reads quoted amounts with thousands separators and error cells in a comma file, and notes the errors', async () => {
    const d = await datasetOf('amount,share,label\n"12,345.67",10%,yes\n#DIV/0!,20%,no\n"1,000",#N/A,no\n250,5%,yes\n');
    const amount = findColumn(d, 'amount');
    expect(amount?.kind === 'numeric' && Array.from(amount.values)).toEqual([12345.67, NaN, 1000, 250]);
    const share = findColumn(d, 'share');
    expect(share?.kind === 'numeric' && Array.from(share.values)).toEqual([0.1, 0.2, NaN, 0.05]);
    expect(d.notes).toContain('"amount": 1 Excel error cell (#DIV/0!, #N/A, …) read as missing.');
  });
});
