import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { train } from '../../../src/model/train-loop';
import { DEFAULT_TRAIN_OPTIONS } from '../../../src/session/settings';
import { recorder, tf } from './helpers';

// Issue 23: with epochs on auto, a 1,000–5,000-row file with a non-linear signal used to stop
// training long before the network had learnt it. The references are scikit-learn's, on the
// same split (tests/fixtures/training/make_nonlinear.py).
const dir = new URL('../../fixtures/training/', import.meta.url);

interface Reference {
  rows: number;
  mlpRocAuc: number;
  lrRocAuc: number;
  validationRows: number[];
}

function fixture(name: string): { names: string[]; x: number[][]; y: Uint8Array; reference: Reference } {
  const [header, ...lines] = readFileSync(new URL(`${name}.csv`, dir), 'utf8')
    .trim()
    .split('\n');
  const cells = lines.map((l) => l.split(',').map(Number));
  const names = header.split(',').slice(0, -1);
  return {
    names,
    x: cells.map((c) => c.slice(0, names.length)),
    y: Uint8Array.from(cells, (c) => c[names.length]),
    reference: JSON.parse(readFileSync(new URL(`${name}.sklearn.json`, dir), 'utf8')) as Reference,
  };
}

beforeAll(async () => {
  await tf.core.setBackend('cpu');
});

describe.each(['nonlinear-1500', 'nonlinear-4000'])('%s at default settings', (name) => {
  test("reaches scikit-learn's MLPClassifier((32, 16)) within 0.03 validation ROC-AUC", async () => {
    const { names, x, y, reference } = fixture(name);
    expect(y.length).toBe(reference.rows);
    const rows = Uint32Array.from(y, (_, i) => i);
    const columns = names.map((column, j) => ({ kind: 'numeric' as const, name: column, values: Float64Array.from(x, (r) => r[j]) }));
    const { events, emit } = recorder();
    const started = performance.now();
    await train(tf, { type: 'train', runId: 1, data: { columns, rows, labels: y }, options: { ...DEFAULT_TRAIN_OPTIONS, backend: 'cpu' } }, emit, () => false);
    const seconds = (performance.now() - started) / 1000;
    const split = events.find((e) => e.type === 'split');
    const done = events.find((e) => e.type === 'done');
    if (split?.type !== 'split' || done?.type !== 'done') throw new Error('no split or done');
    // The reference was fitted on these validation rows (and the others): the comparison is like for like.
    expect(Array.from(split.validationIndices)).toEqual(reference.validationRows);
    const best = events.find((e) => e.type === 'epoch' && e.epoch === done.bestEpoch);
    if (best?.type !== 'epoch') throw new Error('no best epoch');
    console.log(
      `${name}: default run ROC-AUC ${best.rocAuc.toFixed(4)} (best epoch ${done.bestEpoch} of ${done.epochsRun}, ${done.reason}, batch ${split.batchSize}, ` +
        `${split.stepsPerEpoch} steps/epoch, ${seconds.toFixed(1)} s); scikit-learn MLP ${reference.mlpRocAuc.toFixed(4)}, logistic regression ${reference.lrRocAuc.toFixed(4)}`,
    );
    expect(best.rocAuc).toBeGreaterThan(reference.mlpRocAuc - 0.03);
  }, 120_000);
});
