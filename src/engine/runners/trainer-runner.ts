/**
 * The trainer runner: the train worker's jobs (train, sweep, score) with staged columns, the
 * backend's memo, cancel within a second (the worker is restarted when it does not answer) and
 * every event folded by the training reducer. The hook (components/hooks/useTrainer.ts) only
 * holds its state in React; unit tests drive it through an in-process fake worker.
 */
import type { BackendChoice, BackendName, ModelContext, TrainEvent, TrainingData, TrainOptions, TrainRequest } from '../protocol';
import type { PendingRequest, WorkerClient, WorkerFailure } from '../worker-client';
import { INITIAL_TRAINING, reduceTraining, startJob, type JobKind, type TrainingState } from '../../session/training-state';
import { wallClock } from '../../model/run-timings';
import type { RawColumn } from '../../data/preprocess';
import { createColumnStager } from '../../model/staged-columns';
import type { SentTrainRequest } from '../../model/train-protocol';

/** A column with its own copy of the array, to transfer. */
function copyOfColumn(column: RawColumn): RawColumn {
  return column.kind === 'numeric' ? { ...column, values: column.values.slice() } : { ...column, codes: column.codes.slice() };
}

/** A cancelled job that has not answered within this time is stopped by restarting the worker. */
const HARD_CANCEL_MS = 1000;

type JobRequest = Extract<TrainRequest, { type: 'train' | 'sweep' | 'score' }>;

type MakeRequest = (runId: number, options: TrainOptions) => JobRequest;

interface ActiveJob {
  kind: JobKind;
  /** Builds the request, again for a re-send with other options. */
  make: MakeRequest;
  options: TrainOptions;
  /** True once the job was re-sent after a crash, so a second crash is final. */
  retried: boolean;
  /** The request in flight, once sent. */
  handle: PendingRequest | null;
  /** When Train was clicked and the request sent (the page's clock, for the run's timing line). */
  clickedAt: number;
  sentAt: number;
}

/** The trainer API the page uses. */
export interface Trainer {
  state: TrainingState;
  /** `clickedAt`: when Train was clicked (wallClock), so the run's timing includes the page's part. */
  start: (data: TrainingData, options: TrainOptions, clickedAt?: number) => void;
  sweep: (data: TrainingData, options: TrainOptions) => void;
  score: (files: File[], data: TrainingData, options: TrainOptions) => void;
  exportModel: (context: ModelContext) => Promise<{ zip: ArrayBuffer; fileName: string }>;
  cancel: () => void;
  /** Starts the worker, tfjs and the backend now (the user is still choosing columns). */
  warm: (backend?: BackendChoice) => void;
  /** Copies the columns a run will train on to the worker now, so Train sends only their ids. */
  stage: (columns: RawColumn[]) => void;
  reset: () => void;
}

/** What 'auto' chose, as the worker said it. */
export interface BackendMemo {
  backend: BackendName;
  reason: string;
  details: string;
}

/** Where the 'auto' choice is kept between workers and reloads of this tab. */
export interface BackendMemory {
  load(): BackendMemo | null;
  save(memo: BackendMemo): void;
}

const NO_MEMORY: BackendMemory = { load: () => null, save: () => undefined };

type TrainClient = WorkerClient<SentTrainRequest, TrainEvent>;

type UpdateState = (change: (s: TrainingState) => TrainingState) => void;

/**
 * The trainer's logic without React, on a worker client (see useTrainer). `update` receives
 * every state change; `newClient` is called lazily, and again after dispose.
 */
export function createTrainerRunner(newClient: () => TrainClient, update: UpdateState, memory: BackendMemory = NO_MEMORY): Omit<Trainer, 'state'> & { dispose: () => void } {
  let client: TrainClient | null = null;
  let active: ActiveJob | null = null;
  let forcedBackend: 'wasm' | null = null;
  const live = (): TrainClient => (client ??= newClient());
  let stager = createColumnStager();
  let staged: RawColumn[] = [];
  /** Stages `staged` in the current worker unless it holds them (a crash starts a worker with none); returns its generation. */
  const restage = (): number => {
    const generation = live().generation();
    const message = stager.stage(staged, generation);
    if (message) {
      // Copies moved, not cloned: a memcpy per column, where cloning 200,000 × 20 columns in the
      // message took a 50-90 ms task on the page (the page keeps its own arrays).
      const sent = { ...message, add: message.add.map(({ id, column }) => ({ id, column: copyOfColumn(column) })) };
      live().post(
        sent,
        sent.add.map(({ column }) => (column.kind === 'numeric' ? column.values.buffer : column.codes.buffer) as ArrayBuffer),
      );
    }
    return generation;
  };

  const send = (job: ActiveJob): void => {
    active = job;
    const generation = restage();
    job.handle = live().request(
      (runId) => {
        const request = job.make(runId, job.options);
        return { ...request, data: stager.toSent(request.data, generation) };
      },
      {
        onEvent: (event) => onEvent(job, event),
        onFailure: (failure) => onFailure(job, failure),
      },
    );
    job.sentAt = wallClock();
  };

  /** Runs the job again on WASM once (the worker is already a fresh one). */
  const restartOnWasm = (job: ActiveJob, what: string): void => {
    forcedBackend = 'wasm';
    const notice = `The training worker ${what}; it was restarted on WASM. Your settings are unchanged.`;
    if (!job.retried) {
      const options: TrainOptions = { ...job.options, backend: 'wasm' };
      update((s) => ({ ...startJob(s, job.kind, options), notice }));
      send({ ...job, options, retried: true, handle: null, clickedAt: wallClock() });
      return;
    }
    active = null;
    update((s) => ({ ...s, status: 'error', message: `${notice} Press Train to run again.`, notice }));
  };

  const remember = (choice: BackendChoice, event: TrainEvent): void => {
    if (event.type === 'backend' && choice === 'auto') memory.save({ backend: event.backend, reason: event.reason, details: event.details });
  };

  const warm = (choice: BackendChoice = 'auto'): void => {
    const backend = forcedBackend ?? choice;
    live().request((runId) => ({ type: 'warm', runId, backend, known: backend === 'auto' ? memory.load() : null }), {
      supersedes: false,
      onEvent: (event) => {
        remember(backend, event);
        if (event.type !== 'backend') return;
        // Shown until a run reports its own backend.
        update((s) => (s.status === 'idle' && s.backend === null ? { ...s, backend: event.backend, backendReason: event.reason, backendDetails: event.details } : s));
      },
      // A job sent next meets the same failure and reports it.
      onFailure: () => undefined,
    });
  };

  const onEvent = (job: ActiveJob, event: TrainEvent): void => {
    if (active !== job) return;
    remember(job.options.backend, event);
    if (event.type === 'lost') {
      const what = `lost its WebGL context (${event.message})`;
      live().restart(what);
      return restartOnWasm(job, what);
    }
    if (event.type === 'done' || event.type === 'error' || event.type === 'scored') active = null;
    const timing = event.type === 'done' && event.timings ? { clickedAt: job.clickedAt, sentAt: job.sentAt, answeredAt: wallClock(), worker: event.timings } : null;
    update((s) => {
      const next = reduceTraining(s, job.kind, event);
      return timing ? { ...next, timing } : next;
    });
  };

  const onFailure = (job: ActiveJob, failure: WorkerFailure): void => {
    if (active !== job) return;
    if (failure.kind === 'crashed') return restartOnWasm(job, `crashed (${failure.detail})`);
    active = null;
    if (failure.kind === 'timeout') {
      // Only a cancel has a deadline: the worker was stuck in a long step, and a fresh worker
      // was the only way to stop it.
      const notice = 'The worker did not stop within a second, so it was restarted.';
      update((s) =>
        job.kind === 'sweep' ? { ...s, sweep: { ...s.sweep, status: 'cancelled' }, notice, modelReady: false } : { ...s, status: 'cancelled', notice, modelReady: false },
      );
      return;
    }
    // Offline: the worker's script could not load; retrying on another backend would not help.
    update((s) => (job.kind === 'sweep' ? { ...s, sweep: { ...s.sweep, status: 'error', message: failure.message } } : { ...s, status: 'error', message: failure.message }));
  };

  const begin = (kind: JobKind, make: MakeRequest, options: TrainOptions, clickedAt = wallClock()): void => {
    const effective = forcedBackend ? { ...options, backend: forcedBackend } : options;
    update((s) => startJob(s, kind, effective));
    // A new job supersedes the one before it: the client asks the worker to cancel that one.
    send({ kind, make, options: effective, retried: false, handle: null, clickedAt, sentAt: 0 });
  };

  return {
    start: (data, options, clickedAt) => begin('train', (runId, o) => ({ type: 'train', runId, data, options: o }), options, clickedAt),
    sweep: (data, options) => begin('sweep', (runId, o) => ({ type: 'sweep', runId, data, options: o, weights: null }), options),
    score: (files, data, options) => begin('score', (runId, o) => ({ type: 'score', runId, files, data, options: { backend: o.backend, threshold: o.threshold } }), options),
    exportModel: (context) =>
      new Promise((resolve, reject) => {
        live().request((runId) => ({ type: 'export', runId, context }), {
          // An export runs beside the job in progress.
          supersedes: false,
          onEvent: (event) => {
            if (event.type === 'exported') resolve({ zip: event.zip, fileName: event.fileName });
            else reject(new Error(event.type === 'error' ? event.message : 'unexpected answer to an export'));
          },
          onFailure: (failure) => reject(new Error(failure.message)),
        });
      }),
    cancel: () => active?.handle?.cancel(HARD_CANCEL_MS),
    reset: () => {
      // The job of the data being replaced is of no use any more.
      active?.handle?.abandon();
      active = null;
      update(() => INITIAL_TRAINING);
      // The worker lets the old file's columns go; the new file's are staged once a label is chosen.
      staged = [];
      restage();
      // New data: the user now chooses columns, time enough to get tfjs and its backend ready.
      warm();
    },
    warm,
    stage: (columns) => {
      staged = columns;
      restage();
    },
    dispose: () => {
      client?.dispose();
      client = null;
      // The next client's workers count their generations afresh.
      stager = createColumnStager();
      active = null;
    },
  };
}
