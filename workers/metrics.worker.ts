/// <reference lib="webworker" />
// Runs the metrics that need the rows off the main thread: sorting scores into a curve, and
// the bootstrap intervals, the threshold stability.
import { bootstrapAucAp } from '../src/metrics/bootstrap';
import { curveViewBuffers, prepareCurveView } from '../src/metrics/curve-view';
import { ScoreCurve } from '../src/metrics/score-curve';
import { evaluatedStability } from '../src/metrics/threshold-stability';
import type { MetricsEvent, MetricsRequest } from '../src/engine/protocol';

declare const self: DedicatedWorkerGlobalScope;

const post = (event: MetricsEvent, transfer: Transferable[] = []) => self.postMessage(event, transfer);
// Progress is reported every few percent, not per replicate.
const PROGRESS_STEPS = 20;

self.onmessage = (message: MessageEvent<MetricsRequest>) => {
  const request = message.data;
  const { requestId, scores, labels, weights } = request;
  try {
    if (request.type === 'curve') {
      const curve = ScoreCurve.from(scores, labels, weights ?? undefined);
      const view = prepareCurveView(curve);
      const { thresholds, cumTp, cumFp } = curve;
      post({ type: 'curve', requestId, n: curve.n, thresholds, cumTp, cumFp, view }, [thresholds.buffer, cumTp.buffer, cumFp.buffer, ...curveViewBuffers(view)]);
      return;
    }
    if (request.type === 'stability') {
      const stability = evaluatedStability({ ...request.evaluated, scores, labels }, request.rules, request.chosen);
      post({ type: 'stability', requestId, stability });
      return;
    }
    const every = Math.max(1, Math.floor(request.replicates / PROGRESS_STEPS));
    const result = bootstrapAucAp(scores, labels, weights ?? undefined, {
      replicates: request.replicates,
      seed: request.seed,
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
