import { useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import type { ScoreCurve } from '../../src/metrics';
import { niceThresholdAtIndex } from '../../src/metrics/nice-threshold';
import type { ThresholdStore } from '../cockpit/threshold-store';
import { initialStart, startingThreshold, startNewScores, type StartState, type ThresholdOrigin } from '../../src/session/starting-threshold';

export type { ThresholdOrigin } from '../../src/session/starting-threshold';

// The settings object learns the threshold once it settles: saving it on every drag frame
// would re-render the whole page for nothing.
const SYNC_DELAY_MS = 300;

interface Choice {
  /** The origin now (read at render time by the start note, which follows the store). */
  origin: () => ThresholdOrigin;
  /** Moves the threshold to operating point k of the curve, as a user choice. */
  onIndex: (k: number) => void;
}

/**
 * Decides the starting threshold of each score set and keeps the settings in step with the
 * threshold store. `scoreSet` is anything whose identity changes with a new set of scores
 * (a new file, a new training run, another score column).
 */
export function useThresholdChoice(
  store: ThresholdStore,
  curve: ScoreCurve | null,
  /** Index of the cheapest operating point of `curve` for the current costs (row costs included). */
  cheapest: number | null,
  scoreSet: unknown,
  restored: { fromLink: boolean; savedFor: string | null; key: string | null },
  /** `now`: store it at once, because the page is being left. */
  saveThreshold: (threshold: number, now: boolean) => void,
): Choice {
  // The decision lives in src/session/starting-threshold; the ref only holds it between renders.
  const start = useRef<StartState>(initialStart(restored.fromLink, restored.savedFor));
  const settingItself = useRef(false);
  const saveRef = useRef(saveThreshold);
  saveRef.current = saveThreshold;

  useEffect(() => {
    let timer = 0;
    const sync = (now: boolean) => {
      window.clearTimeout(timer);
      timer = 0;
      saveRef.current(store.get(), now);
    };
    const unsubscribe = store.subscribe(() => {
      if (!settingItself.current) start.current = { ...start.current, origin: 'chosen' };
      window.clearTimeout(timer);
      timer = window.setTimeout(() => sync(false), SYNC_DELAY_MS);
    });
    // A reload or a closed tab inside the delay would otherwise lose the last threshold chosen.
    const onLeave = () => {
      if (timer !== 0) sync(true);
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') onLeave();
    };
    window.addEventListener('pagehide', onLeave);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      unsubscribe();
      window.clearTimeout(timer);
      window.removeEventListener('pagehide', onLeave);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [store]);

  const lastSet = useRef<unknown>(undefined);
  // A layout effect: the starting threshold lands in the same commit as the curve it belongs
  // to, so no frame (and no reader of the page) sees a new curve with the last one's threshold.
  useLayoutEffect(() => {
    if (!curve || cheapest === null) return;
    if (lastSet.current !== scoreSet) {
      lastSet.current = scoreSet;
      start.current = startNewScores(start.current, restored.key);
    }
    const threshold = startingThreshold(start.current.origin, curve, cheapest);
    if (threshold === null) return;
    settingItself.current = true;
    store.set(threshold);
    settingItself.current = false;
  }, [curve, cheapest, scoreSet, store, restored.key]);

  const onIndex = useCallback(
    (k: number) => {
      if (!curve) return;
      store.set(niceThresholdAtIndex(curve.thresholds, k));
    },
    [curve, store],
  );
  const getOrigin = useCallback((): ThresholdOrigin => start.current.origin, []);
  return { origin: getOrigin, onIndex };
}
