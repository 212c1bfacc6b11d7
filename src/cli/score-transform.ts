/** Applies the export's recorded score mapping to raw scores, as the page did before choosing the threshold. */
import type { OperatingPoint } from '../operating-point';

export type RecordedTransform = NonNullable<OperatingPoint['scoreTransform']>;

/** The mapping the export records, at top level (version 2) or under a scores source (version 1). */
export function recordedTransform(point: OperatingPoint): RecordedTransform | null {
  if (point.scoreTransform) return point.scoreTransform;
  if (point.source.kind === 'scores' && point.source.scoreTransform) return point.source.scoreTransform;
  return null;
}

export function transformScore(transform: RecordedTransform | null): (raw: number) => number {
  if (transform === null) return (s) => s;
  switch (transform.kind) {
    case 'sigmoid':
      return (s) => 1 / (1 + Math.exp(-s));
    case 'divide':
      return (s) => s / transform.by;
    case 'min-max': {
      const span = transform.max - transform.min;
      return (s) => (s - transform.min) / span;
    }
  }
}
