/**
 * Picks the tfjs backend a run trains on. For 'auto' it first looks, then
 * measures: WebGL in headless or GPU-less browsers is a software renderer
 * (SwiftShader, llvmpipe) that costs seconds of shader compilation and runs
 * many times slower than WASM, so it is not even started there; on real GPUs
 * a quick benchmark decides, since for a model this small WASM can still win.
 */
import type * as tfc from '@tensorflow/tfjs-core';
import type { BackendChoice, BackendName } from './train-protocol';
import { BACKEND_NAMES } from './train-settings';
import { isSoftwareRenderer, rendererOf, webglSkipReason, type WebglProbe } from './webgl-probe';

export { isSoftwareRenderer } from './webgl-probe';

/** The backend in use and why: one short sentence for the panel, the particulars for its tooltip. */
export interface BackendSelection {
  backend: BackendName;
  /** E.g. "WASM (SIMD) — 16× faster than WebGL here". */
  reason: string;
  /** Renderer names, failures, WASM features, timings. */
  details: string;
}

/** Tries each backend in this order when the preferred one fails. */
export const FALLBACK_ORDER: readonly BackendName[] = BACKEND_NAMES;

/** Longest time, in ms, the benchmark of one backend may take (after warm-up). */
const BENCH_BUDGET_MS = 60;
const BENCH_MAX_ITERATIONS = 20;

const DISPLAY: Record<BackendName, string> = { webgl: 'WebGL', wasm: 'WASM', cpu: 'CPU' };

async function trySet(tf: typeof tfc, name: BackendName): Promise<string | null> {
  if (tf.findBackendFactory(name) === null) return `${name} is not available`;
  try {
    const ok = await tf.setBackend(name);
    if (!ok) return `${name} failed to start`;
    await tf.ready();
    return null;
  } catch (err) {
    return `${name} failed to start (${err instanceof Error ? err.message : String(err)})`;
  }
}

/** The WebGL renderer's name of tfjs's own context (e.g. "SwiftShader"), or null when it cannot be read. */
export function webglRenderer(tf: typeof tfc): string | null {
  const backend = tf.backend() as unknown as { gpgpu?: { gl?: Parameters<typeof rendererOf>[0] } };
  const gl = backend.gpgpu?.gl;
  return gl ? rendererOf(gl) : null;
}

/**
 * Milliseconds per step of a workload shaped like one training step of the
 * MLP (batch 256, layers of 32), on the current backend. The first step is
 * a warm-up: it compiles shaders / allocates, which a run pays only once.
 */
export async function benchmarkCurrentBackend(tf: typeof tfc): Promise<number> {
  const [x, w1, w2] = tf.tidy(() => [
    tf.randomUniform([256, 32], -1, 1, 'float32', 1),
    tf.randomUniform([32, 32], -1, 1, 'float32', 2),
    tf.randomUniform([32, 16], -1, 1, 'float32', 3),
  ]);
  const step = async (): Promise<void> => {
    const out = tf.tidy(() => {
      const h = tf.relu(tf.matMul(tf.relu(tf.matMul(x, w1)), w2));
      // A transposed product stands in for the backward pass.
      return tf.sum(tf.matMul(h, h, true, false));
    });
    await out.data();
    out.dispose();
  };
  try {
    await step();
    const start = performance.now();
    let iterations = 0;
    while (iterations < BENCH_MAX_ITERATIONS && performance.now() - start < BENCH_BUDGET_MS) {
      await step();
      iterations++;
    }
    return (performance.now() - start) / iterations;
  } finally {
    tf.dispose([x, w1, w2]);
  }
}

/** What the host knows before choosing: how WebGL looks here, and the 'auto' choice made earlier this session. */
export interface BackendContext {
  /** Probes WebGL without tfjs (see webgl-probe.ts); absent: WebGL is benchmarked if it starts. */
  probe?: () => WebglProbe | null;
  /** The selection 'auto' made earlier in this session; used as is if that backend starts. */
  known?: BackendSelection | null;
}

/**
 * Sets the tfjs backend for `choice` and says why. An explicit choice is used
 * if it starts; otherwise, and for failures along the way, the next in
 * webgl → wasm → cpu is tried, and every failure is named in the details.
 * 'auto' skips WebGL where it is software-rendered, else times WebGL and WASM
 * and keeps the faster.
 */
export async function chooseBackend(tf: typeof tfc, choice: BackendChoice, context: BackendContext = {}): Promise<BackendSelection> {
  const selection = await pickBackend(tf, choice, context);
  if (selection.backend !== 'wasm') return selection;
  const features = await wasmFeatures(tf);
  // The known selection already names its features.
  if (selection.reason.startsWith('WASM (')) return selection;
  return { ...selection, reason: selection.reason.replace(/^WASM/, `WASM (${features.short})`), details: `${selection.details}; WASM: ${features.long}` };
}

/** Whether the WASM backend runs its SIMD build and with how many threads. */
export async function wasmFeatures(tf: typeof tfc): Promise<{ short: string; long: string }> {
  const flag = async (name: string): Promise<boolean | null> => {
    try {
      return Boolean(await tf.env().getAsync(name));
    } catch {
      return null;
    }
  };
  const simd = await flag('WASM_HAS_SIMD_SUPPORT');
  const threads = await flag('WASM_HAS_MULTITHREAD_SUPPORT');
  const simdText = simd === null ? 'SIMD unknown' : simd ? 'SIMD on' : 'no SIMD';
  // Threads need SharedArrayBuffer, i.e. a cross-origin-isolated page.
  const threadText = threads ? 'multithreaded' : 'single thread (the page is not cross-origin isolated)';
  return { short: [simd ? 'SIMD' : 'no SIMD', ...(threads ? ['threads'] : [])].join(', '), long: `${simdText}, ${threadText}` };
}

async function explicitBackend(tf: typeof tfc, choice: BackendName): Promise<BackendSelection> {
  const failures: string[] = [];
  for (const name of FALLBACK_ORDER.slice(FALLBACK_ORDER.indexOf(choice))) {
    const failure = await trySet(tf, name);
    if (failure === null) {
      const chosen = name === choice;
      return {
        backend: name,
        reason: chosen ? `${DISPLAY[name]} — chosen in settings` : `${DISPLAY[name]} — fallback: ${DISPLAY[choice]} did not start`,
        details: [chosen ? `${name}: chosen in settings` : `${name}: fallback`, ...failures].join('; '),
      };
    }
    failures.push(failure);
  }
  throw new Error(`no tfjs backend could start: ${failures.join('; ')}`);
}

async function pickBackend(tf: typeof tfc, choice: BackendChoice, context: BackendContext): Promise<BackendSelection> {
  if (choice !== 'auto') return explicitBackend(tf, choice);
  const known = context.known;
  if (known && (await trySet(tf, known.backend)) === null) {
    return { ...known, details: `${known.details}; chosen earlier in this session, not measured again` };
  }

  const failures: string[] = [];
  const skip = context.probe ? webglSkipReason(context.probe()) : null;
  const candidates: BackendName[] = skip === null ? ['webgl', 'wasm'] : ['wasm'];
  if (skip !== null) failures.push(`${skip}: not compiled`);

  const timings: { name: BackendName; ms: number; note: string }[] = [];
  for (const name of candidates) {
    const failure = await trySet(tf, name);
    if (failure !== null) {
      failures.push(failure);
      continue;
    }
    if (skip !== null) {
      // Nothing to compare with: WebGL here would only be slower.
      return { backend: name, reason: `${DISPLAY[name]} — WebGL here is ${/software|slow/.test(skip) ? 'software rendering' : 'unavailable'}`, details: failures.join('; ') };
    }
    try {
      const ms = await benchmarkCurrentBackend(tf);
      let note = '';
      if (name === 'webgl') {
        const renderer = webglRenderer(tf);
        if (renderer !== null && isSoftwareRenderer(renderer)) note = `software rendering: ${renderer}`;
      }
      timings.push({ name, ms, note });
    } catch (err) {
      failures.push(`${name} failed its benchmark (${err instanceof Error ? err.message : String(err)})`);
    }
  }

  if (timings.length === 2) {
    const [a, b] = timings[0].ms <= timings[1].ms ? [timings[0], timings[1]] : [timings[1], timings[0]];
    await tf.setBackend(a.name);
    const ratio = b.ms / Math.max(a.ms, 1e-6);
    const note = b.note || a.note;
    return {
      backend: a.name,
      reason: `${DISPLAY[a.name]} — ${ratio.toFixed(ratio < 10 ? 1 : 0)}× faster than ${DISPLAY[b.name]} here${note ? ': software rendering' : ''}`,
      details: [`quick benchmark: ${a.name} ${a.ms.toFixed(2)} ms, ${b.name} ${b.ms.toFixed(2)} ms per step`, ...(note ? [note] : []), ...failures].join('; '),
    };
  }
  if (timings.length === 1) {
    const only = timings[0];
    await tf.setBackend(only.name);
    return { backend: only.name, reason: `${DISPLAY[only.name]} — the only fast backend that started`, details: failures.join('; ') };
  }
  const failure = await trySet(tf, 'cpu');
  if (failure === null) return { backend: 'cpu', reason: 'CPU — fallback, slow: neither WebGL nor WASM started', details: failures.join('; ') };
  failures.push(failure);
  throw new Error(`no tfjs backend could start: ${failures.join('; ')}`);
}
