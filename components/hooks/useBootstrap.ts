import { useMetricsRunner } from './useMetricsRunner';
import { useEffect, useState } from 'react';
import { createBootstrapRunner, NO_BOOTSTRAP, type BootstrapState } from '../../src/engine/runners/bootstrap-runner';
import type { Evaluation } from './useEvaluation';

export type { BootstrapIntervals, BootstrapState } from '../../src/engine/runners/bootstrap-runner';

/**
 * Stratified bootstrap intervals for ROC-AUC and AP, computed in a worker for each new score
 * set; a newer score set supersedes a running request. Null until the worker answers.
 */
export function useBootstrap(evaluation: Evaluation | null): BootstrapState {
  const [state, setState] = useState<BootstrapState>(NO_BOOTSTRAP);
  const runnerRef = useMetricsRunner('background', (client) => createBootstrapRunner(client, setState));

  // Declared after the effect above, so on mount the runner exists when this one runs.
  useEffect(() => runnerRef.current?.run(evaluation), [evaluation, runnerRef]);

  return state;
}
