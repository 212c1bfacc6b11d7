import { useCallback, useEffect, useRef, useState } from 'react';
import type { BackendName, TrainEvent, TrainOptions, TrainRequest } from '../../src/protocol';

export type TrainingStatus = 'idle' | 'training' | 'done' | 'cancelled' | 'error';

export interface EpochLog {
  epoch: number;
  trainLoss: number;
  validationLoss: number;
}

export interface TrainingState {
  status: TrainingStatus;
  backend: BackendName | null;
  backendReason: string;
  epochs: EpochLog[];
  totalEpochs: number;
  posWeight: number | null;
  /** Rows (of the labelled rows sent) held out for validation. */
  validationIndices: Uint32Array | null;
  /** Latest validation probabilities, aligned with validationIndices. */
  validationScores: Float32Array | null;
  message: string;
}

const INITIAL: TrainingState = {
  status: 'idle',
  backend: null,
  backendReason: '',
  epochs: [],
  totalEpochs: 0,
  posWeight: null,
  validationIndices: null,
  validationScores: null,
  message: '',
};

/** Drives the training worker and folds its streamed events into one state object. */
export function useTrainer(): {
  state: TrainingState;
  start: (features: Float32Array, featureCount: number, labels: Uint8Array, options: TrainOptions) => void;
  cancel: () => void;
  reset: () => void;
} {
  const workerRef = useRef<Worker | null>(null);
  const runRef = useRef(0);
  const [state, setState] = useState<TrainingState>(INITIAL);

  useEffect(() => () => workerRef.current?.terminate(), []);

  const onEvent = useCallback((event: TrainEvent) => {
    if (event.runId !== runRef.current) return;
    setState((s) => reduce(s, event));
  }, []);

  const worker = useCallback(() => {
    if (workerRef.current) return workerRef.current;
    const created = new Worker(new URL('../../workers/train.worker.ts', import.meta.url), { type: 'module' });
    created.onmessage = (message: MessageEvent<TrainEvent>) => onEvent(message.data);
    created.onerror = (error) => {
      error.preventDefault();
      created.terminate();
      workerRef.current = null;
      setState((s) => ({ ...s, status: 'error', message: `The training worker crashed (${error.message || 'no message'}); press Train to start again.` }));
    };
    workerRef.current = created;
    return created;
  }, [onEvent]);

  const start = useCallback(
    (features: Float32Array, featureCount: number, labels: Uint8Array, options: TrainOptions) => {
      const runId = ++runRef.current;
      setState({ ...INITIAL, status: 'training', totalEpochs: options.epochs, backend: null });
      const request: TrainRequest = { type: 'train', runId, features, featureCount, labels, options };
      worker().postMessage(request, [features.buffer as ArrayBuffer]);
    },
    [worker],
  );

  const cancel = useCallback(() => {
    const request: TrainRequest = { type: 'cancel', runId: runRef.current };
    workerRef.current?.postMessage(request);
  }, []);

  const reset = useCallback(() => {
    runRef.current++;
    setState(INITIAL);
  }, []);

  return { state, start, cancel, reset };
}

function reduce(s: TrainingState, event: TrainEvent): TrainingState {
  switch (event.type) {
    case 'backend':
      return { ...s, backend: event.backend, backendReason: event.reason };
    case 'split':
      return { ...s, validationIndices: event.validationIndices, posWeight: event.posWeight };
    case 'epoch':
      return {
        ...s,
        validationScores: event.validationScores,
        epochs: [...s.epochs, { epoch: event.epoch, trainLoss: event.trainLoss, validationLoss: event.validationLoss }],
      };
    case 'done':
      return { ...s, status: event.reason === 'completed' ? 'done' : 'cancelled' };
    case 'error':
      return { ...s, status: 'error', message: event.message };
  }
}
