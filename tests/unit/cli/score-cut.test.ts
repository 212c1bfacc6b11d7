/** The raw cut of a threshold: the smallest finite double whose mapped score reaches it. */
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../src/data/random';
import { scoreMapping, type AppliedTransform } from '../../../src/data/score-transform';
import { nextUp } from '../../../src/metrics/float-bits';
import { rawCut } from '../../../src/cli/score-cut';

const TRANSFORMS: AppliedTransform[] = [{ kind: 'sigmoid' }, { kind: 'divide', by: 100 }, { kind: 'min-max', min: -3.7, max: 12.1 }];

describe('rawCut', () => {
  it('is the boundary on raw doubles: the cut reaches t, the double below it does not', () => {
    const random = mulberry32(5);
    for (const transform of TRANSFORMS) {
      const map = scoreMapping(transform);
      for (let i = 0; i < 300; i++) {
        const t = i < 3 ? [0, 1, 0.5][i] : random();
        const cut = rawCut(t, transform);
        expect(cut, `${transform.kind} ${t}`).not.toBeNull();
        const x = cut ?? 0;
        expect(map(x) >= t, `${transform.kind} ${t}`).toBe(true);
        if (x > -Number.MAX_VALUE) expect(map(-nextUp(-x)) >= t, `${transform.kind} ${t} below`).toBe(false);
      }
    }
  });

  it('is t itself without a transform; every finite score reaches 0 under the sigmoid', () => {
    expect(rawCut(0.3, null)).toBe(0.3);
    expect(rawCut(0, { kind: 'sigmoid' })).toBe(-Number.MAX_VALUE);
    expect(rawCut(2, { kind: 'sigmoid' })).toBeNull();
  });
});
