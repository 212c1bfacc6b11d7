/**
 * A tiny seeded training run through the real code paths (split, preprocessing, the network's
 * steps, validation, the curve's drawing), made while the page warms the backend and the user
 * is still choosing settings. The first Train click then runs compiled code on a backend that
 * has met the network's kernels: in the click bench the first run of a session took 1.0 to 1.6 s
 * where the runs after it took about 0.7 s.
 */
import { mulberry32 } from '../data/random';
import type { TrainHooks } from './fit';
import { train } from './train-loop';
import type { Tf } from './tf';
import { TRAIN_DEFAULTS, type BackendName } from './train-settings';

/** Rows and columns of the warm-up run: a few milliseconds of work, enough for the compilers to take it. */
const ROWS = 4096;
const COLUMNS = 8;

/** Trains and discards a small model on `backend`; sends nothing, keeps nothing, frees every tensor. */
export async function warmUp(tf: Tf, backend: BackendName, hooks: TrainHooks = {}): Promise<void> {
  const random = mulberry32(1);
  const labels = new Uint8Array(ROWS);
  const columns = Array.from({ length: COLUMNS }, (_, j) => ({ kind: 'numeric' as const, name: `x${j}`, values: new Float64Array(ROWS) }));
  for (let i = 0; i < ROWS; i++) {
    let signal = 0;
    for (const column of columns) signal += column.values[i] = random() * 2 - 1;
    labels[i] = signal + random() > 1 ? 1 : 0;
  }
  const rows = Uint32Array.from({ length: ROWS }, (_, i) => i);
  const options = { ...TRAIN_DEFAULTS, epochs: 2, batchSize: 512, patience: 0, backend, threshold: 0.5 };
  await train(
    tf,
    { type: 'train', runId: 0, data: { columns, rows, labels }, options },
    () => undefined,
    () => false,
    { ...hooks, showEveryMs: 0 },
    backend,
  );
}
