/**
 * The train worker's logic, free of worker globals: one run at a time, a new
 * 'train' cancels the one before it, 'cancel' stops the named run.
 */
import type { BackendChoice, TrainRequest } from '../protocol';
import { chooseBackend, type BackendSelection } from './backend';
import { describeError, train, type Emit, type TrainHooks, type TrainRun } from './train-loop';
import type { Tf } from './tf';

/** Handles requests; `idle()` resolves when no run is active or queued. */
export interface TrainController {
  handle(request: TrainRequest): void;
  idle(): Promise<void>;
}

/** Options for tests and hosts. */
export interface TrainControllerOptions {
  hooks?: TrainHooks;
  selectBackend?: (choice: BackendChoice) => Promise<BackendSelection>;
}

/** Creates the controller that a worker feeds with messages. */
export function createTrainController(tf: Tf, emit: Emit, options: TrainControllerOptions = {}): TrainController {
  // Backend choice is remembered per setting: the 'auto' benchmark runs once per worker.
  const chosen = new Map<BackendChoice, Promise<BackendSelection>>();
  const select =
    options.selectBackend ??
    ((choice: BackendChoice): Promise<BackendSelection> => {
      let p = chosen.get(choice);
      if (!p) {
        p = chooseBackend(tf.core, choice);
        // A failed choice is not cached, so the next run can try again.
        p.catch(() => chosen.delete(choice));
        chosen.set(choice, p);
      }
      return p;
    });

  let latest = 0; // sequence number of the newest 'train' request
  const cancelledRuns = new Set<number>();
  const liveRuns = new Set<number>(); // queued or running, so a stale 'cancel' cannot stick to a reused runId
  let queue: Promise<void> = Promise.resolve();

  const runOne = async (run: TrainRun, sequence: number): Promise<void> => {
    const isCancelled = (): boolean => sequence !== latest || cancelledRuns.has(run.runId);
    try {
      if (isCancelled()) {
        emit({ type: 'done', runId: run.runId, reason: 'cancelled', epochsRun: 0 });
        return;
      }
      const selection = await select(run.options.backend);
      // Switching backends between runs is cheap once each is initialised.
      if (tf.core.getBackend() !== selection.backend) await tf.core.setBackend(selection.backend);
      emit({ type: 'backend', runId: run.runId, backend: selection.backend, reason: selection.reason });
      await train(tf, run, emit, isCancelled, options.hooks);
    } catch (err) {
      emit({ type: 'error', runId: run.runId, message: describeError(err) });
    } finally {
      cancelledRuns.delete(run.runId);
      liveRuns.delete(run.runId);
    }
  };

  return {
    handle(request) {
      if (request.type === 'cancel') {
        if (liveRuns.has(request.runId)) cancelledRuns.add(request.runId);
        return;
      }
      const sequence = ++latest;
      liveRuns.add(request.runId);
      queue = queue.then(() => runOne(request, sequence));
    },
    idle: () => queue,
  };
}
