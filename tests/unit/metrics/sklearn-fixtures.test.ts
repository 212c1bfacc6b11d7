import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fBeta, metricsFromConfusion, ScoreCurve } from '../../../src/metrics';
import { logLossOf, prCurveOf, rocCurveOf } from './curve-oracles';
import { generatedRows } from './lcg';
import { defined } from '../defined';

/** Figures scikit-learn wrote (tests/fixtures/sklearn/make_fixtures.py); checked within 1e-9. */
type Num = number | string;
interface Case {
  name: string;
  scores?: Num[];
  labels?: number[];
  weights?: Num[];
  rawLabels?: string[];
  positiveLabel?: string;
  stringLabelFigures?: { rocAuc: Num; averagePrecision: Num };
  generator?: { seed: number; n: number; digits: number; weighted: boolean };
  expected: {
    rocAuc: Num | null;
    averagePrecision: Num | null;
    brier: Num | null;
    logLoss: Num | null;
    roc?: { fpr: Num[]; tpr: Num[]; thresholds: Num[] };
    pr?: { precision: Num[]; recall: Num[]; thresholds: Num[] };
    rocLength?: number;
    prLength?: number;
    rocSample?: { index: number[]; fpr: Num[]; tpr: Num[]; thresholds: Num[] };
    prSample?: { index: number[]; precision: Num[]; recall: Num[]; thresholds: Num[] };
    at: Array<Record<'threshold' | 'tp' | 'fp' | 'tn' | 'fn' | 'precision' | 'recall' | 'f1' | 'f2' | 'mcc' | 'accuracy' | 'balancedAccuracy', Num>>;
  };
}

const DIR = join(__dirname, '../../fixtures/sklearn');
const TOL = 1e-9;

/** Decodes the JSON stand-ins for non-finite floats. */
const num = (x: Num): number => (typeof x === 'number' ? x : Number(x));

function expectClose(got: number, want: Num, what: string): void {
  const w = num(want);
  if (Number.isNaN(w) || !Number.isFinite(w)) {
    expect(got, what).toBe(w);
    return;
  }
  const err = Math.abs(got - w);
  if (!(err <= TOL * Math.max(1, Math.abs(w)))) expect.fail(`${what}: got ${got}, scikit-learn ${w} (diff ${err})`);
}

function expectAllClose(got: ArrayLike<number>, want: Num[], what: string): void {
  expect(got.length, `${what} length`).toBe(want.length);
  for (let i = 0; i < want.length; i++) expectClose(got[i], want[i], `${what}[${i}]`);
}

function rowsOf(c: Case): { scores: ArrayLike<number>; labels: ArrayLike<number>; weights?: ArrayLike<number> } {
  if (c.generator) {
    const g = c.generator;
    return generatedRows(g.seed, g.n, g.digits, g.weighted);
  }
  if (c.rawLabels && c.positiveLabel !== undefined) {
    // String labels: the positive class maps to 1, everything else to 0.
    const labels = c.rawLabels.map((v) => (v === c.positiveLabel ? 1 : 0));
    expect(labels).toEqual(c.labels);
    return { scores: defined(c.scores).map(num), labels };
  }
  return { scores: defined(c.scores).map(num), labels: defined(c.labels), weights: c.weights?.map(num) };
}

// calibration.json has its own shape and test (calibration.test.ts).
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.json') && f !== 'calibration.json')
  .sort();

describe('agreement with scikit-learn fixtures', () => {
  it('has the fixture files', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  for (const file of files) {
    const c = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Case;
    describe(c.name, () => {
      const rows = rowsOf(c);
      const curve = ScoreCurve.from(rows.scores, rows.labels, rows.weights);
      const e = c.expected;

      it('whole-curve figures', () => {
        // scikit-learn raises for ROC-AUC with one class; we return NaN (documented).
        expectClose(curve.rocAuc(), e.rocAuc ?? NaN, 'rocAuc');
        expectClose(curve.averagePrecision(), e.averagePrecision ?? NaN, 'averagePrecision');
        // Brier is refused (null) for scores outside [0, 1]; we return NaN.
        expectClose(curve.brier(), e.brier ?? NaN, 'brier');
        if (e.logLoss !== null) expectClose(logLossOf(curve), e.logLoss, 'logLoss');
        if (c.stringLabelFigures) {
          expectClose(curve.rocAuc(), c.stringLabelFigures.rocAuc, 'rocAuc (string labels)');
          expectClose(curve.averagePrecision(), c.stringLabelFigures.averagePrecision, 'AP (string labels)');
        }
      });

      it('ROC and PR curves point by point', () => {
        const roc = rocCurveOf(curve);
        const pr = prCurveOf(curve);
        if (e.roc && e.pr) {
          expectAllClose(roc.fpr, e.roc.fpr, 'fpr');
          expectAllClose(roc.tpr, e.roc.tpr, 'tpr');
          expectAllClose(roc.thresholds, e.roc.thresholds, 'roc thresholds');
          expectAllClose(pr.precision, e.pr.precision, 'precision');
          expectAllClose(pr.recall, e.pr.recall, 'recall');
          expectAllClose(pr.thresholds, e.pr.thresholds, 'pr thresholds');
        } else {
          const rs = defined(e.rocSample);
          const ps = defined(e.prSample);
          expect(roc.fpr.length).toBe(e.rocLength);
          expect(pr.precision.length).toBe(e.prLength);
          expectAllClose(
            rs.index.map((i) => roc.fpr[i]),
            rs.fpr,
            'fpr',
          );
          expectAllClose(
            rs.index.map((i) => roc.tpr[i]),
            rs.tpr,
            'tpr',
          );
          expectAllClose(
            rs.index.map((i) => roc.thresholds[i]),
            rs.thresholds,
            'roc thresholds',
          );
          expectAllClose(
            ps.index.map((i) => pr.precision[i]),
            ps.precision,
            'precision',
          );
          expectAllClose(
            ps.index.map((i) => pr.recall[i]),
            ps.recall,
            'recall',
          );
          const pt = ps.index.filter((i) => i < pr.thresholds.length).map((i) => pr.thresholds[i]);
          expectAllClose(pt, ps.thresholds, 'pr thresholds');
        }
      });

      it('confusion matrix and metrics at several thresholds', () => {
        for (const a of e.at) {
          const t = num(a.threshold);
          const conf = curve.confusionAt(t);
          const m = metricsFromConfusion(conf, { costFp: 1, costFn: 1 });
          const where = `t=${t}`;
          expectClose(conf.tp, a.tp, `tp ${where}`);
          expectClose(conf.fp, a.fp, `fp ${where}`);
          expectClose(conf.tn, a.tn, `tn ${where}`);
          expectClose(conf.fn, a.fn, `fn ${where}`);
          expectClose(m.precision, a.precision, `precision ${where}`);
          expectClose(m.recall, a.recall, `recall ${where}`);
          expectClose(m.f1, a.f1, `f1 ${where}`);
          expectClose(fBeta(conf, 2), a.f2, `f2 ${where}`);
          expectClose(metricsFromConfusion(conf, { costFp: 1, costFn: 1 }, 2).f1, a.f2, `f-beta ${where}`);
          expectClose(m.mcc, a.mcc, `mcc ${where}`);
          expectClose(m.accuracy, a.accuracy, `accuracy ${where}`);
          expectClose(m.balancedAccuracy, a.balancedAccuracy, `balanced accuracy ${where}`);
        }
      });
    });
  }
});
