/**
 * Looks at WebGL before tfjs compiles a single shader: a software renderer (SwiftShader,
 * llvmpipe) or a context the browser flags with a major performance caveat costs seconds of
 * shader compilation and then runs slower than WASM, so 'auto' does not try it at all.
 */

/** The parts of a WebGL context read here, without DOM types in src/. */
interface ProbeGl {
  getExtension(name: string): unknown;
  getParameter(parameter: number): unknown;
}
/** A canvas that can make a WebGL context (OffscreenCanvas in a worker). */
export interface ProbeCanvas {
  getContext(kind: 'webgl2' | 'webgl', attributes: { failIfMajorPerformanceCaveat: boolean }): unknown;
}

/** What the probe saw. */
export interface WebglProbe {
  /** The unmasked renderer name, e.g. "ANGLE (…SwiftShader…)"; null when the browser hides it. */
  renderer: string | null;
  /** The browser refused a context with failIfMajorPerformanceCaveat (it would be slow). */
  majorPerformanceCaveat: boolean;
}

const UNMASKED_RENDERER_WEBGL = 0x9246;

/** True for renderers that run WebGL on the CPU. */
export function isSoftwareRenderer(renderer: string): boolean {
  return /swiftshader|llvmpipe|softpipe|software|basic render/i.test(renderer);
}

/** Reads the unmasked renderer name of a context, or null. */
export function rendererOf(gl: ProbeGl): string | null {
  try {
    if (!gl.getExtension('WEBGL_debug_renderer_info')) return null;
    const name = gl.getParameter(UNMASKED_RENDERER_WEBGL);
    return typeof name === 'string' ? name : null;
  } catch {
    return null;
  }
}

const isGl = (v: unknown): v is ProbeGl => typeof v === 'object' && v !== null && 'getParameter' in v && 'getExtension' in v;

/** Probes WebGL on a throwaway canvas; null when there is no WebGL at all. */
export function probeWebgl(makeCanvas: (() => ProbeCanvas) | null): WebglProbe | null {
  if (!makeCanvas) return null;
  const open = (failIfMajorPerformanceCaveat: boolean): ProbeGl | null => {
    try {
      const canvas = makeCanvas();
      const gl = canvas.getContext('webgl2', { failIfMajorPerformanceCaveat }) ?? canvas.getContext('webgl', { failIfMajorPerformanceCaveat });
      return isGl(gl) ? gl : null;
    } catch {
      return null;
    }
  };
  const release = (gl: ProbeGl): void => {
    const lose = gl.getExtension('WEBGL_lose_context') as { loseContext?: () => void } | null;
    lose?.loseContext?.();
  };
  const fast = open(true);
  const gl = fast ?? open(false);
  if (!gl) return null;
  const probe = { renderer: rendererOf(gl), majorPerformanceCaveat: fast === null };
  release(gl);
  return probe;
}

/** Why WebGL should not even be tried, or null when it is worth a benchmark. */
export function webglSkipReason(probe: WebglProbe | null): string | null {
  if (probe === null) return 'WebGL is not available';
  if (probe.renderer !== null && isSoftwareRenderer(probe.renderer)) return `WebGL is software rendering here (${probe.renderer})`;
  if (probe.majorPerformanceCaveat) return 'the browser flags WebGL here as slow (failIfMajorPerformanceCaveat), typically software rendering';
  return null;
}
