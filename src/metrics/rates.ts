/**
 * Rates from counts, with one zero-count convention for the whole product: a rate with no cases
 * to be a rate of (0 of 0) is null — "undefined for the data", as the export writes it — never a
 * 0 or a NaN made up on the spot. A caller that needs a number says so (`?? NaN`).
 */
import type { Confusion } from './score-curve';

/** successes / trials, or null when there are no trials. */
export function rateOf(successes: number, trials: number): number | null {
  return trials > 0 ? successes / trials : null;
}

/** tp / (tp + fn). */
export const recallOf = (c: Confusion): number | null => rateOf(c.tp, c.tp + c.fn);

/** tp / (tp + fp). */
export const precisionOf = (c: Confusion): number | null => rateOf(c.tp, c.tp + c.fp);

/** fp / (fp + tn). */
export const fprOf = (c: Confusion): number | null => rateOf(c.fp, c.fp + c.tn);

/** The share of all cases flagged, (tp + fp) / all. */
export const alarmRateOf = (c: Confusion): number | null => rateOf(c.tp + c.fp, c.tp + c.fp + c.tn + c.fn);
