import { useEffect, useState } from 'react';
import { createCurveRunner, type CurveCases, type CurveState } from '../../src/engine/runners/curve-runner';
import { useMetricsRunner } from './useMetricsRunner';

/**
 * The ScoreCurve of some scored cases and everything drawn from it, prepared in the metrics
 * worker so a million scores never block the page. A newer set of cases supersedes an older one.
 */
export function useCurve<C extends CurveCases>(cases: C | null, keepPrevious = false): CurveState<C> {
  const [state, setState] = useState<CurveState<C>>({ built: null, error: null });
  const runnerRef = useMetricsRunner('interactive', (client) => createCurveRunner<C>(client, setState));
  // Declared after the runner's effect, so on mount the runner exists when this one runs.
  useEffect(() => runnerRef.current?.run(cases, keepPrevious), [cases, keepPrevious, runnerRef]);
  // For the one render between new cases and the effect that clears the state, never pair the
  // old curve with new cases unless keeping the previous one was asked for.
  const pending = cases !== null && state.error === null && state.built?.cases !== cases;
  if (state.built && state.built.cases !== cases && !keepPrevious) return { built: null, error: null, pending };
  return { ...state, pending };
}
