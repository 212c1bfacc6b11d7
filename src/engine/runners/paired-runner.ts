/**
 * The paired-test runner: DeLong's test of two score sets on the same cases, in the metrics
 * worker (about a second at a million rows, never on the page); each run supersedes the one
 * before. The hook (components/hooks/usePairedTest.ts) only holds its state in React.
 */
import type { MetricsEvent, MetricsRequest } from '../protocol';
import type { PendingRequest, WorkerClient } from '../worker-client';
import type { DelongTest } from '../../metrics/delong';
import { casesForWorker, transferablesOf } from './curve-runner';

/** Two score sets on the same cases, aligned: A (the current scores) and B (the compared ones). */
export interface PairedScores {
  scoresA: ArrayLike<number>;
  scoresB: ArrayLike<number>;
  labels: Uint8Array;
  weights: Float64Array | null;
}

export type PairedTestState =
  | { status: 'idle' }
  | { status: 'running' }
  | { status: 'done'; test: DelongTest }
  /** The test could not run (e.g. fractional weights, a single class): the reason, in words. */
  | { status: 'error'; message: string };

export const IDLE: PairedTestState = { status: 'idle' };

/**
 * The hook's logic without React: each `run` supersedes the one before, so a new epoch's or a
 * new column's test never shows the old one's figures.
 */
export function createPairedRunner(
  client: WorkerClient<MetricsRequest, MetricsEvent>,
  show: (state: PairedTestState, paired: PairedScores | null) => void,
): { run: (paired: PairedScores | null) => void } {
  let current: PendingRequest | null = null;
  return {
    run(paired) {
      current?.abandon();
      current = null;
      if (!paired) {
        show(IDLE, null);
        return;
      }
      show({ status: 'running' }, paired);
      // Copies: the page keeps its own arrays; the copies move to the worker.
      const cases = casesForWorker(paired.scoresA, paired.labels, paired.weights);
      const scoresB = Float64Array.from(paired.scoresB);
      current = client.request((requestId) => ({ type: 'paired', requestId, scoresB, ...cases }), {
        transfer: [...transferablesOf(cases), scoresB.buffer],
        onEvent: (event) => {
          if (event.type === 'paired') show({ status: 'done', test: event.test }, paired);
          else if (event.type === 'error') show({ status: 'error', message: event.message }, paired);
        },
        onFailure: (failure) => show({ status: 'error', message: failure.message }, paired),
      });
    },
  };
}
