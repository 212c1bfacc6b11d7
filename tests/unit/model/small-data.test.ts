import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { stratifiedSplit } from '../../../src/data/split';
import { ScoreCurve } from '../../../src/metrics';
import { train } from '../../../src/model/train-loop';
import { DEFAULT_TRAIN_OPTIONS } from '../../../src/session/settings';
import { decisionFunction, fitLogistic } from '../../tools/logistic-regression';
import { recorder, tf } from './helpers';

const dir = new URL('../../fixtures/training/', import.meta.url);
const lines = readFileSync(new URL('small-two-features.csv', dir), 'utf8').trim().split('\n').slice(1);
const x = lines.map((l) => l.split(',').slice(0, 2).map(Number));
const y = Uint8Array.from(lines, (l) => Number(l.split(',')[2]));
const sklearn = JSON.parse(readFileSync(new URL('small-two-features.sklearn.json', dir), 'utf8')) as { coef: number[]; intercept: number; rocAuc: number };

beforeAll(async () => {
  await tf.core.setBackend('cpu');
});

describe('a small file at default settings', () => {
  test('the logistic-regression oracle matches scikit-learn', () => {
    const fit = fitLogistic(x, y);
    fit.coef.forEach((c, j) => expect(c).toBeCloseTo(sklearn.coef[j], 4));
    expect(fit.intercept).toBeCloseTo(sklearn.intercept, 4);
    expect(ScoreCurve.from(decisionFunction(fit, x), y).rocAuc()).toBeCloseTo(sklearn.rocAuc, 6);
  });

  test('the default run reaches logistic regression within 0.03 validation ROC-AUC', async () => {
    const rows = Uint32Array.from(y, (_, i) => i);
    const columns = [0, 1].map((j) => ({ kind: 'numeric' as const, name: `x${j + 1}`, values: Float64Array.from(x, (r) => r[j]) }));
    const { events, emit } = recorder();
    await train(tf, { type: 'train', runId: 1, data: { columns, rows, labels: y }, options: { ...DEFAULT_TRAIN_OPTIONS, backend: 'cpu' } }, emit, () => false);
    const split = events.find((e) => e.type === 'split');
    const done = events.find((e) => e.type === 'done');
    if (split?.type !== 'split' || done?.type !== 'done') throw new Error('no split or done');
    expect(split.batchSize).toBe(32);
    expect(split.stepsPerEpoch * split.epochs).toBeGreaterThanOrEqual(300);
    const epoch = events.find((e) => e.type === 'epoch' && e.epoch === done.bestEpoch);
    if (epoch?.type !== 'epoch') throw new Error('no best epoch');

    // The reference: logistic regression on the same training rows, scored on the same validation rows.
    const { train: trainRows, validation } = stratifiedSplit(y, DEFAULT_TRAIN_OPTIONS.validationFraction, DEFAULT_TRAIN_OPTIONS.seed);
    expect(Array.from(split.validationIndices)).toEqual(Array.from(validation));
    const fit = fitLogistic(
      Array.from(trainRows, (i) => x[i]),
      Array.from(trainRows, (i) => y[i]),
    );
    const validationY = Array.from(validation, (i) => y[i]);
    const lrAuc = ScoreCurve.from(
      decisionFunction(
        fit,
        Array.from(validation, (i) => x[i]),
      ),
      validationY,
    ).rocAuc();
    console.log(`default run: ROC-AUC ${epoch.rocAuc.toFixed(4)} at epoch ${done.bestEpoch}/${done.epochsRun}; logistic regression ${lrAuc.toFixed(4)}`);
    expect(epoch.rocAuc).toBeGreaterThan(lrAuc - 0.03);
  }, 60_000);
});
