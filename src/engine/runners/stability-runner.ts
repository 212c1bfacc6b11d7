/**
 * The stability runner: the chosen rule's threshold over the folds or seeded bootstrap
 * resamples, solved in the background metrics worker; each run supersedes the one before. The
 * hook (components/hooks/useStability.ts) only holds its state in React.
 */
import type { ThresholdStability } from '../../metrics/threshold-stability';
import type { MetricsEvent, MetricsRequest } from '../protocol';
import type { PendingRequest, WorkerClient } from '../worker-client';

/** Bootstrap resamples in hold-out mode: fewer for large splits, so the worker answers in about a second. */
export const replicatesFor = (n: number): number => (n > 50_000 ? 20 : n > 10_000 ? 50 : 200);

/** What a stability request needs; the arrays are the page's own (copied when sent). */
export type StabilityRequest = Omit<Extract<MetricsRequest, { type: 'stability' }>, 'type' | 'requestId' | 'scores' | 'labels'> & {
  scores: ArrayLike<number>;
  labels: ArrayLike<number>;
};

/**
 * The hook's logic without React: each `run` supersedes the one before; the resamples are built
 * and solved in the metrics worker, so a large validation split never blocks the page.
 */
export function createStabilityRunner(client: WorkerClient<MetricsRequest, MetricsEvent>, show: (stability: ThresholdStability | null) => void) {
  let current: PendingRequest | null = null;
  return {
    run(request: StabilityRequest | null): void {
      current?.abandon();
      current = null;
      if (!request) return show(null);
      // Copies for the worker: the page keeps its own arrays for the next request.
      const copy = { ...request, scores: Float64Array.from(request.scores), labels: Uint8Array.from(request.labels) };
      current = client.request((requestId) => ({ type: 'stability', requestId, ...copy }), {
        transfer: [copy.scores.buffer, copy.labels.buffer],
        onEvent: (event) => show(event.type === 'stability' ? event.stability : null),
        onFailure: () => show(null),
      });
    },
  };
}
