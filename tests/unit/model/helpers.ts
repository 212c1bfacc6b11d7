import * as tfc from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import '@tensorflow/tfjs-backend-cpu';
import type { Tf } from '../../../src/model/tf';
import type { TrainEvent } from '../../../src/engine/protocol';
import { DEFAULT_TRAIN_OPTIONS, type TrainOptions } from '../../../src/session/settings';
import type { TrainRun } from '../../../src/model/train-loop';
import { mulberry32 } from '../../../src/data/random';
import type { RawColumn } from '../../../src/data/preprocess';

export const tf: Tf = { core: tfc, layers: tfl };

/** A separable-with-noise toy problem: label = (Σ (j+1)·x_j + noise > 1.5), some NaN cells. */
export function toyData(n: number, d: number, seed = 1): { columns: RawColumn[]; labels: Uint8Array } {
  const r = mulberry32(seed);
  const values = Array.from({ length: d }, () => new Float64Array(n));
  const labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) {
      const v = r() * 2 - 1;
      s += v * (j + 1);
      values[j][i] = r() < 0.02 ? NaN : v * 10 + j; // scale and shift that standardising removes
    }
    labels[i] = s + (r() - 0.5) > 1.5 ? 1 : 0;
  }
  return { columns: values.map((v, j) => ({ kind: 'numeric', name: `x${j}`, values: v })), labels };
}

/** A 'train' request on toyData over all rows; early stopping off unless asked for. */
export function trainRun(n: number, d: number, options: Partial<TrainOptions> = {}, runId = 1): TrainRun {
  const { columns, labels } = toyData(n, d);
  const rows = Uint32Array.from({ length: n }, (_, i) => i);
  return { type: 'train', runId, data: { columns, rows, labels }, options: { ...DEFAULT_TRAIN_OPTIONS, backend: 'cpu', patience: 0, ...options } };
}

/** Collects events; records which were sent with transfer lists. */
export function recorder(): { events: TrainEvent[]; transfers: (Transferable[] | undefined)[]; emit: (e: TrainEvent, t?: Transferable[]) => void } {
  const events: TrainEvent[] = [];
  const transfers: (Transferable[] | undefined)[] = [];
  return { events, transfers, emit: (e, t) => (events.push(e), transfers.push(t)) };
}

type Of<K extends TrainEvent['type']> = Extract<TrainEvent, { type: K }>;

/** The events of one type, typed. */
export const ofType = <K extends TrainEvent['type']>(events: TrainEvent[], type: K): Of<K>[] => events.filter((e): e is Of<K> => e.type === type);
