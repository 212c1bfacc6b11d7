import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitIsotonic, fitPlatt, isotonicPredict, MetricsInputError, plattPredict, reliabilityBins, ScoreCurve } from '../../../src/metrics';

interface CalibrationFixture {
  scores: number[];
  labels: number[];
  weights: number[];
  grid: number[];
  calibrationCurve: Record<string, { fractionPositive: number[]; meanScore: number[] }>;
  fits: Record<'unweighted' | 'weighted', { x: number[]; y: number[]; predict: number[]; plattA: number; plattB: number }>;
}

const fx = JSON.parse(readFileSync(join(__dirname, '../../fixtures/sklearn/calibration.json'), 'utf8')) as CalibrationFixture;
const unweighted = ScoreCurve.from(fx.scores, fx.labels);
const weighted = ScoreCurve.from(fx.scores, fx.labels, fx.weights);

function expectAllClose(got: ArrayLike<number>, want: number[], tol: number, what: string): void {
  expect(got.length, `${what} length`).toBe(want.length);
  for (let i = 0; i < want.length; i++) {
    if (!(Math.abs(got[i] - want[i]) <= tol * Math.max(1, Math.abs(want[i])))) {
      expect.fail(`${what}[${i}]: got ${got[i]}, scikit-learn ${want[i]}`);
    }
  }
}

describe('reliabilityBins (scikit-learn calibration_curve)', () => {
  for (const [key, want] of Object.entries(fx.calibrationCurve)) {
    it(key, () => {
      const [strategy, bins] = key.split('-') as ['uniform' | 'quantile', string];
      const got = reliabilityBins(unweighted, Number(bins), strategy);
      expectAllClose(
        got.map((b) => b.fractionPositive),
        want.fractionPositive,
        1e-9,
        'fraction positive',
      );
      expectAllClose(
        got.map((b) => b.meanScore),
        want.meanScore,
        1e-9,
        'mean score',
      );
      expect(got.reduce((s, b) => s + b.weight, 0)).toBe(fx.scores.length);
    });
  }

  it('weights count like repeated rows', () => {
    const c = ScoreCurve.from([0.1, 0.1, 0.9], [0, 1, 1], [1, 3, 2]);
    const bins = reliabilityBins(c, 2, 'uniform');
    expect(bins).toHaveLength(2);
    expect(bins[0]).toMatchObject({ index: 0, weight: 4, fractionPositive: 0.75 });
    expect(bins[0].meanScore).toBeCloseTo(0.1, 15);
    expect(bins[1]).toMatchObject({ index: 1, weight: 2, fractionPositive: 1 });
  });

  it('rejects uniform bins for scores outside [0, 1] and bad bin counts', () => {
    const c = ScoreCurve.from([-1, 2], [0, 1]);
    expect(() => reliabilityBins(c, 10, 'uniform')).toThrow(MetricsInputError);
    expect(reliabilityBins(c, 2, 'quantile')).toHaveLength(2);
    expect(() => reliabilityBins(unweighted, 0)).toThrow(MetricsInputError);
  });
});

describe('fitIsotonic (scikit-learn IsotonicRegression, out_of_bounds="clip")', () => {
  for (const name of ['unweighted', 'weighted'] as const) {
    it(name, () => {
      const want = fx.fits[name];
      const map = fitIsotonic(name === 'weighted' ? weighted : unweighted);
      expectAllClose(map.x, want.x, 1e-12, 'x');
      expectAllClose(map.y, want.y, 1e-9, 'y');
      expectAllClose(
        fx.grid.map((s) => isotonicPredict(map, s)),
        want.predict,
        1e-9,
        'predict',
      );
    });
  }

  it('is nondecreasing and reproduces already monotone data', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.constantFrom(0, 1)), { minLength: 1, maxLength: 50 }), (rows) => {
        const map = fitIsotonic(
          ScoreCurve.from(
            rows.map((r) => r[0]),
            rows.map((r) => r[1]),
          ),
        );
        for (let i = 1; i < map.x.length; i++) {
          expect(map.x[i]).toBeGreaterThan(map.x[i - 1]);
          expect(map.y[i]).toBeGreaterThanOrEqual(map.y[i - 1]);
        }
      }),
    );
    const perfect = fitIsotonic(ScoreCurve.from([1, 2, 3, 4], [0, 0, 1, 1]));
    expect(isotonicPredict(perfect, 1.5)).toBe(0);
    expect(isotonicPredict(perfect, 2.5)).toBe(0.5);
    expect(isotonicPredict(perfect, 9)).toBe(1);
  });
});

describe('fitPlatt (scikit-learn _sigmoid_calibration)', () => {
  for (const name of ['unweighted', 'weighted'] as const) {
    it(name, () => {
      const want = fx.fits[name];
      const model = fitPlatt(name === 'weighted' ? weighted : unweighted);
      // scikit-learn stops BFGS at a gradient norm of 1e-5; Newton here goes to 1e-10.
      expect(Math.abs(model.a - want.plattA)).toBeLessThan(1e-4 * Math.abs(want.plattA));
      expect(Math.abs(model.b - want.plattB)).toBeLessThan(1e-4 * Math.max(1, Math.abs(want.plattB)));
      for (const s of fx.grid) {
        expect(Math.abs(plattPredict(model, s) - plattPredict({ a: want.plattA, b: want.plattB }, s))).toBeLessThan(1e-5);
      }
    });
  }

  it('predicts without overflow and separates perfectly ordered data in the right direction', () => {
    expect(plattPredict({ a: -1000, b: 0 }, 1)).toBe(1);
    expect(plattPredict({ a: 1000, b: 0 }, 1)).toBe(0);
    const model = fitPlatt(ScoreCurve.from([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1]));
    expect(model.a).toBeLessThan(0);
    expect(plattPredict(model, 0.9)).toBeGreaterThan(plattPredict(model, 0.1));
  });
});
