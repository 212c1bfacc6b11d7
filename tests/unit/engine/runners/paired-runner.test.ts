/** The Compare view's paired test: the worker's dispatch, and the page-side runner on the fake worker. */
import { describe, expect, it } from 'vitest';
import { OTHER_ROWS_NOTE, pairingOf } from '../../../../components/hooks/useComparison';
import { createPairedRunner, type PairedTestState } from '../../../../src/engine/runners/paired-runner';
import { metricsClientConfig } from '../../../../src/engine/client-configs';
import { createMetricsController } from '../../../../src/engine/metrics-controller';
import type { MetricsEvent, MetricsRequest } from '../../../../src/engine/protocol';
import { createWorkerClient } from '../../../../src/engine/worker-client';
import { delongTest } from '../../../../src/metrics/delong';
import { fakeSpawner } from '../../fake-worker';

const paired = {
  scoresA: [0.9, 0.8, 0.35, 0.4, 0.1, 0.6, 0.2, 0.7],
  scoresB: [0.7, 0.6, 0.5, 0.3, 0.2, 0.8, 0.1, 0.4],
  labels: Uint8Array.of(1, 1, 1, 0, 0, 0, 0, 1),
  weights: null,
};

describe('paired test in the metrics worker', () => {
  it('the controller answers with delongTest on the cases it was sent', () => {
    const events: MetricsEvent[] = [];
    const controller = createMetricsController((event) => events.push(event));
    controller.handle({
      type: 'paired',
      requestId: 7,
      scores: Float64Array.from(paired.scoresA),
      scoresB: Float64Array.from(paired.scoresB),
      labels: paired.labels,
      weights: null,
    });
    expect(events).toEqual([{ type: 'paired', requestId: 7, test: delongTest(paired) }]);
    controller.handle({ type: 'paired', requestId: 8, scores: Float64Array.of(0.1, 0.2), scoresB: Float64Array.of(0.3, 0.4), labels: Uint8Array.of(1, 0), weights: null });
    expect(events[1]).toMatchObject({ type: 'error', requestId: 8, message: expect.stringMatching(/at least two positive and two negative/) });
  });

  it('the runner sends copies, shows running then the test, and a new pair supersedes the old', () => {
    const spawner = fakeSpawner();
    const client = createWorkerClient(metricsClientConfig(spawner.spawn));
    const states: PairedTestState[] = [];
    const runner = createPairedRunner(client, (state) => states.push(state));
    runner.run(paired);
    expect(states.at(-1)).toEqual({ status: 'running' });
    const { message, transfer } = spawner.current().posted[0];
    const request = message as Extract<MetricsRequest, { type: 'paired' }>;
    expect(Array.from(request.scoresB)).toEqual(paired.scoresB);
    expect(request.labels).not.toBe(paired.labels);
    expect(transfer).toContain(request.scoresB.buffer);
    runner.run({ ...paired, scoresB: paired.scoresA });
    // The first request's late answer is dropped.
    spawner.current().reply({ type: 'paired', requestId: 1, test: delongTest(paired) });
    expect(states.at(-1)).toEqual({ status: 'running' });
    const test = delongTest({ ...paired, scoresB: paired.scoresA });
    spawner.current().reply({ type: 'paired', requestId: 2, test });
    expect(states.at(-1)).toEqual({ status: 'done', test });
    runner.run(null);
    expect(states.at(-1)).toEqual({ status: 'idle' });
  });
});

describe('which comparisons are tested case by case', () => {
  const evaluation = {
    evaluatedOn: 'validation' as const,
    rows: Uint32Array.of(3, 5, 8, 13),
    scores: [0.9, 0.2, 0.6, 0.4],
    labels: Uint8Array.of(1, 0, 1, 0),
    weights: null,
  };
  const pinnedScores = Float64Array.of(0.8, 0.1, 0.3, 0.5);

  it('a second column always, on the evaluation’s rows', () => {
    const column = Float64Array.of(0.1, 0.2, 0.3, 0.4);
    expect(pairingOf(evaluation, column, null)).toEqual({ paired: { scoresA: evaluation.scores, scoresB: column, labels: evaluation.labels, weights: null }, note: null });
  });

  it('a pinned model only on the very same rows (same seed and split); otherwise it says why', () => {
    const same = { evaluatedOn: 'validation' as const, rows: Uint32Array.of(3, 5, 8, 13), labels: Uint8Array.of(1, 0, 1, 0), scores: pinnedScores };
    expect(pairingOf(evaluation, null, same).paired?.scoresB).toBe(pinnedScores);
    for (const other of [
      { ...same, rows: Uint32Array.of(3, 5, 8, 14) },
      { ...same, evaluatedOn: 'out-of-fold' as const },
      { ...same, rows: Uint32Array.of(3, 5, 8) },
    ]) {
      expect(pairingOf(evaluation, null, other)).toEqual({ paired: null, note: OTHER_ROWS_NOTE });
    }
    expect(pairingOf(evaluation, null, null)).toEqual({ paired: null, note: null });
  });
});
