/** The score mapping an export records, applied by the one implementation in src/data. */
import { scoreMapping, type AppliedTransform } from '../data/score-transform';
import type { OperatingPoint } from '../session/operating-point';

/** The mapping the export records, at top level (version 2) or under a scores source (version 1). */
export function recordedTransform(point: OperatingPoint): AppliedTransform | null {
  if (point.scoreTransform) return point.scoreTransform;
  if (point.source.kind === 'scores' && point.source.scoreTransform) return point.source.scoreTransform;
  return null;
}

export const transformScore = scoreMapping;
