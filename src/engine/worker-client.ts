/**
 * One typed client per worker, in the manner of Mosaic's Connector: it owns request ids, the
 * superseding of stale requests, transferables, timeouts and the crash policy, so the hooks
 * built on it only say what to send and what to do with the answers.
 *
 * Crash policy (the same for every worker): the dead worker is terminated, every request in
 * flight fails with a WorkerFailure whose message tells the user what happened, and the next
 * request starts a fresh worker. The client holds no settings, so none are lost.
 *
 * Plain TS with no DOM beyond the WorkerLike interface: a real Worker satisfies it, and so does
 * the in-process fake the unit tests use (tests/unit/fake-worker.ts).
 */

/** The part of a Worker the client uses. */
export interface WorkerLike {
  postMessage(message: unknown, transfer: Transferable[]): void;
  addEventListener(type: 'message' | 'messageerror' | 'error', listener: (event: Event) => void): void;
  terminate(): void;
}

/**
 * Why a request got no answer. 'offline': the worker's script could not be loaded (no network
 * and nothing cached); 'crashed': it threw or died while running; 'timeout': it did not answer
 * in time and was restarted.
 */
export type WorkerFailureKind = 'offline' | 'crashed' | 'timeout';

export interface WorkerFailure {
  kind: WorkerFailureKind;
  /** What the browser or the timer said, for the words in brackets. */
  detail: string;
  /** The sentence to show the user. */
  message: string;
}

export interface WorkerClientConfig<Req, Ev> {
  /** The worker in words, after "the": e.g. "training worker". */
  name: string;
  /** Starts a worker; called lazily, and again after a crash. */
  spawn: () => WorkerLike;
  /** The request id an event answers. */
  requestIdOf: (event: Ev) => number;
  /** True for a request's last event. */
  isFinal: (event: Ev) => boolean;
  /** The message that asks the worker to stop a request, for workers that can. */
  cancelMessage?: (requestId: number) => Req;
}

export interface RequestOptions<Ev> {
  /** Buffers moved to the worker, not copied: the caller must not use them afterwards. */
  transfer?: Transferable[];
  /** Every event of this request, the final one included. */
  onEvent: (event: Ev) => void;
  /** Called at most once, instead of any further events. */
  onFailure: (failure: WorkerFailure) => void;
  /**
   * True (the default): this request supersedes every earlier superseding request, whose later
   * events are dropped (and which the worker is asked to cancel). False: it runs beside them,
   * like a model export during training.
   */
  supersedes?: boolean;
  /**
   * Superseding happens within a channel: callers sharing one worker (the metrics coordinator's
   * views) each get their own, so a new curve never drops a running bootstrap. Default ''.
   */
  channel?: string;
  /** Without a final event within this time the worker is restarted and the request fails. */
  timeoutMs?: number;
}

/** A request in flight. */
export interface PendingRequest {
  readonly id: number;
  /** Stops listening: no further events or failure reach the caller; the worker is asked to cancel. */
  abandon(): void;
  /**
   * Asks the worker to cancel but keeps listening for its answer; with `graceMs`, a worker that
   * has not answered by then is restarted (the only way to stop a long synchronous step).
   */
  cancel(graceMs?: number): void;
}

export interface WorkerClient<Req, Ev> {
  /** Sends `build(id)` under a fresh request id. */
  request(build: (requestId: number) => Req, options: RequestOptions<Ev>): PendingRequest;
  /** Starts the worker now, so the first request does not wait for its script to load. */
  warm(): void;
  /**
   * Sends a message that gets no answer (data the worker keeps for later requests), to the
   * worker the next request goes to. Returns that worker's generation: see {@link generation}.
   */
  post(message: Req, transfer?: Transferable[]): number;
  /** Which worker the next message goes to: 1 for the first, one more for each one started after a crash or restart. */
  generation(): number;
  /**
   * Applies the crash policy on purpose (e.g. its WebGL context was lost): the worker is
   * terminated and every request in flight fails as 'crashed' with `detail`.
   */
  restart(detail: string): void;
  /** Terminates the worker; pending requests are dropped silently. Later requests start a new one. */
  dispose(): void;
}

interface Entry<Ev> {
  options: RequestOptions<Ev>;
  supersedes: boolean;
  channel: string;
  timer: ReturnType<typeof setTimeout> | null;
}

/** The user-facing sentence for a failure; the crash wording says the worker is back. */
export function failureMessage(name: string, kind: WorkerFailureKind, detail: string): string {
  switch (kind) {
    case 'offline':
      return `offline: the ${name} could not be loaded (${detail}). Reconnect and try again; your settings are unchanged.`;
    case 'timeout':
      return `The ${name} did not answer (${detail}), so it has been restarted. Your settings are unchanged.`;
    case 'crashed':
      return `The ${name} stopped unexpectedly (${detail}); it has been restarted. Your settings are unchanged.`;
  }
}

// The error event of a script that could not be fetched carries no message (a plain Event);
// an exception thrown inside a running worker comes as an ErrorEvent with one.
function errorMessageOf(event: Event): string {
  return 'message' in event && typeof event.message === 'string' ? event.message : '';
}

export function createWorkerClient<Req, Ev>(config: WorkerClientConfig<Req, Ev>): WorkerClient<Req, Ev> {
  let worker: WorkerLike | null = null;
  let spawned = 0;
  /** True once the current worker has sent anything: it loaded, so a later error is a crash. */
  let heardFrom = false;
  let nextId = 0;
  const pending = new Map<number, Entry<Ev>>();

  const clearTimer = (entry: Entry<Ev>): void => {
    if (entry.timer !== null) clearTimeout(entry.timer);
    entry.timer = null;
  };

  const drop = (id: number): Entry<Ev> | undefined => {
    const entry = pending.get(id);
    if (!entry) return undefined;
    pending.delete(id);
    clearTimer(entry);
    return entry;
  };

  const postCancel = (id: number): void => {
    if (worker && config.cancelMessage) worker.postMessage(config.cancelMessage(id), []);
  };

  /** The one crash policy: terminate, fail everything in flight, start afresh on the next request. */
  const fail = (kind: WorkerFailureKind, detail: string): void => {
    const dead = worker;
    worker = null;
    dead?.terminate();
    const entries = [...pending.values()];
    pending.clear();
    const message = failureMessage(config.name, kind, detail);
    for (const entry of entries) {
      clearTimer(entry);
      entry.options.onFailure({ kind, detail, message });
    }
  };

  const onMessage = (source: WorkerLike, event: Event): void => {
    if (source !== worker || !('data' in event)) return;
    heardFrom = true;
    const data = event.data as Ev;
    const id = config.requestIdOf(data);
    const entry = pending.get(id);
    if (!entry) return;
    if (config.isFinal(data)) drop(id);
    entry.options.onEvent(data);
  };

  const onError = (source: WorkerLike, event: Event): void => {
    if (source !== worker) return;
    // Handled here: the browser need not also log it as uncaught.
    event.preventDefault();
    const message = errorMessageOf(event);
    if (!message && !heardFrom) fail('offline', 'its script did not load');
    else fail('crashed', message || 'no message');
  };

  const live = (): WorkerLike => {
    if (worker) return worker;
    const created = config.spawn();
    worker = created;
    spawned++;
    heardFrom = false;
    created.addEventListener('message', (event) => onMessage(created, event));
    created.addEventListener('error', (event) => onError(created, event));
    created.addEventListener('messageerror', () => created === worker && fail('crashed', 'a message could not be read'));
    return created;
  };

  const startTimer = (id: number, entry: Entry<Ev>, ms: number, detail: string): void => {
    clearTimer(entry);
    entry.timer = setTimeout(() => {
      if (pending.get(id) === entry) fail('timeout', detail);
    }, ms);
  };

  const request = (build: (requestId: number) => Req, options: RequestOptions<Ev>): PendingRequest => {
    const supersedes = options.supersedes ?? true;
    const channel = options.channel ?? '';
    if (supersedes) {
      for (const [id, entry] of [...pending]) {
        if (!entry.supersedes || entry.channel !== channel) continue;
        drop(id);
        postCancel(id);
      }
    }
    const id = ++nextId;
    const entry: Entry<Ev> = { options, supersedes, channel, timer: null };
    const target = live();
    pending.set(id, entry);
    if (options.timeoutMs !== undefined) startTimer(id, entry, options.timeoutMs, `no answer within ${options.timeoutMs / 1000} s`);
    target.postMessage(build(id), options.transfer ?? []);
    return {
      id,
      abandon: () => {
        if (drop(id)) postCancel(id);
      },
      cancel: (graceMs?: number) => {
        if (pending.get(id) !== entry) return;
        postCancel(id);
        if (graceMs !== undefined) startTimer(id, entry, graceMs, `it did not stop within ${graceMs / 1000} s`);
      },
    };
  };

  return {
    request,
    warm: () => void live(),
    post: (message, transfer = []) => {
      live().postMessage(message, transfer);
      return spawned;
    },
    generation: () => {
      live();
      return spawned;
    },
    restart: (detail) => fail('crashed', detail),
    dispose: () => {
      for (const entry of pending.values()) clearTimer(entry);
      pending.clear();
      worker?.terminate();
      worker = null;
    },
  };
}
