import { describe, expect, test } from 'vitest';
import { fitPreprocessor, type RawColumn } from '../../../src/data/preprocess';
import { applyPreprocessor } from '../../../src/data/preprocess-apply';
import { parsePreprocessor } from '../../../src/data/preprocess-schema';
import { median } from '../../../src/data/median';
import { DataError } from '../../../src/data/errors';

const num = (name: string, values: number[]): RawColumn => ({ kind: 'numeric', name, values: Float64Array.from(values) });
const cat = (name: string, cells: (string | null)[]): RawColumn => {
  const levels: string[] = [];
  const codes = Int32Array.from(cells, (cell) => {
    if (cell === null) return -1;
    const at = levels.indexOf(cell);
    return at >= 0 ? at : levels.push(cell) - 1;
  });
  return { kind: 'categorical', name, codes, levels };
};
const rows = (...r: number[]): Uint32Array => Uint32Array.from(r);

// Rows 0–3 train, row 4 is held out with values the fit must not see.
const columns: RawColumn[] = [
  num('age', [20, 30, NaN, 50, 1000]),
  num('flat', [7, 7, 7, 7, 99]),
  cat('city', ['Paris', 'Lyon', 'Paris', null, 'Nice']),
  cat('__proto__', ['a', 'a', 'a', 'a', 'b']),
];
const train = rows(0, 1, 2, 3);

describe('fitPreprocessor', () => {
  test('numeric: training-row mean, population std and median; a missing-indicator where values are missing', () => {
    const p = fitPreprocessor(columns, train);
    const age = p.steps.find((s) => s.column === 'age');
    // Present training values 20, 30, 50: mean 33.33…, population std √(822.22…) = 12.472…, median 30.
    expect(age).toEqual({
      kind: 'numeric',
      column: 'age',
      useValue: true,
      mean: 100 / 3,
      std: Math.sqrt(((20 - 100 / 3) ** 2 + (30 - 100 / 3) ** 2 + (50 - 100 / 3) ** 2) / 3),
      median: 30,
      indicator: true,
    });
  });

  test('categorical: levels by training frequency, mode imputation with an indicator; constant columns dropped with a note', () => {
    const p = fitPreprocessor(columns, train);
    expect(p.steps.find((s) => s.column === 'city')).toEqual({
      kind: 'categorical',
      column: 'city',
      levels: ['Paris', 'Lyon'],
      other: false,
      foldedCount: 0,
      mode: 'Paris',
      indicator: true,
    });
    expect(p.dropped).toEqual([
      { column: 'flat', reason: 'constant on the training rows' },
      { column: '__proto__', reason: 'constant on the training rows' },
    ]);
    expect(p.inputs).toEqual(['age', 'age (missing)', 'city=Paris', 'city=Lyon', 'city (missing)']);
    expect(p.notes).toContain('Dropped "flat": constant on the training rows.');
  });

  test('caps the levels of a categorical column and names what was folded into "other"', () => {
    const cells = ['a', 'a', 'a', 'a', 'b', 'b', 'b', 'c', 'c', 'd', 'e', 'f'];
    const p = fitPreprocessor([cat('grade', cells)], Uint32Array.from(cells.keys()), { maxLevels: 3, identifierShare: 0.9 });
    expect(p.steps[0]).toMatchObject({ levels: ['a', 'b'], other: true, foldedCount: 4 });
    expect(p.inputs).toEqual(['grade=a', 'grade=b', 'grade=other']);
    expect(p.notes).toEqual(['"grade": the 4 rarest of 6 values were folded into "other" ("c", "d", "e", "f").']);
  });

  test('drops identifier-like text columns and columns with no training value', () => {
    const ids = Array.from({ length: 40 }, (_, i) => `id-${i}`);
    const p = fitPreprocessor(
      [
        cat('id', ids),
        num('empty', new Array(40).fill(NaN)),
        num(
          'x',
          ids.map((_, i) => i),
        ),
      ],
      Uint32Array.from(ids.keys()),
    );
    expect(p.dropped).toEqual([
      { column: 'id', reason: 'looks like an identifier (40 distinct values in 40 training rows)' },
      { column: 'empty', reason: 'no value in the training rows' },
    ]);
    expect(p.inputs).toEqual(['x']);
  });

  test('a column constant where present but sometimes missing keeps only its indicator', () => {
    const p = fitPreprocessor([num('x', [5, NaN, 5, 5])], rows(0, 1, 2, 3));
    expect(p.steps[0]).toMatchObject({ useValue: false, indicator: true });
    expect(p.inputs).toEqual(['x (missing)']);
  });
});

describe('applyPreprocessor', () => {
  test('encodes rows exactly: standardised, imputed, one-hot, indicators; unseen levels get no level input', () => {
    const p = fitPreprocessor(columns, train);
    const { mean, std } = p.steps[0] as { mean: number; std: number };
    const out = applyPreprocessor(p, columns, rows(2, 3, 4));
    const f = Math.fround;
    expect(Array.from(out)).toEqual([
      // row 2: age missing → median 30, Paris
      f((30 - mean) / std),
      1,
      1,
      0,
      0,
      // row 3: city missing → mode Paris + indicator
      f((50 - mean) / std),
      0,
      1,
      0,
      1,
      // row 4: held out; Nice was never seen and there is no "other" input
      f((1000 - mean) / std),
      0,
      0,
      0,
      0,
    ]);
  });

  test('finds columns by name in another table, reading numbers written as text and text written as numbers', () => {
    const p = fitPreprocessor([num('age', [1, 2, 3]), cat('size', ['1', '2', '1'])], rows(0, 1, 2));
    const other: RawColumn[] = [cat('age', ['3', null]), num('size', [2, 1])];
    expect(Array.from(applyPreprocessor(p, other, rows(0, 1)))).toEqual(Array.from(Float32Array.from([(3 - 2) / Math.sqrt(2 / 3), 0, 1, (2 - 2) / Math.sqrt(2 / 3), 1, 0])));
  });

  test('names a missing or unusable column', () => {
    const p = fitPreprocessor(columns, train);
    expect(() => applyPreprocessor(p, columns.slice(1), train)).toThrow(new DataError('The model needs the column "age", which this file does not have.'));
    const bad = [cat('age', ['old']), ...columns.slice(1)];
    expect(() => applyPreprocessor(p, bad, rows(0))).toThrow('The model reads "age" as numbers, but this file has the value "old" there.');
  });

  test('round-trips through JSON and validates what it reads', () => {
    const p = fitPreprocessor(columns, train);
    const back = parsePreprocessor(JSON.parse(JSON.stringify(p)));
    expect(back).toEqual(p);
    expect(Array.from(applyPreprocessor(back, columns, train))).toEqual(Array.from(applyPreprocessor(p, columns, train)));
    expect(() => parsePreprocessor({ ...p, inputs: ['age'] })).toThrow('its inputs do not match its steps');
    expect(() => parsePreprocessor({ ...p, version: 2 })).toThrow(/^Not a valid Cutoff preprocessing file: version/);
  });
});

describe('median', () => {
  test('equals the sorted middle (mean of the two middles for an even count)', () => {
    let s = 7;
    const rand = (): number => (s = (s * 16807) % 2147483647) / 2147483647;
    for (let n = 1; n < 60; n++) {
      const values = Float64Array.from({ length: n }, () => Math.round(rand() * 10)); // many ties
      const sorted = Array.from(values).sort((a, b) => a - b);
      const want = n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
      expect(median(values)).toBe(want);
    }
    expect(median(new Float64Array(0))).toBeNaN();
  });
});
