import { useCallback, useEffect, useRef, useState } from 'react';
import type { ModelContext, TrainEvent, TrainingData, TrainOptions, TrainRequest } from '../../src/protocol';
import { INITIAL_TRAINING, reduceTraining, startJob, type JobKind, type TrainingState } from './training-state';

export type { EpochLog, TrainingState, TrainingStatus } from './training-state';

/** A cancelled job that has not answered within this time is stopped by restarting the worker. */
const HARD_CANCEL_MS = 1000;

type JobRequest = Extract<TrainRequest, { type: 'train' | 'sweep' | 'score' }>;
type MakeRequest = (runId: number, options: TrainOptions) => JobRequest;
interface ActiveJob {
  kind: JobKind;
  request: JobRequest;
  /** Builds the request again, for a re-send with other options. */
  make: MakeRequest;
  options: TrainOptions;
  /** True once the job was re-sent after a crash, so a second crash is final. */
  retried: boolean;
}

interface PendingExport {
  resolve: (file: { zip: ArrayBuffer; fileName: string }) => void;
  reject: (error: Error) => void;
}

/** The trainer API the page uses. */
export interface Trainer {
  state: TrainingState;
  start: (data: TrainingData, options: TrainOptions) => void;
  sweep: (data: TrainingData, options: TrainOptions) => void;
  score: (files: File[], data: TrainingData, options: TrainOptions) => void;
  exportModel: (context: ModelContext) => Promise<{ zip: ArrayBuffer; fileName: string }>;
  cancel: () => void;
  reset: () => void;
}

/**
 * Drives the training worker and folds its streamed events into one state object. A crashed
 * worker, or one whose WebGL context was lost, is replaced by a new one on WASM and the job it
 * was running is sent again once; a cancel the worker does not answer within a second
 * restarts it. Nothing the user set lives here, so nothing of it is lost.
 */
export function useTrainer(): Trainer {
  const workerRef = useRef<Worker | null>(null);
  const runRef = useRef(0);
  const activeRef = useRef<ActiveJob | null>(null);
  const exportsRef = useRef(new Map<number, PendingExport>());
  const forcedBackendRef = useRef<'wasm' | null>(null);
  const cancelTimerRef = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [state, setState] = useState<TrainingState>(INITIAL_TRAINING);

  const clearCancelTimer = (): void => {
    if (cancelTimerRef.current !== null) clearTimeout(cancelTimerRef.current);
    cancelTimerRef.current = null;
  };

  useEffect(
    () => () => {
      clearCancelTimer();
      workerRef.current?.terminate();
    },
    [],
  );

  const dropWorker = (): void => {
    workerRef.current?.terminate();
    workerRef.current = null;
    for (const pending of exportsRef.current.values()) pending.reject(new Error('the training worker stopped'));
    exportsRef.current.clear();
  };

  const post = (request: TrainRequest): void => {
    worker().postMessage(request);
  };

  const send = (job: ActiveJob): void => {
    activeRef.current = job;
    post(job.request);
  };

  /** Replaces a dead worker with one on WASM and re-sends the running job once. */
  const restartOnWasm = (what: string): void => {
    clearCancelTimer();
    dropWorker();
    forcedBackendRef.current = 'wasm';
    const active = activeRef.current;
    const notice = `The training worker ${what}; it was restarted on WASM. Your settings are unchanged.`;
    if (active && !active.retried) {
      const options: TrainOptions = { ...active.options, backend: 'wasm' };
      setState((s) => ({ ...startJob(s, active.kind, options), notice }));
      send({ ...active, request: active.make(active.request.runId, options), options, retried: true });
      return;
    }
    activeRef.current = null;
    setState((s) => ({ ...s, status: 'error', message: `${notice} Press Train to run again.`, notice }));
  };

  const onEvent = (event: TrainEvent): void => {
    const pendingExport = exportsRef.current.get(event.runId);
    if (pendingExport) {
      exportsRef.current.delete(event.runId);
      if (event.type === 'exported') pendingExport.resolve({ zip: event.zip, fileName: event.fileName });
      else pendingExport.reject(new Error(event.type === 'error' ? event.message : 'unexpected answer to an export'));
      return;
    }
    const active = activeRef.current;
    if (!active || event.runId !== active.request.runId) return;
    if (event.type === 'lost') return restartOnWasm(`lost its WebGL context (${event.message})`);
    if (event.type === 'done' || event.type === 'error' || event.type === 'scored') {
      clearCancelTimer();
      activeRef.current = null;
    }
    setState((s) => reduceTraining(s, active.kind, event));
  };
  const onEventRef = useRef(onEvent);
  onEventRef.current = onEvent;
  const restartRef = useRef(restartOnWasm);
  restartRef.current = restartOnWasm;

  const worker = (): Worker => {
    if (workerRef.current) return workerRef.current;
    const created = new Worker(new URL('../../workers/train.worker.ts', import.meta.url), { type: 'module' });
    created.onmessage = (message: MessageEvent<TrainEvent>) => onEventRef.current(message.data);
    created.onerror = (error) => {
      error.preventDefault();
      restartRef.current(`crashed (${error.message || 'no message'})`);
    };
    workerRef.current = created;
    return created;
  };

  const begin = useCallback((kind: JobKind, make: MakeRequest, options: TrainOptions) => {
    clearCancelTimer();
    const runId = ++runRef.current;
    const effective = forcedBackendRef.current ? { ...options, backend: forcedBackendRef.current } : options;
    setState((s) => startJob(s, kind, effective));
    send({ kind, request: make(runId, effective), make, options: effective, retried: false });
  }, []);

  const start = useCallback((data: TrainingData, options: TrainOptions) => begin('train', (runId, o) => ({ type: 'train', runId, data, options: o }), options), [begin]);
  const sweep = useCallback((data: TrainingData, options: TrainOptions) => begin('sweep', (runId, o) => ({ type: 'sweep', runId, data, options: o, weights: null }), options), [begin]);
  const score = useCallback(
    (files: File[], data: TrainingData, options: TrainOptions) => begin('score', (runId, o) => ({ type: 'score', runId, files, data, options: { backend: o.backend, threshold: o.threshold } }), options),
    [begin],
  );

  const exportModel = useCallback(
    (context: ModelContext) =>
      new Promise<{ zip: ArrayBuffer; fileName: string }>((resolve, reject) => {
        const runId = ++runRef.current;
        exportsRef.current.set(runId, { resolve, reject });
        post({ type: 'export', runId, context });
      }),
    [],
  );

  const cancel = useCallback(() => {
    const active = activeRef.current;
    if (!active) return;
    post({ type: 'cancel', runId: active.request.runId });
    clearCancelTimer();
    cancelTimerRef.current = setTimeout(() => {
      // The worker is stuck in a long operation: a fresh worker is the only way to stop it now.
      if (activeRef.current !== active) return;
      activeRef.current = null;
      dropWorker();
      const notice = 'The worker did not stop within a second, so it was restarted.';
      setState((s) =>
        active.kind === 'sweep' ? { ...s, sweep: { ...s.sweep, status: 'cancelled' }, notice, modelReady: false } : { ...s, status: 'cancelled', notice, modelReady: false },
      );
    }, HARD_CANCEL_MS);
  }, []);

  const reset = useCallback(() => {
    clearCancelTimer();
    // The job of the data being replaced is of no use any more.
    if (activeRef.current) workerRef.current?.postMessage({ type: 'cancel', runId: activeRef.current.request.runId } satisfies TrainRequest);
    runRef.current++;
    activeRef.current = null;
    setState(INITIAL_TRAINING);
  }, []);

  return { state, start, sweep, score, exportModel, cancel, reset };
}
