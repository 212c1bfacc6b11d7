import { chartPoints, type CurveCounts } from './chart-points';
import { decimate } from './decimate';

/** A group's small ROC: every point (for the handle and a drag) and the indices its drawn path keeps. */
export interface GroupRoc {
  rocX: Float64Array;
  rocY: Float64Array;
  /** Indices into rocX / rocY that draw the curve within half a pixel at `width` × `height`. */
  path: Uint32Array;
}

/**
 * The points and the decimated path of a group's ROC for a chart of `width` × `height` pixels.
 * Made in the metrics worker with the group's curve: ten groups of 100,000 points each would
 * take the page longer than a frame to draw otherwise.
 */
export function groupRoc(curve: CurveCounts, width: number, height: number): GroupRoc {
  const { rocX, rocY } = chartPoints(curve);
  return { rocX, rocY, path: decimate(rocX, rocY, width, height, 0.5, []) };
}
