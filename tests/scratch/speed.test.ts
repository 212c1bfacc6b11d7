import { test } from 'vitest';
import * as tfc from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { FlatMlp } from '../../src/model/flat-mlp';
import { buildMlp, disposeMlp } from '../../src/model/mlp';

test('speed', async () => {
  for (const b of ['wasm', 'cpu']) {
    await tfc.setBackend(b); await tfc.ready();
    const d = 30, n = 20000, bs = 512;
    const model = buildMlp({ core: tfc, layers: tfl }, { inputDim: d, seed: 1, learningRate: 1e-3, posWeight: 9 });
    const net = new FlatMlp(tfc, model.getWeights(), { learningRate: 1e-3 });
    const X = new Float32Array(n * d).map(() => Math.random());
    const Y = new Float32Array(n).map(() => (Math.random() < 0.1 ? 1 : 0));
    const epoch = async () => {
      for (let s = 0; s < n; s += bs) {
        const size = Math.min(bs, n - s);
        tfc.tidy(() => net.trainStep(tfc.tensor2d(X.slice(s * d, (s + size) * d), [size, d]), tfc.tensor2d(Y.slice(s, s + size), [size, 1]), tfc.tensor2d(Y.slice(s, s + size), [size, 1])));
      }
      await net.sync();
    };
    await epoch();
    const t = performance.now();
    for (let e = 0; e < 3; e++) await epoch();
    console.log(b, (n * 3) / ((performance.now() - t) / 1000), 'samples/s');
    net.dispose(); disposeMlp(model);
  }
}, 120000);
