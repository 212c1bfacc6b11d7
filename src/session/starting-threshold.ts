/**
 * Where each new set of scores starts: at the cheapest cutoff for the costs (never at 0.5), unless
 * a share link's threshold is kept for the first score set it meets, or a threshold saved for the
 * same scores file is restored (a reload). The page's hook (useThresholdChoice) holds this state
 * in refs; the decision is here, where unit tests run it.
 */
import type { ScoreCurve } from '../metrics/score-curve';
import { niceThresholdAtIndex } from '../metrics/nice-threshold';

/** 'cheapest': the cost optimum, followed as the costs change until the user moves it; 'chosen' by the user; 'restored' as given. */
export type ThresholdOrigin = 'cheapest' | 'chosen' | 'restored';

export interface StartState {
  origin: ThresholdOrigin;
  /** A link's threshold, kept for the first score set it meets and no later one. */
  keepRestored: boolean;
  /** The scores file a saved threshold was chosen on; null once a score set has started. */
  savedFor: string | null;
}

/** The state when the page opens: a link's threshold is kept, else the cheapest is used. */
export function initialStart(fromLink: boolean, savedFor: string | null): StartState {
  return { origin: fromLink ? 'restored' : 'cheapest', keepRestored: fromLink, savedFor };
}

/** The state for a new score set from file `key`: the link's threshold once, a saved one for the same file, else the cheapest. */
export function startNewScores(state: StartState, key: string | null): StartState {
  if (state.keepRestored) return { origin: state.origin, keepRestored: false, savedFor: null };
  if (state.savedFor !== null && state.savedFor === key) return { origin: 'restored', keepRestored: false, savedFor: null };
  return { origin: 'cheapest', keepRestored: false, savedFor: null };
}

/** The threshold to set for `origin`: the cheapest operating point's, or null to leave the one shown. */
export function startingThreshold(origin: ThresholdOrigin, curve: ScoreCurve, cheapest: number): number | null {
  return origin === 'cheapest' ? niceThresholdAtIndex(curve.thresholds, cheapest) : null;
}
