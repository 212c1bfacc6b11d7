/**
 * Train worker: translates TrainRequest messages into calls of src/model and
 * TrainEvents back (training, pos_weight sweeps, model export and scoring).
 * All logic lives in src/model/train-controller.ts.
 */
import * as tfc from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
// Vite serves the .wasm binaries and gives their URLs; tfjs would otherwise
// look for them next to the bundled script, where they are not.
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { SentTrainRequest, TrainEvent } from '../src/model/train-protocol';
import { createTrainController } from '../src/model/train-controller';
import { probeWebgl } from '../src/model/webgl-probe';

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmUrl,
  'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimdUrl,
});
// Threads need SharedArrayBuffer, which browsers give only to cross-origin-isolated pages.
if (!self.crossOriginIsolated) tfc.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);

const post = (event: TrainEvent, transfer: Transferable[] = []): void => {
  self.postMessage(event, { transfer });
};

const controller = createTrainController({ core: tfc, layers: tfl }, post, {
  probeWebgl: () => probeWebgl(typeof OffscreenCanvas === 'undefined' ? null : () => new OffscreenCanvas(1, 1)),
});

self.addEventListener('message', (message: MessageEvent<SentTrainRequest>) => {
  const request = message.data;
  try {
    controller.handle(request);
  } catch (err) {
    post({ type: 'error', runId: request.runId, message: `train worker: ${err instanceof Error ? err.message : String(err)}`, numTensors: tfc.memory().numTensors });
  }
});
