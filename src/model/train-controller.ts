/**
 * The train worker's logic, free of worker globals: one job at a time; a new 'train',
 * 'sweep' or 'score' cancels the one before it; 'cancel' stops the named job; 'export'
 * packs the model of the last completed training run, which is kept as plain arrays.
 */
import { importedModelInfo } from './imported-model';
import type { BackendChoice, BackendName, SentTrainRequest, TrainEvent, TrainRequest } from './train-protocol';
import { createColumnStore } from './staged-columns';
import { chooseBackend, type BackendSelection } from './backend';
import type { WebglProbe } from './webgl-probe';
import { isContextLost, watchContextLoss } from './context-loss';
import type { TrainHooks } from './fit';
import { exportModelZip, loadModelFiles } from './model-files';
import { disposeMlp } from './mlp';
import { scoreRows } from './score';
import { sweep } from './sweep';
import { crossValidate } from './cross-validate';
import { describeError, train, type Emit } from './train-loop';
import type { TrainedModel } from './trained-model';
import { wallClock } from './run-timings';
import { warmUp } from './warm-up';
import type { Tf } from './tf';

/** Handles requests; `idle()` resolves when no job is active or queued. */
export interface TrainController {
  /** Takes a request as posted; throws (for the worker to report) when it names columns never staged. */
  handle(request: SentTrainRequest): void;
  idle(): Promise<void>;
}

/** Options for tests and hosts. */
export interface TrainControllerOptions {
  hooks?: TrainHooks;
  selectBackend?: (choice: BackendChoice, known: BackendSelection | null) => Promise<BackendSelection>;
  /** Looks at WebGL without tfjs, so 'auto' never compiles shaders on a software renderer. */
  probeWebgl?: () => WebglProbe | null;
  /** False skips the small training run a 'warm' makes after loading the backend (tests). */
  warmUp?: boolean;
}

type Job = Extract<TrainRequest, { type: 'train' | 'sweep' | 'score' | 'export' | 'warm' }>;

/** The backend cannot run anything any more; already reported as 'lost'. */
class BackendLost extends Error {}

/** Creates the controller that a worker feeds with messages. */
export function createTrainController(tf: Tf, emit: Emit, options: TrainControllerOptions = {}): TrainController {
  // Backend choice is remembered per setting: the 'auto' probe and benchmark run once per
  // worker, and not at all when the page passes on the choice made earlier in the session.
  const chosen = new Map<BackendChoice, Promise<BackendSelection>>();
  const choose = options.selectBackend ?? ((choice: BackendChoice, known: BackendSelection | null) => chooseBackend(tf.core, choice, { probe: options.probeWebgl, known }));
  const select = (choice: BackendChoice, known: BackendSelection | null = null): Promise<BackendSelection> => {
    let p = chosen.get(choice);
    if (!p) {
      p = choose(choice, known);
      // A failed choice is not cached, so the next run can try again.
      p.catch(() => chosen.delete(choice));
      chosen.set(choice, p);
    }
    return p;
  };

  const store = createColumnStore();
  let latest = 0; // sequence number of the newest train/sweep/score request
  const cancelledRuns = new Set<number>();
  const liveRuns = new Set<number>(); // queued or running, so a stale 'cancel' cannot stick to a reused runId
  let queue: Promise<void> = Promise.resolve();
  let lastModel: TrainedModel | null = null;
  let currentRun = 0;
  let lost = false;
  let watching = false;

  const switchBackend = async (runId: number, choice: BackendChoice, known: BackendSelection | null = null): Promise<BackendName> => {
    const selection = await select(choice, known);
    // Switching backends between runs is cheap once each is initialised.
    if (tf.core.getBackend() !== selection.backend) await tf.core.setBackend(selection.backend);
    if (isContextLost(tf.core)) lost = true;
    if (
      !watching &&
      watchContextLoss(tf.core, () => {
        lost = true;
        emit({ type: 'lost', runId: currentRun, message: 'the WebGL context was lost' });
      })
    )
      watching = true;
    if (lost) {
      // The page answers 'lost' by replacing this worker; an error event would only add noise.
      emit({ type: 'lost', runId, message: 'the WebGL context was lost' });
      throw new BackendLost();
    }
    emit({ type: 'backend', runId, backend: selection.backend, reason: selection.reason, details: selection.details });
    return selection.backend;
  };

  const runOne = async (job: Job, sequence: number, receivedAt: number): Promise<void> => {
    const runId = job.runId;
    currentRun = runId;
    const isCancelled = (): boolean => lost || sequence !== latest || cancelledRuns.has(runId);
    const fail = (err: unknown): void => {
      let message = describeError(err);
      if (job.type !== 'train' && job.type !== 'sweep' && !(err instanceof Error && err.name === 'DataError')) {
        message = message.replace(/^training failed/, job.type === 'export' ? 'the export failed' : 'the model could not be used');
      }
      emit({ type: 'error', runId, message, numTensors: tf.core.memory().numTensors });
    };
    try {
      if (job.type === 'warm') {
        // Loads the backend (the WASM module, or WebGL's context) while the user is still choosing columns.
        const backend = await switchBackend(runId, job.backend, job.known);
        if (options.warmUp !== false) await warmUp(tf, backend, options.hooks);
        // Ends the request for the page's client (its final events are 'done' and 'error').
        emit({ type: 'done', runId, reason: 'completed', epochsRun: 0, bestEpoch: 0, bestScores: null, numTensors: tf.core.memory().numTensors });
        return;
      }
      if (job.type === 'export') {
        if (!lastModel) throw new Error('there is no trained model to export: train one first');
        const zip = await exportModelZip(tf, lastModel, job.context);
        emit({ type: 'exported', runId, zip: zip.buffer as ArrayBuffer, fileName: 'cutoff-model.zip' }, [zip.buffer as ArrayBuffer]);
        return;
      }
      if (isCancelled()) {
        emit({ type: 'done', runId, reason: 'cancelled', epochsRun: 0, bestEpoch: 0, bestScores: null, numTensors: tf.core.memory().numTensors });
        return;
      }
      const switching = wallClock();
      const backend = await switchBackend(runId, job.options.backend);
      const start = { receivedAt, backendMs: wallClock() - switching };
      if (job.type === 'train') {
        lastModel = null;
        lastModel = await (job.options.evaluation === 'cv'
          ? crossValidate(tf, job, emit, isCancelled, options.hooks, backend)
          : train(tf, job, emit, isCancelled, options.hooks, backend, start));
      } else if (job.type === 'sweep') {
        await sweep(tf, job, emit, isCancelled, options.hooks);
      } else {
        await score(job);
      }
    } catch (err) {
      if (!(err instanceof BackendLost)) fail(err);
    } finally {
      cancelledRuns.delete(runId);
      liveRuns.delete(runId);
    }
  };

  const score = async (job: Extract<TrainRequest, { type: 'score' }>): Promise<void> => {
    const files = await Promise.all(job.files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
    const loaded = await loadModelFiles(tf, files);
    let scores: Float32Array;
    try {
      scores = await scoreRows(tf, loaded.network, loaded.preprocessor, job.data.columns, job.data.rows);
    } finally {
      disposeMlp(loaded.network);
    }
    const model = importedModelInfo(loaded.card, job.files.map((f) => f.name).join(', '));
    const event: TrainEvent = { type: 'scored', runId: job.runId, scores, description: loaded.description, numTensors: tf.core.memory().numTensors, model };
    emit(event, [scores.buffer]);
  };

  return {
    handle(sent) {
      if (sent.type === 'stage') return store.stage(sent);
      if (sent.type === 'cancel') {
        if (liveRuns.has(sent.runId)) cancelledRuns.add(sent.runId);
        return;
      }
      // On arrival, not when the job's turn comes: a later 'stage' may let its columns go.
      const request = store.resolve(sent);
      const sequence = request.type === 'export' || request.type === 'warm' ? latest : ++latest;
      liveRuns.add(request.runId);
      const receivedAt = wallClock();
      queue = queue.then(() => runOne(request, sequence, receivedAt));
    },
    idle: () => queue,
  };
}
