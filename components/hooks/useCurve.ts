import { useEffect, useRef, useState } from 'react';
import { ScoreCurve } from '../../src/metrics';
import type { MetricsEvent, MetricsRequest, ScoredCases } from '../../src/protocol';

/** Copies of the cases for the worker, so the page keeps its own arrays. */
export function casesForWorker(scores: ArrayLike<number>, labels: Uint8Array, weights: Float64Array | null): ScoredCases {
  return { scores: Float64Array.from(scores), labels: labels.slice(), weights: weights ? weights.slice() : null };
}

export function transferablesOf(cases: ScoredCases): ArrayBuffer[] {
  return [cases.scores.buffer, cases.labels.buffer, ...(cases.weights ? [cases.weights.buffer] : [])] as ArrayBuffer[];
}

/**
 * The ScoreCurve of some scored cases, sorted in a worker so a million scores never block the
 * page. Null while it is built; a newer set of cases supersedes an older one.
 */
export function useCurve(
  scores: ArrayLike<number> | null,
  labels: Uint8Array | null,
  weights: Float64Array | null,
): { curve: ScoreCurve | null; error: string | null } {
  const workerRef = useRef<Worker | null>(null);
  const requestRef = useRef(0);
  // `of` is the cases the result belongs to: for one render after new cases arrive, the old
  // result is still in state and must not be paired with them.
  const [result, setResult] = useState<{ of: unknown[]; curve: ScoreCurve | null; error: string | null }>({ of: [], curve: null, error: null });

  useEffect(() => () => workerRef.current?.terminate(), []);

  useEffect(() => {
    const requestId = ++requestRef.current;
    if (!scores || !labels) return;
    const worker = (workerRef.current ??= new Worker(new URL('../../workers/metrics.worker.ts', import.meta.url), { type: 'module' }));
    worker.onmessage = (message: MessageEvent<MetricsEvent>) => {
      const event = message.data;
      if (event.requestId !== requestRef.current) return;
      if (event.type === 'curve') setResult({ of: [scores, labels, weights], curve: new ScoreCurve(event.n, event.thresholds, event.cumTp, event.cumFp), error: null });
      else if (event.type === 'error') setResult({ of: [scores, labels, weights], curve: null, error: event.message });
    };
    worker.onerror = (error) => {
      error.preventDefault();
      if (requestId !== requestRef.current) return;
      workerRef.current = null;
      setResult({ of: [scores, labels, weights], curve: null, error: `Computing the curve failed: ${error.message || 'the worker stopped'}` });
    };
    const cases = casesForWorker(scores, labels, weights);
    const request: MetricsRequest = { type: 'curve', requestId, ...cases };
    worker.postMessage(request, transferablesOf(cases));
  }, [scores, labels, weights]);

  const current = result.of[0] === scores && result.of[1] === labels && result.of[2] === weights && scores !== null;
  return current ? { curve: result.curve, error: result.error } : { curve: null, error: null };
}
