import { describe, expect, it } from 'vitest';
import { createCurveRunner, type CurveState } from '../../../src/engine/runners/curve-runner';
import { createThresholdStore } from '../../../components/cockpit/threshold-store';
import { ScoreCurve } from '../../../src/metrics';
import { prepareCurveView } from '../../../src/metrics/curve-view';
import type { MetricsEvent, MetricsRequest } from '../../../src/engine/protocol';
import { createWorkerClient } from '../../../src/engine/worker-client';
import { fakeSpawner } from '../fake-worker';
import { metricsClientConfig } from '../../../src/engine/client-configs';

describe('threshold store', () => {
  it('tells its subscribers of each change, once, and not of a same value', () => {
    const store = createThresholdStore(0.5);
    const seen: number[] = [];
    const unsubscribe = store.subscribe(() => seen.push(store.get()));
    store.set(0.7);
    store.set(0.7);
    store.set(0.2);
    unsubscribe();
    store.set(0.9);
    expect(seen).toEqual([0.7, 0.2]);
    expect(store.get()).toBe(0.9);
  });
});

describe('curve runner on the fake worker', () => {
  // The fake answers a curve request the way the metrics worker does.
  const answer = (message: unknown, worker: { reply: (d: unknown) => void }) => {
    const request = message as Extract<MetricsRequest, { type: 'curve' }>;
    const curve = ScoreCurve.from(request.scores, request.labels, request.weights ?? undefined);
    const event: MetricsEvent = {
      type: 'curve',
      requestId: request.requestId,
      n: curve.n,
      thresholds: curve.thresholds,
      cumTp: curve.cumTp,
      cumFp: curve.cumFp,
      view: prepareCurveView(curve),
    };
    worker.reply(event);
  };
  type Cases = { scores: number[]; labels: Uint8Array; weights: null };
  const setup = (behaviour?: (m: unknown, w: { reply: (d: unknown) => void }) => void) => {
    const spawner = fakeSpawner(behaviour);
    const client = createWorkerClient(metricsClientConfig(spawner.spawn));
    let state: CurveState<Cases> = { built: null, error: null };
    const runner = createCurveRunner<Cases>(client, (update) => (state = update(state)));
    return { spawner, runner, state: () => state };
  };
  const a: Cases = { scores: [0.9, 0.2, 0.7, 0.4], labels: Uint8Array.of(1, 0, 1, 0), weights: null };
  const b: Cases = { scores: [0.6, 0.5], labels: Uint8Array.of(0, 1), weights: null };

  it('pairs the curve and its view with the cases it was built from', () => {
    const { runner, state } = setup(answer);
    runner.run(a, false);
    expect(state().built?.cases).toBe(a);
    expect(state().built?.curve.rocAuc()).toBe(1);
    expect(state().built?.view.rocAuc).toBe(1);
  });

  it('keeps the previous curve while the next is computed only when asked (training epochs)', () => {
    const { spawner, runner, state } = setup();
    runner.run(a, false);
    answer(spawner.current().posted[0].message, spawner.current());
    runner.run(b, true);
    expect(state().built?.cases).toBe(a);
    runner.run(b, false);
    expect(state().built).toBeNull();
  });

  it('drops the answer to a superseded request, and says so when the worker fails', () => {
    const { spawner, runner, state } = setup();
    runner.run(a, false);
    const first = spawner.current().posted[0].message;
    runner.run(b, false);
    answer(first, spawner.current());
    expect(state().built).toBeNull();
    spawner.current().crash();
    expect(state().error).toMatch(/Computing the curve failed/);
  });
});
