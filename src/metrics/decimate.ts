/**
 * Polyline simplification for drawing: a curve with a million points becomes a few points
 * per pixel, and every dropped point stays within `tolerancePx` (perpendicular distance) of
 * the segment line that replaces it, so the picture does not change.
 *
 * Method: sector (cone-intersection) simplification, one pass, O(n). From an anchor point,
 * each later point p at pixel distance d > tol allows the outgoing direction to lie within
 * ±asin(tol / d) of the direction to p; the allowed directions are intersected as we go. The
 * last point whose direction still lies inside the intersection becomes the next vertex, so
 * every point skipped in between is closer than tol to the line anchor → vertex. Unlike
 * Douglas–Peucker this has no O(n²) worst case and no recursion.
 *
 * @param xs, ys the polyline in data units (same length).
 * @param pxPerUnitX, pxPerUnitY pixels per data unit on each axis (sign is irrelevant).
 * @param tolerancePx maximum perpendicular deviation in pixels (default 0.5).
 * @param keep indices that must survive (e.g. the chosen operating point), in any order.
 * @returns increasing indices into the input: always the first and last point, every index
 *   in `keep`, and every point with a non-finite coordinate (it breaks the line).
 */
export function decimate(xs: ArrayLike<number>, ys: ArrayLike<number>, pxPerUnitX: number, pxPerUnitY: number, tolerancePx: number = 0.5, keep: number[] = []): Uint32Array {
  const n = Math.min(xs.length, ys.length);
  if (n <= 2) return Uint32Array.from({ length: n }, (_, i) => i);
  const sx = Math.abs(pxPerUnitX);
  const sy = Math.abs(pxPerUnitY);
  const tol = tolerancePx > 0 ? tolerancePx : 0;

  const forced = new Uint8Array(n);
  for (const k of keep) if (Number.isInteger(k) && k >= 0 && k < n) forced[k] = 1;
  forced[n - 1] = 1;

  const out = new Uint32Array(n);
  let count = 0;
  out[count++] = 0;

  let anchor = 0;
  while (anchor < n - 1) {
    const ax = xs[anchor] * sx;
    const ay = ys[anchor] * sy;
    if (!Number.isFinite(ax) || !Number.isFinite(ay)) {
      anchor++;
      out[count++] = anchor;
      continue;
    }
    // Allowed directions, as angles relative to `ref` (set by the first far point), so the
    // interval never wraps around ±π: each half-width is at most π/2.
    let ref = NaN;
    let lo = -Infinity;
    let hi = Infinity;
    // Last point usable as the segment end: its direction was inside all earlier cones.
    let candidate = anchor + 1;
    let next = -1;
    for (let j = anchor + 1; j < n; j++) {
      const px = xs[j] * sx;
      const py = ys[j] * sy;
      if (!Number.isFinite(px) || !Number.isFinite(py)) {
        // Keep the run up to the break, then the non-finite point itself.
        next = j === anchor + 1 ? j : candidate;
        break;
      }
      const dx = px - ax;
      const dy = py - ay;
      const d = Math.hypot(dx, dy);
      if (d >= tol && d > 0) {
        if (Number.isNaN(ref)) ref = Math.atan2(dy, dx);
        const theta = relativeAngle(Math.atan2(dy, dx), ref);
        if (theta < lo || theta > hi) {
          next = candidate;
          break;
        }
        candidate = j;
        const half = Math.asin(tol / d);
        if (theta - half > lo) lo = theta - half;
        if (theta + half < hi) hi = theta + half;
      } else if (Number.isNaN(ref)) {
        // Still within tol of the anchor and no direction fixed yet: any line works.
        candidate = j;
      }
      if (forced[j] === 1) {
        next = j === candidate ? j : candidate;
        break;
      }
    }
    if (next < 0) next = n - 1;
    out[count++] = next;
    anchor = next;
  }
  return out.slice(0, count);
}

/** angle − ref folded into (−π, π]. */
function relativeAngle(angle: number, ref: number): number {
  let a = angle - ref;
  if (a > Math.PI) a -= 2 * Math.PI;
  else if (a <= -Math.PI) a += 2 * Math.PI;
  return a;
}
