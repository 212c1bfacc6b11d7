import { useEffect, useRef, useState } from 'react';
import type { MetricsEvent, MetricsRequest } from '../../src/protocol';
import { casesForWorker, transferablesOf } from './useCurve';
import type { Evaluation } from './useEvaluation';

export interface BootstrapIntervals {
  replicates: number;
  confidence: number;
  rocAuc: { low: number; high: number };
  averagePrecision: { low: number; high: number };
}

// Fewer resamples on very large score sets keep the worker's answer within seconds.
const replicatesFor = (n: number) => (n > 200_000 ? 200 : 1000);
const SEED = 20261123;

/**
 * Stratified bootstrap intervals for ROC-AUC and AP, computed in a worker for each new score
 * set; a newer score set supersedes a running request. Null until the worker answers.
 */
export function useBootstrap(evaluation: Evaluation | null): { intervals: BootstrapIntervals | null; progress: number | null } {
  const workerRef = useRef<Worker | null>(null);
  const requestRef = useRef(0);
  const [intervals, setIntervals] = useState<BootstrapIntervals | null>(null);
  const [progress, setProgress] = useState<number | null>(null);

  useEffect(() => () => workerRef.current?.terminate(), []);

  useEffect(() => {
    setIntervals(null);
    setProgress(null);
    if (!evaluation) return;
    const worker = (workerRef.current ??= new Worker(new URL('../../workers/metrics.worker.ts', import.meta.url), { type: 'module' }));
    const requestId = ++requestRef.current;
    worker.onmessage = (message: MessageEvent<MetricsEvent>) => {
      const event = message.data;
      if (event.requestId !== requestRef.current) return;
      if (event.type === 'bootstrap-progress') setProgress(event.done / event.total);
      else if (event.type === 'bootstrap') {
        setIntervals({ replicates: event.replicates, confidence: event.confidence, rocAuc: event.rocAuc, averagePrecision: event.averagePrecision });
        setProgress(null);
      } else setProgress(null);
    };
    const cases = casesForWorker(evaluation.scores, evaluation.labels, evaluation.weights);
    const request: MetricsRequest = { type: 'bootstrap', requestId, replicates: replicatesFor(evaluation.scores.length), seed: SEED, ...cases };
    worker.postMessage(request, transferablesOf(cases));
  }, [evaluation]);

  return { intervals, progress };
}
