import { afterEach, describe, expect, it, vi } from 'vitest';
import { INITIAL_TRAINING, type TrainingState } from '../../../../src/session/training-state';
import { createTrainerRunner } from '../../../../src/engine/runners/trainer-runner';
import type { TrainEvent, TrainingData, TrainOptions, TrainRequest } from '../../../../src/engine/protocol';
import { createWorkerClient } from '../../../../src/engine/worker-client';
import { fakeSpawner } from '../../fake-worker';
import { trainClientConfig } from '../../../../src/engine/client-configs';

function setup() {
  const spawner = fakeSpawner();
  let state: TrainingState = INITIAL_TRAINING;
  const runner = createTrainerRunner(
    () => createWorkerClient(trainClientConfig(spawner.spawn)),
    (change) => {
      state = change(state);
    },
  );
  return { spawner, runner, state: () => state, sent: () => spawner.current().messages<TrainRequest>() };
}

const data: TrainingData = { columns: [], rows: Uint32Array.of(0, 1), labels: Uint8Array.of(0, 1) };
// The runner reads only the backend and the epochs; the rest travels to the worker untouched.
const options = { backend: 'cpu', epochs: 3, threshold: 0.5 } as TrainOptions;
const done = (runId: number): TrainEvent => ({ type: 'done', runId, reason: 'completed', epochsRun: 3, bestEpoch: 3, bestScores: null, numTensors: 0 });

afterEach(() => vi.useRealTimers());

describe('useTrainer logic on the fake worker', () => {
  it('sends a train request and folds its events into the state', () => {
    const { spawner, runner, state, sent } = setup();
    runner.start(data, options);
    expect(sent()).toEqual([{ type: 'train', runId: 1, data, options }]);
    expect(state().status).toBe('training');
    spawner.current().reply({ type: 'backend', runId: 1, backend: 'cpu', reason: 'chosen' });
    spawner.current().reply(done(1));
    expect(state()).toMatchObject({ status: 'done', backend: 'cpu', modelReady: true });
  });

  it('staged columns go once; a run sends their ids, and a crashed worker gets them again before the re-sent run', () => {
    const { spawner, runner } = setup();
    const column = { kind: 'numeric' as const, name: 'x', values: Float64Array.of(1, 2) };
    runner.stage([column]);
    const [stage] = spawner.current().messages<Extract<TrainRequest, { type: 'stage' }>>();
    expect(stage).toMatchObject({ type: 'stage', keep: [], add: [{ column }] });
    runner.start({ ...data, columns: [{ ...column }] }, options);
    const train = spawner.current().messages<{ type: string; data: { columns: unknown[] } }>().at(-1);
    expect(train?.data.columns).toEqual([{ staged: stage.add[0].id }]);
    spawner.current().crash('simulated');
    const fresh = spawner.current().messages<{ type: string; data?: { columns: unknown[] } }>();
    expect(fresh.map((m) => m.type)).toEqual(['stage', 'train']);
    expect(fresh[1].data?.columns).toEqual([{ staged: expect.any(Number) }]);
  });

  it('a crash mid-run restarts the worker and re-sends the job once, on WASM, keeping the other options', () => {
    const { spawner, runner, state } = setup();
    runner.start(data, options);
    spawner.current().crash('Uncaught Error: simulated crash');
    expect(spawner.workers).toHaveLength(2);
    expect(spawner.workers[0].terminated).toBe(true);
    const [resent] = spawner.current().messages<Extract<TrainRequest, { type: 'train' }>>();
    expect(resent.options).toEqual({ ...options, backend: 'wasm' });
    expect(state().notice).toBe('The training worker crashed (Uncaught Error: simulated crash); it was restarted on WASM. Your settings are unchanged.');
    spawner.current().reply(done(resent.runId));
    expect(state().status).toBe('done');
    // Later runs stay on WASM.
    runner.start(data, options);
    expect(spawner.current().messages<Extract<TrainRequest, { type: 'train' }>>().at(-1)?.options.backend).toBe('wasm');
  });

  it('a second crash of the same job is final', () => {
    const { spawner, runner, state } = setup();
    runner.start(data, options);
    spawner.current().crash();
    spawner.current().crash();
    expect(spawner.workers).toHaveLength(2);
    expect(state().status).toBe('error');
    expect(state().message).toContain('Press Train to run again.');
  });

  it('a lost WebGL context restarts the worker on WASM', () => {
    const { spawner, runner, state } = setup();
    runner.start(data, { ...options, backend: 'webgl' });
    spawner.current().reply({ type: 'lost', runId: 1, message: 'the WebGL context was lost' });
    expect(spawner.workers[0].terminated).toBe(true);
    expect(spawner.workers).toHaveLength(2);
    expect(state().notice).toContain('lost its WebGL context');
  });

  it('a cancel the worker does not answer within a second restarts it', () => {
    vi.useFakeTimers();
    const { spawner, runner, state, sent } = setup();
    runner.start(data, options);
    runner.cancel();
    expect(sent().at(-1)).toEqual({ type: 'cancel', runId: 1 });
    vi.advanceTimersByTime(1000);
    expect(spawner.workers[0].terminated).toBe(true);
    expect(state()).toMatchObject({ status: 'cancelled', notice: 'The worker did not stop within a second, so it was restarted.', modelReady: false });
  });

  it('exports run beside the job and resolve with the zip; a crash rejects them', async () => {
    const { spawner, runner } = setup();
    runner.start(data, options);
    const exported = runner.exportModel({ fileName: 'f.csv', labelColumn: 'y', positiveValue: '1', toolVersion: '0' });
    const zip = new ArrayBuffer(4);
    spawner.current().reply({ type: 'exported', runId: 2, zip, fileName: 'cutoff-model.zip' });
    await expect(exported).resolves.toEqual({ zip, fileName: 'cutoff-model.zip' });
    const lost = runner.exportModel({ fileName: 'f.csv', labelColumn: 'y', positiveValue: '1', toolVersion: '0' });
    spawner.current().crash('Uncaught Error: boom');
    await expect(lost).rejects.toThrow('The training worker stopped unexpectedly (Uncaught Error: boom)');
  });

  it('a worker that cannot load says offline and is not retried', () => {
    const { spawner, runner, state } = setup();
    runner.start(data, options);
    spawner.current().failToLoad();
    expect(spawner.workers).toHaveLength(1);
    expect(state().status).toBe('error');
    expect(state().message).toMatch(/^offline: the training worker could not be loaded/);
  });

  it('reset drops the running job, asks the worker to cancel it and warms it for the next file', () => {
    const { spawner, runner, state, sent } = setup();
    runner.start(data, options);
    runner.reset();
    expect(sent().slice(-2)).toEqual([
      { type: 'cancel', runId: 1 },
      { type: 'warm', runId: 2, backend: 'auto', known: null },
    ]);
    spawner.current().reply(done(1));
    expect(state()).toEqual(INITIAL_TRAINING);
  });
});
