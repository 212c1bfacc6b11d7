/**
 * A full garbage collection on demand, for a command that holds a few large typed arrays at a
 * time (`choose` on millions of rows): V8 reclaims dead ArrayBuffers only when its own heap
 * fills, and these arrays barely touch it, so a read's spent buffers would still be resident
 * while the curve's sort allocates as much again.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | null | undefined;

/** Collects garbage now; a no-op where V8 does not offer it. */
export function collectGarbage(): void {
  if (gc === undefined) {
    try {
      // The flag makes new contexts carry `gc`; the command's own context is left as it is.
      setFlagsFromString('--expose-gc');
      const found: unknown = runInNewContext('gc');
      gc = typeof found === 'function' ? (found as () => void) : null;
    } catch {
      gc = null;
    }
  }
  gc?.();
}
