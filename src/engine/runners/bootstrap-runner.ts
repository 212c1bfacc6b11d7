/**
 * The bootstrap runner: stratified bootstrap intervals for ROC-AUC and AP, resampled in the
 * background metrics worker with its progress; each run supersedes the one before. The hook
 * (components/hooks/useBootstrap.ts) only holds its state in React.
 */
import type { MetricsEvent, MetricsRequest } from '../protocol';
import type { PendingRequest, WorkerClient } from '../worker-client';
import { casesForWorker, transferablesOf, type CurveCases } from './curve-runner';

export interface BootstrapIntervals {
  replicates: number;
  confidence: number;
  rocAuc: { low: number; high: number };
  averagePrecision: { low: number; high: number };
}

export interface BootstrapState {
  intervals: BootstrapIntervals | null;
  /** Share of replicates done while the worker runs; null otherwise. */
  progress: number | null;
  /** Why there are no intervals (the worker failed or could not load); null otherwise. */
  error: string | null;
}

export const NO_BOOTSTRAP: BootstrapState = { intervals: null, progress: null, error: null };

// Fewer resamples on very large score sets keep the worker's answer within seconds.
const replicatesFor = (n: number) => (n > 200_000 ? 200 : 1000);

const SEED = 20261123;

/** The scored cases the intervals are computed from. */
export type BootstrapCases = CurveCases;

/**
 * The hook's logic without React: each `run` supersedes the request before it and reports every
 * state through `show`. Driven by the fake worker in tests/unit/worker/bootstrap.test.ts.
 */
export function createBootstrapRunner(client: WorkerClient<MetricsRequest, MetricsEvent>, show: (state: BootstrapState) => void): { run: (cases: BootstrapCases | null) => void } {
  let current: PendingRequest | null = null;
  const onEvent = (event: MetricsEvent): void => {
    if (event.type === 'bootstrap-progress') show({ intervals: null, progress: event.done / event.total, error: null });
    else if (event.type === 'bootstrap') {
      const { replicates, confidence, rocAuc, averagePrecision } = event;
      show({ intervals: { replicates, confidence, rocAuc, averagePrecision }, progress: null, error: null });
    } else if (event.type === 'error') show({ ...NO_BOOTSTRAP, error: `Bootstrap intervals failed: ${event.message}` });
  };
  return {
    run: (evaluation) => {
      current?.abandon();
      current = null;
      show(NO_BOOTSTRAP);
      if (!evaluation) return;
      const cases = casesForWorker(evaluation.scores, evaluation.labels, evaluation.weights);
      const replicates = replicatesFor(evaluation.scores.length);
      current = client.request((requestId) => ({ type: 'bootstrap', requestId, replicates, seed: SEED, ...cases }), {
        transfer: transferablesOf(cases),
        onEvent,
        onFailure: (failure) => show({ ...NO_BOOTSTRAP, error: failure.message }),
      });
    },
  };
}
