import { test } from 'vitest';
import * as tfc from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';

function time(name: string, f: () => tfc.Tensor | tfc.Tensor[]) {
  for (let i = 0; i < 200; i++) tfc.dispose(f());
  const t = performance.now();
  for (let i = 0; i < 3000; i++) tfc.dispose(f());
  console.log(name, (((performance.now() - t) / 3000) * 1000).toFixed(1), 'us');
}
test('micro', async () => {
  await tfc.setBackend('wasm'); await tfc.ready();
  const s = tfc.scalar(1);
  const a = tfc.randomNormal([512, 32]); const b = tfc.randomNormal([512, 32]);
  const x = tfc.randomNormal([512, 30]); const xt = tfc.transpose(x); const w = tfc.randomNormal([30, 32]); const wt = tfc.transpose(w);
  const theta = tfc.randomNormal([1537]);
  time('add scalar', () => tfc.add(s, s));
  time('mul 512x32', () => tfc.mul(a, b));
  time('mul 512x32 by scalar', () => tfc.mul(a, 0.5));
  time('step', () => tfc.step(a));
  time('sigmoid', () => tfc.sigmoid(a));
  time('transpose 512x32', () => tfc.transpose(a));
  time('sum axis0 512x32', () => tfc.sum(a, 0));
  time('slice theta', () => tfc.slice(theta, [100], [960]));
  time('reshape', () => tfc.reshape(theta, [1, 1537]));
  time('matmul x w', () => tfc.matMul(x, w));
  time('matmul x wt^T', () => tfc.matMul(x, wt, false, true));
  time('fused x w relu', () => tfc.fused.matMul({ a: x, b: w, activation: 'relu' }));
  time('matmul xt a (dW)', () => tfc.matMul(xt, a));
  time('matmul x^T a flag', () => tfc.matMul(x, a, true, false));
  time('concat 6', () => tfc.concat([theta, theta, theta, theta, theta, theta]));
  time('upload 512x30', () => tfc.tensor2d(new Float32Array(512 * 30), [512, 30]));
}, 120000);
