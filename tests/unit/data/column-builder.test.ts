import { describe, expect, it } from 'vitest';
import { ColumnBuilder } from '../../../src/data/column-builder';
import { DISTINCT_COUNT_CAP } from '../../../src/data/dataset';

function build(cells: string[], decimalComma = false, capacity?: number) {
  const builder = new ColumnBuilder('x', decimalComma, capacity);
  for (const cell of cells) builder.push(cell);
  return builder.finish();
}

describe('ColumnBuilder', () => {
  it('keeps a column of numbers as float64 with NaN for missing cells', () => {
    const column = build(['1', 'NA', '2.5', '', '-3']);
    expect(column.kind).toBe('numeric');
    if (column.kind !== 'numeric') return;
    expect(Array.from(column.values)).toEqual([1, NaN, 2.5, NaN, -3]);
    expect(column.missing).toBe(2);
    expect(column.distinct).toEqual(['-3', '1', '2.5']);
    expect(column.distinctCount).toBe(3);
    expect(column.infinite).toBe(0);
  });

  it('switches to codes at the first text cell, the numbers before it becoming levels', () => {
    const column = build(['1', '2', '?', '1', 'x', ' y ', 'x']);
    expect(column.kind).toBe('categorical');
    if (column.kind !== 'categorical') return;
    expect(column.levels).toEqual(['1', '2', 'x', 'y']);
    expect(Array.from(column.codes)).toEqual([0, 1, -1, 0, 2, 3, 2]);
    expect(column.missing).toBe(1);
  });

  it('grows past its first capacity without losing values', () => {
    const cells = Array.from({ length: 5000 }, (_, i) => String(i % 7));
    const column = build(cells, false, 16);
    expect(column.kind === 'numeric' && column.values.length).toBe(5000);
    expect(column.kind === 'numeric' && column.values[4999]).toBe(4999 % 7);
    const text = build([...cells, 'z'], false, 16);
    expect(text.kind === 'categorical' && text.codes.length).toBe(5001);
    expect(text.kind === 'categorical' && text.levels[text.codes[5000]]).toBe('z');
  });

  it('counts infinite values and remembers the first one', () => {
    const column = build(['1', '2', 'inf', '-Infinity', '3']);
    expect(column.kind === 'numeric' && [column.infinite, column.firstInfiniteRow]).toEqual([2, 2]);
  });

  it('stops counting distinct values at the cap', () => {
    const column = build(Array.from({ length: DISTINCT_COUNT_CAP + 5 }, (_, i) => String(i)));
    expect(column.kind === 'numeric' && column.distinctCount).toBeNull();
    expect(column.kind === 'numeric' && column.distinct).toBeNull();
  });

  it('reads decimal commas when the file is semicolon-separated', () => {
    const column = build(['1,5', '2', '-0,5'], true);
    expect(column.kind === 'numeric' && Array.from(column.values)).toEqual([1.5, 2, -0.5]);
  });

  it('makes a column without any value categorical with no levels', () => {
    const column = build(['', 'NA', '?']);
    expect(column.kind).toBe('categorical');
    expect(column.kind === 'categorical' && [column.levels.length, column.missing]).toEqual([0, 3]);
  });
});
