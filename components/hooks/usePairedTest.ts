import { useEffect, useState } from 'react';
import { createPairedRunner, IDLE, type PairedScores, type PairedTestState } from '../../src/engine/runners/paired-runner';
import { useMetricsRunner } from './useMetricsRunner';

export type { PairedScores, PairedTestState } from '../../src/engine/runners/paired-runner';

/**
 * DeLong's test of A against B, in the metrics worker: O(n log n), about a second at a million
 * rows, so it never runs on the page's thread. Idle while there is nothing to test.
 */
export function usePairedTest(paired: PairedScores | null): PairedTestState {
  const [shown, setShown] = useState<{ state: PairedTestState; paired: PairedScores | null }>({ state: IDLE, paired: null });
  const runnerRef = useMetricsRunner('interactive', (client) => createPairedRunner(client, (state, of) => setShown({ state, paired: of })));
  // Declared after the runner's effect, so on mount the runner exists when this one runs.
  useEffect(() => runnerRef.current?.run(paired), [paired, runnerRef]);
  // Until the effect has run, a result for other scores must not show beside these.
  if (!paired) return IDLE;
  return shown.paired === paired ? shown.state : { status: 'running' };
}
