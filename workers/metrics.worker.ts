/// <reference lib="webworker" />
// Runs the heavier metrics (bootstrap intervals) off the main thread.
import { bootstrapAucAp } from '../src/metrics/bootstrap';
import type { MetricsEvent, MetricsRequest } from '../src/protocol';

declare const self: DedicatedWorkerGlobalScope;

const post = (event: MetricsEvent) => self.postMessage(event);
// Progress is reported every few percent, not per replicate.
const PROGRESS_STEPS = 20;

self.onmessage = (message: MessageEvent<MetricsRequest>) => {
  const { requestId, scores, labels, weights, replicates, seed } = message.data;
  try {
    const every = Math.max(1, Math.floor(replicates / PROGRESS_STEPS));
    const result = bootstrapAucAp(scores, labels, weights ?? undefined, {
      replicates,
      seed,
      onProgress: (done, total) => done % every === 0 && post({ type: 'bootstrap-progress', requestId, done, total }),
    });
    post({
      type: 'bootstrap',
      requestId,
      replicates: result.replicates,
      confidence: result.confidence,
      rocAuc: { low: result.rocAuc.low, high: result.rocAuc.high },
      averagePrecision: { low: result.averagePrecision.low, high: result.averagePrecision.high },
    });
  } catch (error) {
    post({ type: 'error', requestId, message: error instanceof Error ? error.message : String(error) });
  }
};
