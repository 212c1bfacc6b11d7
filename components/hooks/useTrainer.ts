import { useEffect, useState } from 'react';
import { INITIAL_TRAINING, type TrainingState } from '../../src/session/training-state';
import { createTrainerRunner, type BackendMemory, type Trainer } from '../../src/engine/runners/trainer-runner';
import { createTrainClient } from './worker-clients';

export type { BackendMemo, BackendMemory, Trainer } from '../../src/engine/runners/trainer-runner';

export type { EpochLog, TrainingState, TrainingStatus } from '../../src/session/training-state';

const MEMO_KEY = 'cutoff:auto-backend';

/** The tab's session storage: the choice is made once per session, not on every worker start. */
export const sessionBackendMemory: BackendMemory = {
  load() {
    try {
      const memo: unknown = JSON.parse(sessionStorage.getItem(MEMO_KEY) ?? 'null');
      if (typeof memo !== 'object' || memo === null) return null;
      const { backend, reason, details } = memo as Record<string, unknown>;
      if ((backend === 'webgl' || backend === 'wasm' || backend === 'cpu') && typeof reason === 'string' && typeof details === 'string') return { backend, reason, details };
      return null;
    } catch {
      return null;
    }
  },
  save(memo) {
    try {
      sessionStorage.setItem(MEMO_KEY, JSON.stringify(memo));
    } catch {
      // Storage full or denied: the worker keeps its own choice for its lifetime anyway.
    }
  },
};

/**
 * Drives the training worker and folds its streamed events into one state object. A crashed
 * worker, or one whose WebGL context was lost, is replaced by a new one on WASM and the job it
 * was running is sent again once; a cancel the worker does not answer within a second
 * restarts it. Nothing the user set lives here, so nothing of it is lost.
 */
export function useTrainer(): Trainer {
  const [state, setState] = useState<TrainingState>(INITIAL_TRAINING);
  // One runner for the component's life; its functions are stable, like useCallback's.
  const [runner] = useState(() => createTrainerRunner(createTrainClient, setState, sessionBackendMemory));
  useEffect(() => () => runner.dispose(), [runner]);
  const { start, sweep, score, exportModel, cancel, warm, stage, reset } = runner;
  return { state, start, sweep, score, exportModel, cancel, warm, stage, reset };
}
