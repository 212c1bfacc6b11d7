import { describe, expect, it } from 'vitest';
import { expectedCostAt, fBeta, mccOf, ScoreCurve } from '../../../src/metrics';
import { constantCostModel, RowCostCurve } from '../../../src/metrics/row-costs';
import { tableIndices, thresholdsCsv } from '../../../src/metrics/thresholds-table';
import { bruteConfusion } from './brute-force';
import { lcg } from './lcg';

describe('thresholds.csv', () => {
  it('has one row per distinct score with the brute-force counts, rates and expected cost', () => {
    const scores = [0.9, 0.8, 0.8, 0.5, 0.3, 0.3, 0.1];
    const labels = [1, 1, 0, 1, 0, 0, 0];
    const curve = ScoreCurve.from(scores, labels);
    const costs = { costFp: 1, costFn: 10 };
    const csv = thresholdsCsv(curve, constantCostModel(curve, costs), null);
    const [header, ...rows] = csv.trim().split('\n');
    expect(header).toBe('threshold,tp,fp,tn,fn,tpr,fpr,precision,recall,f1,mcc,alarm_rate,expected_cost');
    expect(rows).toHaveLength(5);
    rows.forEach((line, i) => {
      const cells = line.split(',').map(Number);
      const t = cells[0];
      const c = bruteConfusion({ scores, labels }, t);
      expect(cells.slice(1, 5)).toEqual([c.tp, c.fp, c.tn, c.fn]);
      expect(cells[5]).toBeCloseTo(c.tp / 3, 12);
      expect(cells[6]).toBeCloseTo(c.fp / 4, 12);
      expect(cells[7]).toBeCloseTo(c.tp / (c.tp + c.fp), 12);
      expect(cells[9]).toBeCloseTo(fBeta(c), 12);
      expect(cells[10]).toBeCloseTo(mccOf(c), 12);
      expect(cells[11]).toBeCloseTo((c.tp + c.fp) / 7, 12);
      expect(cells[12]).toBeCloseTo(expectedCostAt(curve, i + 1, costs), 12);
    });
  });

  it('includes row costs in the expected cost', () => {
    const scores = [0.9, 0.6, 0.4, 0.2];
    const labels = [1, 0, 1, 0];
    const curve = ScoreCurve.from(scores, labels);
    const model = RowCostCurve.from(curve, scores, labels, null, { missed: [500, 0, 80, 0], alarm: null }, { costFp: 2, costFn: 1 });
    const rows = thresholdsCsv(curve, model, null).trim().split('\n').slice(1);
    // At 0.6: missed the 0.4 positive (80), one alarm (2): (80 + 2) / 4.
    expect(Number(rows[1].split(',')[12])).toBeCloseTo(82 / 4, 12);
  });

  it('keeps an evenly spaced subset when larger than the limit, and says so', () => {
    const rand = lcg(7);
    const n = 5000;
    const scores = Array.from({ length: n }, () => rand() / 2 ** 32);
    const labels = scores.map((s) => (rand() / 2 ** 32 < s ? 1 : 0));
    const curve = ScoreCurve.from(scores, labels);
    const csv = thresholdsCsv(curve, constantCostModel(curve, { costFp: 1, costFn: 1 }), 0.1, 1000);
    const lines = csv.trim().split('\n');
    expect(lines[0]).toMatch(/^# decimated: 1000 of 5000 distinct scores/);
    expect(lines).toHaveLength(1002);
    const idx = tableIndices(5000, 1000);
    expect(idx[0]).toBe(1);
    expect(idx[999]).toBe(5000);
    expect(tableIndices(3)).toEqual(Uint32Array.from([1, 2, 3]));
  });
});
