import { describe, expect, test } from 'vitest';
import { applyStandardizer, fitStandardizer, standardizerFromJson, standardizerToJson } from '../../../src/data/standardize';

// 4 rows × 3 features; feature 2 is constant, row 3 is held out.
const features = Float32Array.from([
  1, 10, 5,
  2, NaN, 5,
  3, 30, 5,
  1000, 1000, 1000,
]);
const trainRows = Uint32Array.from([0, 1, 2]);

describe('fitStandardizer', () => {
  test('uses training rows only, skips NaN, population std, std 0 → 1', () => {
    const s = fitStandardizer(features, 3, trainRows);
    // feature 0: mean 2, var ((1)+(0)+(1))/3 = 2/3
    expect(s.means[0]).toBeCloseTo(2, 12);
    expect(s.stds[0]).toBeCloseTo(Math.sqrt(2 / 3), 12);
    // feature 1: NaN skipped → values 10, 30: mean 20, std 10
    expect(s.means[1]).toBeCloseTo(20, 12);
    expect(s.stds[1]).toBeCloseTo(10, 12);
    // feature 2: constant → std 1
    expect(s.means[2]).toBe(5);
    expect(s.stds[2]).toBe(1);
  });

  test('a feature with no present value gets mean 0 and std 1', () => {
    const s = fitStandardizer(Float32Array.from([NaN, 1, NaN, 2]), 2, Uint32Array.from([0, 1]));
    expect(s.means[0]).toBe(0);
    expect(s.stds[0]).toBe(1);
  });
});

describe('applyStandardizer', () => {
  test('standardises the requested rows and imputes missing values with the mean (0)', () => {
    const s = fitStandardizer(features, 3, trainRows);
    const out = applyStandardizer(features, 3, s, Uint32Array.from([1, 3]));
    expect(out.length).toBe(6);
    expect(out[0]).toBe(0); // 2 is the mean
    expect(out[1]).toBe(0); // NaN → mean
    expect(out[2]).toBe(0); // constant column
    expect(out[3]).toBeCloseTo((1000 - 2) / Math.sqrt(2 / 3), 2);
    expect(out[4]).toBeCloseTo(98, 4);
    expect(out[5]).toBe(995);
  });

  test('round-trips through JSON', () => {
    const s = fitStandardizer(features, 3, trainRows);
    const back = standardizerFromJson(JSON.parse(JSON.stringify(standardizerToJson(s))));
    expect(Array.from(back.means)).toEqual(Array.from(s.means));
    expect(Array.from(back.stds)).toEqual(Array.from(s.stds));
  });
});
