import { describe, expect, it } from 'vitest';
import { createBootstrapRunner, NO_BOOTSTRAP, type BootstrapState } from '../../../../src/engine/runners/bootstrap-runner';
import type { MetricsEvent, MetricsRequest } from '../../../../src/engine/protocol';
import { createWorkerClient } from '../../../../src/engine/worker-client';
import { fakeSpawner } from '../../fake-worker';
import { metricsClientConfig } from '../../../../src/engine/client-configs';

function setup() {
  const spawner = fakeSpawner();
  const client = createWorkerClient(metricsClientConfig(spawner.spawn));
  const states: BootstrapState[] = [];
  const runner = createBootstrapRunner(client, (s) => states.push(s));
  return { spawner, runner, states, last: () => states.at(-1) };
}

const cases = { scores: [0.9, 0.1, 0.8, 0.3], labels: Uint8Array.of(1, 0, 1, 0), weights: null };
const answer = (requestId: number): MetricsEvent => ({
  type: 'bootstrap',
  requestId,
  replicates: 1000,
  confidence: 0.95,
  rocAuc: { low: 0.7, high: 0.9 },
  averagePrecision: { low: 0.6, high: 0.8 },
});

describe('useBootstrap logic on the fake worker', () => {
  it('sends copies of the cases as transferables and shows progress, then the intervals', () => {
    const { spawner, runner, last } = setup();
    runner.run(cases);
    const [{ message, transfer }] = spawner.current().posted;
    const request = message as Extract<MetricsRequest, { type: 'bootstrap' }>;
    expect(request).toMatchObject({ type: 'bootstrap', requestId: 1, replicates: 1000, seed: 20261123 });
    expect(Array.from(request.scores)).toEqual(cases.scores);
    expect(request.labels).not.toBe(cases.labels);
    expect(transfer).toEqual([request.scores.buffer, request.labels.buffer]);
    spawner.current().reply({ type: 'bootstrap-progress', requestId: 1, done: 250, total: 1000 });
    expect(last()).toEqual({ intervals: null, progress: 0.25, error: null });
    spawner.current().reply(answer(1));
    expect(last()).toEqual({
      intervals: { replicates: 1000, confidence: 0.95, rocAuc: { low: 0.7, high: 0.9 }, averagePrecision: { low: 0.6, high: 0.8 } },
      progress: null,
      error: null,
    });
  });

  it('a new score set clears the old intervals and supersedes the running request', () => {
    const { spawner, runner, last } = setup();
    runner.run(cases);
    runner.run({ ...cases, scores: [0.2, 0.4, 0.6, 0.8] });
    expect(last()).toEqual(NO_BOOTSTRAP);
    spawner.current().reply(answer(1));
    expect(last()).toEqual(NO_BOOTSTRAP);
    spawner.current().reply(answer(2));
    expect(last()?.intervals?.rocAuc).toEqual({ low: 0.7, high: 0.9 });
  });

  it('no evaluation: nothing is sent and nothing is shown', () => {
    const { spawner, runner, states } = setup();
    runner.run(null);
    expect(spawner.workers).toHaveLength(0);
    expect(states).toEqual([NO_BOOTSTRAP]);
  });

  it('an error event from the worker is shown, not dropped', () => {
    const { spawner, runner, last } = setup();
    runner.run(cases);
    spawner.current().reply({ type: 'error', requestId: 1, message: 'weights must be finite' });
    expect(last()).toEqual({ intervals: null, progress: null, error: 'Bootstrap intervals failed: weights must be finite' });
  });

  it('a crashed worker is reported and the next score set runs on a fresh one', () => {
    const { spawner, runner, last } = setup();
    runner.run(cases);
    spawner.current().crash('Uncaught RangeError: out of memory');
    expect(last()?.error).toBe('The metrics worker stopped unexpectedly (Uncaught RangeError: out of memory); it has been restarted. Your settings are unchanged.');
    runner.run(cases);
    expect(spawner.workers).toHaveLength(2);
    spawner.current().reply(answer(2));
    expect(last()).toEqual({
      intervals: { replicates: 1000, confidence: 0.95, rocAuc: { low: 0.7, high: 0.9 }, averagePrecision: { low: 0.6, high: 0.8 } },
      progress: null,
      error: null,
    });
  });

  it('a worker that cannot load (offline) says so', () => {
    const { spawner, runner, last } = setup();
    runner.run(cases);
    spawner.current().failToLoad();
    expect(last()?.error).toMatch(/^offline: the metrics worker could not be loaded/);
  });
});
