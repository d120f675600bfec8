/**
 * A full garbage collection on demand, for a long-running process that has just dropped a lot of
 * memory (the temporaries of loading or building an index) and is idle: collected now, the next
 * piece of work does not pay for it. Node exposes `gc` only with --expose-gc, so the flag is set
 * for the moment of taking the function from a fresh context, then set back.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | null | undefined;

/** The engine's full collection, or null when this runtime will not give it. */
function collector(): (() => void) | null {
  if (collect !== undefined) return collect;
  const exposed = (globalThis as { gc?: unknown }).gc;
  if (typeof exposed === 'function') collect = exposed as () => void;
  else
    try {
      setFlagsFromString('--expose-gc');
      const gc: unknown = runInNewContext('gc');
      collect = typeof gc === 'function' ? (gc as () => void) : null;
    } catch {
      collect = null;
    } finally {
      setFlagsFromString('--no-expose-gc');
    }
  return collect;
}

/**
 * Runs a full (major) collection now, blocking until it is done; returns false, having done
 * nothing, when the runtime does not allow it.
 */
export function collectGarbage(): boolean {
  const gc = collector();
  if (gc === null) return false;
  gc();
  return true;
}
