import { describe, expect, it } from 'vitest';
import { ScoreCurve } from '../../../src/metrics';
import { summarizeCurve } from '../../../src/metrics/export-curves';
import { defined } from '../defined';

describe('summarizeCurve', () => {
  it('keeps the ends and the chosen point, with thresholds that realise each point', () => {
    const n = 5000;
    const scores = Float64Array.from({ length: n }, (_, i) => ((i * 7919) % n) / n);
    const labels = Uint8Array.from(scores, (s, i) => (s + ((i * 31) % 17) / 40 > 0.7 ? 1 : 0));
    const curve = ScoreCurve.from(scores, labels);
    const keep = 1234;
    const s = summarizeCurve(curve, keep);
    expect(s.roc.fpr.length).toBeLessThan(400);
    expect(s.roc.fpr[0]).toBe(0);
    expect(s.roc.tpr[s.roc.tpr.length - 1]).toBe(1);
    const chosen = curve.confusionAtIndex(keep);
    const at = s.roc.threshold.indexOf(defined(s.roc.threshold.find((t) => curve.indexAt(t) === keep)));
    expect(at).toBeGreaterThanOrEqual(0);
    expect(s.roc.tpr[at]).toBe(chosen.tp / curve.positives);
    s.roc.threshold.forEach((t, i) => expect(curve.confusionAt(t).fp / curve.negatives).toBe(s.roc.fpr[i]));
  });
});
