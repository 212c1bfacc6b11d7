import { afterEach, describe, expect, it, vi } from 'vitest';
import { createWorkerClient, type WorkerFailure } from '../../../src/engine/worker-client';
import { fakeSpawner, type FakeBehaviour } from '../fake-worker';

type Req = { type: 'work'; id: number; n: number } | { type: 'cancel'; id: number };
type Ev = { type: 'step'; id: number } | { type: 'done'; id: number; value: number };

function setup(behaviour?: FakeBehaviour) {
  const spawner = fakeSpawner(behaviour);
  const client = createWorkerClient<Req, Ev>({
    name: 'test worker',
    spawn: spawner.spawn,
    requestIdOf: (event) => event.id,
    isFinal: (event) => event.type === 'done',
    cancelMessage: (id) => ({ type: 'cancel', id }),
  });
  const events: Ev[] = [];
  const failures: WorkerFailure[] = [];
  const send = (n: number, extra: { supersedes?: boolean; timeoutMs?: number; transfer?: Transferable[] } = {}) =>
    client.request((id) => ({ type: 'work', id, n }), { ...extra, onEvent: (e) => events.push(e), onFailure: (f) => failures.push(f) });
  return { spawner, client, events, failures, send };
}

afterEach(() => vi.useRealTimers());

describe('worker client', () => {
  it('numbers requests, passes transferables and delivers the events of the request they answer', () => {
    const { spawner, events, send } = setup();
    const buffer = new ArrayBuffer(8);
    const first = send(1, { transfer: [buffer] });
    expect(first.id).toBe(1);
    expect(spawner.current().posted).toEqual([{ message: { type: 'work', id: 1, n: 1 }, transfer: [buffer] }]);
    spawner.current().reply({ type: 'step', id: 1 });
    spawner.current().reply({ type: 'done', id: 1, value: 7 });
    // After the final event the request is over: a stray late event is not delivered.
    spawner.current().reply({ type: 'step', id: 1 });
    expect(events).toEqual([
      { type: 'step', id: 1 },
      { type: 'done', id: 1, value: 7 },
    ]);
    expect(spawner.workers).toHaveLength(1);
  });

  it('a newer request supersedes an older one: the worker is asked to cancel and stale events are dropped', () => {
    const { spawner, events, send } = setup();
    send(1);
    const second = send(2);
    expect(second.id).toBe(2);
    expect(spawner.current().messages<Req>()).toEqual([
      { type: 'work', id: 1, n: 1 },
      { type: 'cancel', id: 1 },
      { type: 'work', id: 2, n: 2 },
    ]);
    spawner.current().reply({ type: 'done', id: 1, value: 1 });
    spawner.current().reply({ type: 'done', id: 2, value: 2 });
    expect(events).toEqual([{ type: 'done', id: 2, value: 2 }]);
  });

  it('a request that does not supersede runs beside the others', () => {
    const { spawner, events, send } = setup();
    send(1);
    send(2, { supersedes: false });
    spawner.current().reply({ type: 'done', id: 2, value: 2 });
    spawner.current().reply({ type: 'done', id: 1, value: 1 });
    expect(events.map((e) => e.id)).toEqual([2, 1]);
  });

  it('a crash fails every request in flight with one message and the next request starts a fresh worker', () => {
    const { spawner, failures, events, send } = setup();
    send(1);
    send(2, { supersedes: false });
    spawner.current().reply({ type: 'step', id: 1 });
    spawner.current().crash('Uncaught Error: boom');
    expect(spawner.workers[0].terminated).toBe(true);
    expect(failures).toHaveLength(2);
    expect(failures[0]).toEqual({
      kind: 'crashed',
      detail: 'Uncaught Error: boom',
      message: 'The test worker stopped unexpectedly (Uncaught Error: boom); it has been restarted. Your settings are unchanged.',
    });
    send(3);
    expect(spawner.workers).toHaveLength(2);
    spawner.current().reply({ type: 'done', id: 3, value: 3 });
    expect(events.at(-1)).toEqual({ type: 'done', id: 3, value: 3 });
  });

  it('a worker whose script cannot load reports "offline: …", not a crash', () => {
    const { spawner, failures, send } = setup();
    send(1);
    spawner.current().failToLoad();
    expect(failures).toHaveLength(1);
    expect(failures[0].kind).toBe('offline');
    expect(failures[0].message).toMatch(/^offline: the test worker could not be loaded/);
    expect(failures[0].message).not.toContain('crash');
  });

  it('an error without a message from a worker that had answered is still a crash', () => {
    const { spawner, failures, send } = setup();
    send(1);
    spawner.current().reply({ type: 'step', id: 1 });
    spawner.current().failToLoad();
    expect(failures.map((f) => f.kind)).toEqual(['crashed']);
  });

  it('a request without a final event in time restarts the worker and fails as a timeout', () => {
    vi.useFakeTimers();
    const { spawner, failures, send } = setup();
    send(1, { timeoutMs: 5000 });
    vi.advanceTimersByTime(4999);
    expect(failures).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(failures.map((f) => f.kind)).toEqual(['timeout']);
    expect(failures[0].message).toContain('no answer within 5 s');
    expect(spawner.workers[0].terminated).toBe(true);
  });

  it('a timer is cleared by the final event', () => {
    vi.useFakeTimers();
    const { spawner, failures, send } = setup();
    send(1, { timeoutMs: 1000 });
    spawner.current().reply({ type: 'done', id: 1, value: 1 });
    vi.advanceTimersByTime(5000);
    expect(failures).toEqual([]);
    expect(spawner.workers[0].terminated).toBe(false);
  });

  it('cancel keeps listening for the answer; with a grace period a worker that does not stop is restarted', () => {
    vi.useFakeTimers();
    const { spawner, failures, events, send } = setup();
    const answered = send(1);
    answered.cancel(1000);
    spawner.current().reply({ type: 'done', id: 1, value: 0 });
    vi.advanceTimersByTime(2000);
    expect(events).toEqual([{ type: 'done', id: 1, value: 0 }]);
    expect(failures).toEqual([]);

    const stuck = send(2);
    stuck.cancel(1000);
    expect(spawner.current().messages<Req>().at(-1)).toEqual({ type: 'cancel', id: 2 });
    vi.advanceTimersByTime(1000);
    expect(failures.map((f) => f.kind)).toEqual(['timeout']);
    expect(failures[0].detail).toBe('it did not stop within 1 s');
    expect(spawner.workers[0].terminated).toBe(true);
  });

  it('abandon drops the request silently and asks the worker to cancel', () => {
    const { spawner, failures, events, send } = setup();
    const request = send(1);
    request.abandon();
    spawner.current().reply({ type: 'done', id: 1, value: 1 });
    spawner.current().crash();
    expect(events).toEqual([]);
    expect(failures).toEqual([]);
    expect(spawner.workers[0].messages<Req>().at(-1)).toEqual({ type: 'cancel', id: 1 });
  });

  it('warm starts the worker before the first request; dispose terminates it', () => {
    const { spawner, client, send } = setup();
    client.warm();
    expect(spawner.workers).toHaveLength(1);
    send(1);
    expect(spawner.workers).toHaveLength(1);
    client.dispose();
    expect(spawner.workers[0].terminated).toBe(true);
  });

  it('restart applies the crash policy on purpose', () => {
    const { spawner, client, failures, send } = setup();
    send(1);
    client.restart('its WebGL context was lost');
    expect(spawner.workers[0].terminated).toBe(true);
    expect(failures.map((f) => [f.kind, f.detail])).toEqual([['crashed', 'its WebGL context was lost']]);
    send(2);
    expect(spawner.workers).toHaveLength(2);
  });

  it('events from a worker that was replaced are ignored', () => {
    const { spawner, events, send } = setup();
    send(1);
    const old = spawner.current();
    old.crash();
    send(2);
    // The old fake is terminated and delivers nothing; a real one could still be draining.
    old.terminated = false;
    old.reply({ type: 'done', id: 2, value: 99 });
    spawner.current().reply({ type: 'done', id: 2, value: 2 });
    expect(events).toEqual([{ type: 'done', id: 2, value: 2 }]);
  });
});
