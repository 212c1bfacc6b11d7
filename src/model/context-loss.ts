/**
 * Notices when the WebGL backend's context is lost (GPU reset, driver crash, the browser
 * reclaiming contexts). tfjs then fails on every op, so the page is told and restarts the
 * worker on WASM.
 */
import type * as tfc from '@tensorflow/tfjs-core';

/** The parts of a WebGL context and its canvas read here, without DOM types in src/. */
interface GlWithCanvas {
  isContextLost(): boolean;
  canvas?: { addEventListener(type: string, listener: () => void): void };
}

function currentGl(tf: typeof tfc): GlWithCanvas | null {
  if (tf.getBackend() !== 'webgl') return null;
  const backend = tf.backend() as unknown as { gpgpu?: { gl?: GlWithCanvas } };
  return backend.gpgpu?.gl ?? null;
}

/** True when the current backend is WebGL and its context is gone. */
export function isContextLost(tf: typeof tfc): boolean {
  return currentGl(tf)?.isContextLost() ?? false;
}

/**
 * Calls `onLost` once when the current WebGL backend's context is lost; does nothing on
 * other backends. Returns true when a listener was attached.
 */
export function watchContextLoss(tf: typeof tfc, onLost: () => void): boolean {
  const canvas = currentGl(tf)?.canvas;
  if (!canvas || typeof canvas.addEventListener !== 'function') return false;
  let fired = false;
  canvas.addEventListener('webglcontextlost', () => {
    if (fired) return;
    fired = true;
    onLost();
  });
  return true;
}
