import { describe, expect, it } from 'vitest';
import { alarmRateOf, fprOf, precisionOf, rateOf, recallOf } from '../../../src/metrics/rates';

describe('rates from counts', () => {
  it('are the shares, and null (never 0 or NaN) with no cases to be a share of', () => {
    const c = { tp: 3, fp: 1, tn: 5, fn: 1 };
    expect([recallOf(c), precisionOf(c), fprOf(c), alarmRateOf(c)]).toEqual([0.75, 0.75, 1 / 6, 0.4]);
    const empty = { tp: 0, fp: 0, tn: 0, fn: 0 };
    expect([recallOf(empty), precisionOf(empty), fprOf(empty), alarmRateOf(empty)]).toEqual([null, null, null, null]);
    expect(rateOf(0, 5)).toBe(0);
    expect(rateOf(2, 0)).toBeNull();
  });
});
