/**
 * Large typed arrays of a build, kept out of V8's count of a heap's external memory. V8 starts a
 * full collection (mark-compact) of the heap whenever the ArrayBuffers allocated since the last one
 * pass 64 MB, and a large build allocates several times that: each collection marks the whole
 * heap, corpus included, on the build's critical path. V8 leaves the memory of a SharedArrayBuffer
 * out of that count, so large arrays are made on one; it is freed as any other once unreachable.
 * Small arrays stay ordinary: they add little to the count.
 */

/** From this many bytes an array is made on a SharedArrayBuffer. */
export const SHARED_FROM_BYTES = 64 * 1024;

/** A zeroed Int32Array of `length` numbers; from SHARED_FROM_BYTES on, over shared memory. */
export function int32Array(length: number): Int32Array {
  return 4 * length < SHARED_FROM_BYTES
    ? new Int32Array(length)
    : new Int32Array(new SharedArrayBuffer(4 * length));
}

/** A zeroed Float64Array of `length` numbers; from SHARED_FROM_BYTES on, over shared memory. */
export function float64Array(length: number): Float64Array {
  return 8 * length < SHARED_FROM_BYTES
    ? new Float64Array(length)
    : new Float64Array(new SharedArrayBuffer(8 * length));
}

/** A zeroed Uint16Array of `length` numbers; from SHARED_FROM_BYTES on, over shared memory. */
export function uint16Array(length: number): Uint16Array {
  return 2 * length < SHARED_FROM_BYTES
    ? new Uint16Array(length)
    : new Uint16Array(new SharedArrayBuffer(2 * length));
}

/** A zeroed Uint8Array of `length` bytes; from SHARED_FROM_BYTES on, over shared memory. */
export function uint8Array(length: number): Uint8Array {
  return length < SHARED_FROM_BYTES ? new Uint8Array(length) : new Uint8Array(new SharedArrayBuffer(length));
}

/** Buffers of `arrays` that can be transferred to another thread (shared ones are posted as they are). */
export function transferable(arrays: ReadonlyArray<{ buffer: ArrayBufferLike }>): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (const a of arrays) if (a.buffer instanceof ArrayBuffer) out.push(a.buffer);
  return out;
}
