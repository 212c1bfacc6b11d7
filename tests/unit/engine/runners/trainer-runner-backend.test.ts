import { describe, expect, it } from 'vitest';
import { INITIAL_TRAINING, type TrainingState } from '../../../../src/session/training-state';
import { createTrainerRunner, type BackendMemo, type BackendMemory } from '../../../../src/engine/runners/trainer-runner';
import type { TrainingData, TrainOptions, TrainRequest } from '../../../../src/engine/protocol';
import { createWorkerClient } from '../../../../src/engine/worker-client';
import { fakeSpawner } from '../../fake-worker';
import { trainClientConfig } from '../../../../src/engine/client-configs';

function setup(memo: BackendMemo | null = null) {
  const spawner = fakeSpawner();
  let state: TrainingState = INITIAL_TRAINING;
  const saved: BackendMemo[] = [];
  const memory: BackendMemory = { load: () => memo, save: (m) => void saved.push(m) };
  const runner = createTrainerRunner(
    () => createWorkerClient(trainClientConfig(spawner.spawn)),
    (change) => {
      state = change(state);
    },
    memory,
  );
  return { spawner, runner, saved, state: () => state, sent: () => spawner.current().messages<TrainRequest>() };
}

const data: TrainingData = { columns: [], rows: Uint32Array.of(0, 1), labels: Uint8Array.of(0, 1) };
const auto = { backend: 'auto', epochs: 3, threshold: 0.5 } as TrainOptions;
const memo: BackendMemo = { backend: 'wasm', reason: 'WASM (SIMD) — WebGL here is software rendering', details: 'SwiftShader' };

describe('backend warm-up and the session memory', () => {
  it("warms with the session's earlier 'auto' choice and shows it before any run", () => {
    const { spawner, runner, state, sent } = setup(memo);
    runner.warm();
    expect(sent()).toEqual([{ type: 'warm', runId: 1, backend: 'auto', known: memo }]);
    spawner.current().reply({ type: 'backend', runId: 1, ...memo });
    spawner.current().reply({ type: 'done', runId: 1, reason: 'completed', epochsRun: 0, bestEpoch: 0, bestScores: null, numTensors: 0 });
    expect(state()).toMatchObject({ status: 'idle', backend: 'wasm', backendReason: memo.reason, backendDetails: 'SwiftShader' });
  });

  it("remembers what 'auto' chose in a run, and not what an explicit choice got", () => {
    const { spawner, runner, saved } = setup();
    runner.start(data, auto);
    spawner.current().reply({ type: 'backend', runId: 1, ...memo });
    runner.start(data, { ...auto, backend: 'cpu' });
    spawner.current().reply({ type: 'backend', runId: 2, backend: 'cpu', reason: 'CPU — chosen in settings', details: '' });
    expect(saved).toEqual([memo]);
  });
});
