import type { WorkerLike } from '../../src/engine/worker-client';

/** What the fake worker does with each message the page posts; `worker` answers through reply(). */
export type FakeBehaviour = (message: unknown, worker: FakeWorker) => void;

/**
 * An in-process stand-in for a Worker with the WorkerLike interface: it records what it is sent
 * and answers, crashes or fails to load when the test says so. Events are delivered
 * synchronously, so a test reads the outcome on the next line.
 */
export class FakeWorker implements WorkerLike {
  readonly posted: { message: unknown; transfer: Transferable[] }[] = [];
  terminated = false;
  private readonly listeners = new Map<string, ((event: Event) => void)[]>();

  constructor(private readonly behaviour: FakeBehaviour = () => {}) {}

  postMessage(message: unknown, transfer: Transferable[]): void {
    if (this.terminated) throw new Error('message posted to a terminated fake worker');
    this.posted.push({ message, transfer });
    this.behaviour(message, this);
  }

  addEventListener(type: 'message' | 'messageerror' | 'error', listener: (event: Event) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  terminate(): void {
    this.terminated = true;
  }

  /** The worker posts `data` to the page. */
  reply(data: unknown): void {
    this.dispatch('message', new MessageEvent('message', { data }));
  }

  /** An uncaught exception in the running worker: an error event with a message. */
  crash(message = 'Uncaught Error: simulated crash'): void {
    this.dispatch('error', Object.assign(new Event('error', { cancelable: true }), { message }));
  }

  /** The worker's script could not be fetched: a plain error event, no message. */
  failToLoad(): void {
    this.dispatch('error', new Event('error', { cancelable: true }));
  }

  /** The messages posted so far, typed as the protocol's requests. */
  messages<T>(): T[] {
    return this.posted.map((p) => p.message as T);
  }

  private dispatch(type: string, event: Event): void {
    if (this.terminated) return;
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
}

/** A spawn function for createWorkerClient that keeps every fake it started. */
export function fakeSpawner(behaviour?: FakeBehaviour): { spawn: () => FakeWorker; workers: FakeWorker[]; current: () => FakeWorker } {
  const workers: FakeWorker[] = [];
  return {
    spawn: () => {
      const worker = new FakeWorker(behaviour);
      workers.push(worker);
      return worker;
    },
    workers,
    current: () => {
      const last = workers.at(-1);
      if (!last) throw new Error('no fake worker started yet');
      return last;
    },
  };
}
