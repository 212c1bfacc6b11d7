import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimate } from '../../../src/metrics';

/** Perpendicular pixel distance of p from the line through a and b (distance to a if a = b). */
function deviation(ax: number, ay: number, bx: number, by: number, px: number, py: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len = Math.hypot(dx, dy);
  if (len === 0) return Math.hypot(px - ax, py - ay);
  return Math.abs(dx * (py - ay) - dy * (px - ax)) / len;
}

function maxDeviation(xs: ArrayLike<number>, ys: ArrayLike<number>, kept: Uint32Array, sx: number, sy: number): number {
  let worst = 0;
  for (let s = 1; s < kept.length; s++) {
    const a = kept[s - 1];
    const b = kept[s];
    for (let i = a + 1; i < b; i++) {
      worst = Math.max(worst, deviation(xs[a] * sx, ys[a] * sy, xs[b] * sx, ys[b] * sy, xs[i] * sx, ys[i] * sy));
    }
  }
  return worst;
}

describe('decimate', () => {
  it('keeps every dropped point within the tolerance, plus first, last and forced points', () => {
    const poly = fc
      .array(fc.tuple(fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: -5, max: 5, noNaN: true })), {
        minLength: 0,
        maxLength: 200,
      })
      .map((pts) => ({ xs: pts.map((p) => p[0]), ys: pts.map((p) => p[1]) }));
    fc.assert(
      fc.property(
        poly,
        fc.double({ min: 1, max: 500, noNaN: true }),
        fc.double({ min: 1, max: 500, noNaN: true }),
        fc.double({ min: 0.1, max: 3, noNaN: true }),
        fc.array(fc.nat(250), { maxLength: 4 }),
        ({ xs, ys }, sx, sy, tol, keep) => {
          const kept = decimate(xs, ys, sx, sy, tol, keep);
          const n = xs.length;
          if (n === 0) {
            expect(kept.length).toBe(0);
            return;
          }
          expect(kept[0]).toBe(0);
          expect(kept[kept.length - 1]).toBe(n - 1);
          for (let i = 1; i < kept.length; i++) expect(kept[i]).toBeGreaterThan(kept[i - 1]);
          for (const k of keep) if (k < n) expect(Array.from(kept)).toContain(k);
          expect(maxDeviation(xs, ys, kept, sx, sy)).toBeLessThan(tol);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('reduces a dense monotone curve to about one point per pixel or fewer', () => {
    const n = 200_000;
    const xs = new Float64Array(n);
    const ys = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      xs[i] = i / (n - 1);
      ys[i] = Math.sqrt(xs[i]); // a ROC-like concave curve
    }
    const kept = decimate(xs, ys, 400, 300, 0.5, [12_345]);
    expect(kept.length).toBeLessThan(400);
    expect(Array.from(kept)).toContain(12_345);
    expect(maxDeviation(xs, ys, kept, 400, 300)).toBeLessThan(0.5);
  });

  it('keeps a staircase within tolerance', () => {
    const xs: number[] = [];
    const ys: number[] = [];
    for (let i = 0; i < 1000; i++) {
      xs.push(Math.floor(i / 2) / 500, Math.floor(i / 2) / 500);
      ys.push(Math.ceil(i / 2) / 500, Math.floor((i + 1) / 2) / 500);
    }
    const kept = decimate(xs, ys, 300, 300, 0.5);
    expect(maxDeviation(xs, ys, kept, 300, 300)).toBeLessThan(0.5);
    expect(kept.length).toBeLessThan(xs.length / 4);
  });

  it('keeps non-finite points and the points around them', () => {
    const xs = [0, 0.1, 0.2, NaN, 0.4, 0.5, 0.6];
    const ys = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6];
    const kept = Array.from(decimate(xs, ys, 100, 100));
    expect(kept).toContain(2);
    expect(kept).toContain(3);
    expect(kept).toContain(4);
    expect(kept[kept.length - 1]).toBe(6);
  });

  it('returns short inputs unchanged', () => {
    expect(Array.from(decimate([1], [2], 1, 1))).toEqual([0]);
    expect(Array.from(decimate([1, 2], [2, 3], 1, 1))).toEqual([0, 1]);
  });
});
