/**
 * FlatMlp against tfjs's own training path (issue 14 item 5, moved out of the product in issue
 * 24): measures and prints, never asserts speed. `npm run bench -- tests/bench/trainer-paths.bench.ts`
 *
 * The same MLP d → 32 → 16 → 1 (batch 512, Adam, weighted BCE) on the same 20,000 × 30 seeded
 * rows, trained by fit() with FlatMlp (the product's network) and with LayersTrainer
 * (tf.Sequential + optimizer.minimize, i.e. tf.variableGrads), on tfjs's WASM and CPU backends
 * in Node, one after the other in the same run. samples/s is the training rows over the median
 * epoch's steps (the first epoch is warm-up). WebGL needs a browser and a GPU: not measured here.
 * VERDICT: FlatMlp stays if it is ≥ 1.5× the standard path on WASM, what 'auto' picks without a GPU.
 */
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import * as tfc from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { test } from 'vitest';
import { fit, type TrainHooks } from '../../src/model/fit';
import { resolveLoss } from '../../src/model/loss-spec';
import { prepareRun } from '../../src/model/prepare';
import type { Tf } from '../../src/model/tf';
import { DEFAULT_TRAIN_OPTIONS } from '../../src/session/settings';
import { layersNetwork } from './layers-trainer';
import { syntheticData } from './train-peers';

const ROWS = 20_000;
const FEATURES = 30;
const EPOCHS = 8;
const tf: Tf = { core: tfc, layers: tfl };
const log = (line: string): void => console.log(`[trainer-paths bench] ${line}`);
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

test('FlatMlp against tf.Sequential + optimizer.minimize, per backend', async () => {
  const { x, y } = syntheticData(ROWS, FEATURES);
  const columns = Array.from({ length: FEATURES }, (_, j) => ({
    kind: 'numeric' as const,
    name: `f${j}`,
    values: Float64Array.from({ length: ROWS }, (_, i) => x[i * FEATURES + j]),
  }));
  const options = { ...DEFAULT_TRAIN_OPTIONS, epochs: EPOCHS, batchSize: 512, patience: 0 };
  const prepared = prepareRun({ columns, rows: Uint32Array.from({ length: ROWS }, (_, i) => i), labels: y }, options);
  const spec = resolveLoss(options, prepared.trainPositives, prepared.trainNegatives);
  const rate = async (hooks: TrainHooks): Promise<number> => {
    const seconds: number[] = [];
    await fit(
      tf,
      prepared,
      spec,
      { ...options, epochs: EPOCHS, batchSize: 512, showEveryMs: Infinity },
      () => false,
      (report) => seconds.push(report.seconds),
      hooks,
    );
    return prepared.train.positions.length / median(seconds.slice(1));
  };
  log(`MLP ${FEATURES} → 32 → 16 → 1, batch 512, ${ROWS.toLocaleString('en')} rows (80% train), ${EPOCHS} epochs, Node ${process.version}`);
  const ratios = new Map<string, number>();
  for (const backend of ['wasm', 'cpu']) {
    await tfc.setBackend(backend);
    await tfc.ready();
    const flat = await rate({});
    const standard = await rate({ network: layersNetwork });
    ratios.set(backend, flat / standard);
    log(
      `${backend.padEnd(4)} FlatMlp ${Math.round(flat).toLocaleString('en')} samples/s, tfjs optimizer.minimize ${Math.round(standard).toLocaleString('en')} samples/s → ${(flat / standard).toFixed(2)}×`,
    );
  }
  const wasm = ratios.get('wasm') ?? 0;
  log(`VERDICT FlatMlp / tfjs's standard path on wasm: ${wasm.toFixed(2)}× — ${wasm >= 1.5 ? 'keep FlatMlp (≥ 1.5×)' : 'switch to tfjs optimizer.minimize (< 1.5×)'}`);
});
