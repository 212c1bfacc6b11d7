import { beforeAll, describe, expect, test } from 'vitest';
import { ScoreCurve } from '../../../src/metrics';
import { refitEpochsOf } from '../../../src/model/cross-validate';
import { createTrainController } from '../../../src/model/train-controller';
import { ofType, recorder, tf, trainRun } from './helpers';

beforeAll(async () => {
  await tf.core.setBackend('cpu');
});

describe('cross-validation in the worker', () => {
  test('every row gets exactly one out-of-fold score, from the fold model that did not see it', async () => {
    const { events, emit } = recorder();
    const c = createTrainController(tf, emit);
    const run = trainRun(300, 3, { epochs: 4, batchSize: 32, patience: 2, evaluation: 'cv', folds: 4, backend: 'cpu' }, 7);
    c.handle(run);
    await c.idle();
    const oof = ofType(events, 'out-of-fold')[0];
    expect(oof.scores).toHaveLength(300);
    expect(oof.scores.every(Number.isFinite)).toBe(true);
    expect(oof.folds.map((f) => f.fold)).toEqual([1, 2, 3, 4]);
    expect(oof.folds.reduce((s, f) => s + f.rows, 0)).toBe(300);
    expect(ofType(events, 'fold').map((e) => e.summary)).toEqual(oof.folds);

    // Each fold's figures are those of its own rows' out-of-fold scores, from its best epoch.
    oof.folds.forEach((f) => {
      const rows = Array.from(oof.foldOf.keys()).filter((i) => oof.foldOf[i] === f.fold - 1);
      const curve = ScoreCurve.from(
        rows.map((i) => oof.scores[i]),
        rows.map((i) => run.data.labels[i]),
      );
      expect(curve.rocAuc()).toBe(f.rocAuc);
      const best = ofType(events, 'epoch').find((e) => e.fold === f.fold && e.epoch === f.bestEpoch);
      expect(best?.rocAuc).toBe(f.rocAuc);
    });
    // A fold's epochs carry figures only: its scores are not the page's until all folds are done.
    expect(ofType(events, 'epoch').every((e) => e.validationScores === undefined && !e.validationCurve)).toBe(true);

    // The model kept is refit on every row for the median best epoch, and can be exported.
    const done = events.at(-1);
    expect(done).toMatchObject({ type: 'done', runId: 7, reason: 'completed', epochsRun: oof.refitEpochs, bestEpoch: oof.refitEpochs });
    c.handle({ type: 'export', runId: 8, context: { fileName: 'toy.csv', labelColumn: 'y', positiveValue: '1', toolVersion: '0' } });
    await c.idle();
    expect(events.at(-1)?.type).toBe('exported');
  }, 60_000);

  test('cancel stops between batches and reports no model', async () => {
    const { events, emit } = recorder();
    const c = createTrainController(tf, emit, { hooks: { yieldEveryMs: 5 } });
    c.handle(trainRun(2000, 4, { epochs: 1000, batchSize: 16, evaluation: 'cv', folds: 5 }, 1));
    await new Promise((r) => setTimeout(r, 200));
    c.handle({ type: 'cancel', runId: 1 });
    await c.idle();
    expect(events.at(-1)).toMatchObject({ type: 'done', reason: 'cancelled', bestEpoch: 0 });
    expect(ofType(events, 'out-of-fold')).toHaveLength(0);
  }, 30_000);

  test('the refit runs the median of the best epochs', () => {
    expect(refitEpochsOf([{ bestEpoch: 3 }, { bestEpoch: 9 }, { bestEpoch: 4 }])).toBe(4);
    expect(refitEpochsOf([{ bestEpoch: 3 }, { bestEpoch: 4 }])).toBe(4);
  });
});
