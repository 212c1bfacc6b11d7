import { describe, expect, test } from 'vitest';
import type { RawColumn } from '../../../src/data/preprocess';
import { createColumnStager, createColumnStore } from '../../../src/model/staged-columns';
import type { TrainingData, TrainOptions } from '../../../src/model/train-protocol';

const a: RawColumn = { kind: 'numeric', name: 'a', values: Float64Array.of(1, 2, 3) };
const b: RawColumn = { kind: 'categorical', name: 'b', codes: Int32Array.of(0, 1, 0), levels: ['x', 'y'] };
const c: RawColumn = { kind: 'numeric', name: 'c', values: Float64Array.of(4, 5, 6) };
const data = (columns: RawColumn[]): TrainingData => ({ columns, rows: Uint32Array.of(0, 1, 2), labels: Uint8Array.of(0, 1, 0) });
const options = {} as TrainOptions;

describe('staged columns', () => {
  test('a staged column travels as its id, however it is wrapped, and the worker restores it whole', () => {
    const stager = createColumnStager();
    const store = createColumnStore();
    const message = stager.stage([a, b], 1);
    expect(message?.add.map((x) => x.column)).toEqual([a, b]);
    if (message) store.stage(message);
    // featureColumns wraps the dataset's arrays in new objects on every call: the arrays identify the column.
    const sent = stager.toSent(data([{ ...a }, c]), 1);
    expect(sent.columns[0]).toEqual({ staged: message?.add[0].id });
    expect(sent.columns[1]).toBe(c);
    const resolved = store.resolve({ type: 'train', runId: 1, data: sent, options });
    expect(resolved.type === 'train' && resolved.data.columns).toEqual([a, c]);
  });

  test('staging again sends only new columns, keeps the rest by id, and lets the others go', () => {
    const stager = createColumnStager();
    const store = createColumnStore();
    const first = stager.stage([a, b], 1);
    if (first) store.stage(first);
    expect(stager.stage([a, b], 1)).toBeNull();
    const second = stager.stage([b, c], 1);
    expect(second?.keep).toEqual([first?.add[1].id]);
    expect(second?.add.map((x) => x.column)).toEqual([c]);
    if (second) store.stage(second);
    const idOfA = first?.add[0].id ?? -1;
    expect(() => store.resolve({ type: 'train', runId: 2, data: { ...data([]), columns: [{ staged: idOfA }] }, options })).toThrow(/never staged/);
    expect(stager.toSent(data([a]), 1).columns[0]).toBe(a);
  });

  test('a fresh worker (another generation) holds nothing: the data goes whole until staged there', () => {
    const stager = createColumnStager();
    stager.stage([a], 1);
    expect(stager.toSent(data([a]), 2).columns[0]).toBe(a);
    const again = stager.stage([a], 2);
    expect(again?.add.map((x) => x.column)).toEqual([a]);
    expect(again?.keep).toEqual([]);
  });
});
