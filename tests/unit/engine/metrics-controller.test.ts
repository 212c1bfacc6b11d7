import { describe, expect, it } from 'vitest';
import { createGroupsRunner, type GroupsInput, type GroupsState } from '../../../src/engine/runners/groups-runner';
import { metricsClientConfig } from '../../../src/engine/client-configs';
import { createMetricsController } from '../../../src/engine/metrics-controller';
import type { GroupCases, GroupSolve, MetricsEvent, MetricsRequest } from '../../../src/engine/protocol';
import { createWorkerClient } from '../../../src/engine/worker-client';
import { groupInputs, solveGroupThresholds } from '../../../src/metrics/group-thresholds';
import { mulberry32 } from '../../../src/data/random';
import { ScoreCurve } from '../../../src/metrics/score-curve';
import { calibrateCurve } from '../../../src/metrics/calibration-method';
import { fakeSpawner, type FakeWorker } from '../fake-worker';

/** 3,000 cases in three groups whose score distributions differ, from the project's PRNG. */
function groupCases(): GroupCases {
  const random = mulberry32(7);
  const n = 3000;
  const scores = new Float64Array(n);
  const labels = new Uint8Array(n);
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    codes[i] = i % 3;
    labels[i] = random() < 0.2 + 0.1 * codes[i] ? 1 : 0;
    scores[i] = Math.min(1, Math.max(0, 0.3 * labels[i] + 0.1 * codes[i] + 0.6 * random()));
  }
  return { scores, labels, weights: null, codes, levels: ['a', 'b', 'c'], costs: { costFp: 1, costFn: 5 }, missed: null, alarm: null };
}

const solve = (strategy: GroupSolve['strategy'], threshold = 0.4): GroupSolve => ({ strategy, manual: [], prevalence: null, threshold });

/** A fake metrics worker that runs the real controller, as the worker file does. */
function realWorker(): { spawn: () => FakeWorker; current: () => FakeWorker } {
  return fakeSpawner((message, worker) => createdControllers.get(worker)?.handle(message as MetricsRequest));
}
const createdControllers = new WeakMap<FakeWorker, ReturnType<typeof createMetricsController>>();

describe('the metrics controller', () => {
  it('builds the groups once, re-solves them for each strategy, and says when it holds none', () => {
    const events: MetricsEvent[] = [];
    const controller = createMetricsController((event) => events.push(event));
    const cases = groupCases();
    const expected = solveGroupThresholds(groupInputs(cases, cases.codes, cases.levels, cases.costs, null), 'equal-opportunity', { threshold: 0.4, manual: new Map() });
    controller.handle({ type: 'groups', requestId: 1, key: 'k', cases, solve: solve('equal-opportunity'), needCurves: true, rocPixels: { width: 144, height: 148 } });
    const first = events[0];
    if (first.type !== 'groups') throw new Error(first.type);
    expect(first.solution).toEqual(expected);
    expect(first.curves?.map((c) => c.value)).toEqual(['a', 'b', 'c']);
    controller.handle({ type: 'groups', requestId: 2, key: 'k', cases: null, solve: solve('demographic-parity'), needCurves: false, rocPixels: { width: 144, height: 148 } });
    const second = events[1];
    if (second.type !== 'groups') throw new Error(second.type);
    expect(second.curves).toBeNull();
    expect(second.solution?.strategy).toBe('demographic-parity');
    controller.handle({ type: 'groups', requestId: 3, key: 'other', cases: null, solve: solve('single'), needCurves: false, rocPixels: { width: 144, height: 148 } });
    expect(events[2]).toEqual({ type: 'groups-missing', requestId: 3, key: 'other' });
  });

  it('keeps a few builds side by side (the group panel and the slices table), the oldest let go first', () => {
    const events: MetricsEvent[] = [];
    const controller = createMetricsController((event) => events.push(event));
    const ask = (requestId: number, key: string, withCases: boolean): MetricsEvent => {
      controller.handle({
        type: 'groups',
        requestId,
        key,
        cases: withCases ? groupCases() : null,
        solve: solve('single'),
        needCurves: false,
        rocPixels: { width: 144, height: 148 },
      });
      return events[events.length - 1];
    };
    ask(1, 'groups', true);
    ask(2, 'slices', true);
    expect(ask(3, 'groups', false).type).toBe('groups');
    expect(ask(4, 'slices', false).type).toBe('groups');
    for (const [i, key] of ['x', 'y', 'z'].entries()) ask(5 + i, key, true);
    // Four kept: 'groups' (the oldest) went first; 'slices', x, y and z remain.
    expect(ask(8, 'groups', false).type).toBe('groups-missing');
    expect(ask(9, 'slices', false).type).toBe('groups');
  });

  it('fits a calibration on the curve it is sent and answers with its arrays', () => {
    const events: MetricsEvent[] = [];
    const controller = createMetricsController((event) => events.push(event));
    const cases = groupCases();
    const curve = ScoreCurve.from(cases.scores, cases.labels);
    controller.handle({
      type: 'calibration',
      requestId: 4,
      curve: { n: curve.n, thresholds: curve.thresholds.slice(), cumTp: curve.cumTp.slice(), cumFp: curve.cumFp.slice() },
      method: 'isotonic',
    });
    const answer = events[0];
    if (answer.type !== 'calibration') throw new Error(answer.type);
    expect(answer.calibrated).toEqual(calibrateCurve(curve, 'isotonic'));
  });

  it('sorts a curve in the worker and answers with its arrays and prepared view', () => {
    const events: MetricsEvent[] = [];
    const controller = createMetricsController((event) => events.push(event));
    const cases = groupCases();
    controller.handle({ type: 'curve', requestId: 5, scores: cases.scores.slice(), labels: cases.labels.slice(), weights: null });
    const answer = events[0];
    if (answer.type !== 'curve') throw new Error(answer.type);
    const curve = ScoreCurve.from(cases.scores, cases.labels);
    expect(Array.from(answer.thresholds)).toEqual(Array.from(curve.thresholds));
    expect(Array.from(answer.cumTp)).toEqual(Array.from(curve.cumTp));
    expect(answer.view.rocAuc).toBe(curve.rocAuc());
  });

  it("solves the threshold's stability over seeded bootstrap resamples in the worker", () => {
    const events: MetricsEvent[] = [];
    const controller = createMetricsController((event) => events.push(event));
    const cases = groupCases();
    const request = {
      scores: cases.scores.slice(),
      labels: cases.labels.slice(),
      weights: null,
      evaluated: { foldOf: null, folds: 0, seed: 3, replicates: 20 },
      rules: { costs: { costFp: 1, costFn: 5 }, target: null },
      chosen: 0.4,
    };
    controller.handle({ type: 'stability', requestId: 6, ...request });
    const answer = events[0];
    if (answer.type !== 'stability') throw new Error(answer.type);
    expect(answer.stability.method).toBe('bootstrap');
    expect(answer.stability.resamples).toBe(20);
    // Seeded: the same request gives the same answer.
    controller.handle({ type: 'stability', requestId: 7, ...request, scores: cases.scores.slice(), labels: cases.labels.slice() });
    const again = events[1];
    expect(again.type === 'stability' && again.stability).toEqual(answer.stability);
  });

  it('answers a request it cannot serve with an error, not a crash', () => {
    const events: MetricsEvent[] = [];
    const controller = createMetricsController((event) => events.push(event));
    controller.handle({ type: 'curve', requestId: 9, scores: new Float64Array(0), labels: new Uint8Array(0), weights: null });
    expect(events[0]).toMatchObject({ type: 'error', requestId: 9 });
  });
});

describe('useGroups logic on a fake worker running the real controller', () => {
  function setup() {
    const spawner = realWorker();
    const spawn = () => {
      const worker = spawner.spawn();
      createdControllers.set(
        worker,
        createMetricsController((event) => worker.reply(event)),
      );
      return worker;
    };
    const client = createWorkerClient(metricsClientConfig(spawn));
    const states: GroupsState[] = [];
    const runner = createGroupsRunner(client, (s) => states.push(s));
    let builds = 0;
    const input: GroupsInput = {
      key: 'file-1',
      groupColumn: 'region',
      cases: () => {
        builds++;
        return groupCases();
      },
    };
    return { spawner, runner, states, input, builds: () => builds };
  }

  it('sends the cases once per key; strategies re-solve in the worker; the page gets each group curve once', () => {
    const { runner, states, input, builds, spawner } = setup();
    for (const strategy of ['single', 'group-cost', 'equal-opportunity', 'equal-odds-fpr', 'demographic-parity', 'equal-accuracy'] as const) runner.run(input, solve(strategy));
    expect(builds()).toBe(1);
    const posted = spawner.current().posted.map((p) => p.message as Extract<MetricsRequest, { type: 'groups' }>);
    expect(posted.map((m) => m.cases !== null)).toEqual([true, false, false, false, false, false]);
    expect(posted.map((m) => m.needCurves)).toEqual([true, false, false, false, false, false]);
    const last = states.at(-1);
    expect(last?.solution?.strategy).toBe('equal-accuracy');
    expect(last?.groups?.map((g) => [g.value, g.curve.n])).toEqual([
      ['a', 1000],
      ['b', 1000],
      ['c', 1000],
    ]);
  });

  it('rebuilds after the worker was restarted (it answers groups-missing)', () => {
    const { runner, states, input, builds, spawner } = setup();
    runner.run(input, solve('single'));
    // Idle when it died: the next request goes to a fresh worker that holds no groups.
    spawner.current().crash();
    runner.run(input, solve('group-cost'));
    const fresh = spawner.current().posted.map((p) => p.message as Extract<MetricsRequest, { type: 'groups' }>);
    expect(fresh.map((m) => m.cases !== null)).toEqual([false, true]);
    expect(builds()).toBe(2);
    expect(states.at(-1)?.solution?.strategy).toBe('group-cost');
  });
});
