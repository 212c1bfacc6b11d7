import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { driftEdges, histogramBin, histogramBinner } from '../../../src/decision/guardrails';

describe('histogramBinner', () => {
  it('agrees with the search on equal-width edges, at and around every edge, and on other edges', () => {
    for (const edges of [driftEdges(), driftEdges(7), [0, 0.1, 0.5, 0.9, 1]]) {
      const bin = histogramBinner(edges);
      const near = edges.flatMap((e) => [e, e - 1e-16, e + 1e-16, e - 1e-12, e + 1e-12]);
      for (const s of [...near, -1, 2, NaN, Infinity, -Infinity]) expect(bin(s)).toBe(histogramBin(edges, s));
      fc.assert(fc.property(fc.double({ min: -0.5, max: 1.5, noNaN: true }), (s) => bin(s) === histogramBin(edges, s)));
    }
  });
});
