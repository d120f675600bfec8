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

/** A typed array's constructor: from a length, or over a buffer. */
interface TypedArrayType<T> {
  readonly BYTES_PER_ELEMENT: number;
  new (length: number): T;
  new (buffer: SharedArrayBuffer): T;
}

/** A zeroed array of `Type` of `length` numbers; from SHARED_FROM_BYTES on, over shared memory. */
function zeroed<T>(Type: TypedArrayType<T>, length: number): T {
  const bytes = Type.BYTES_PER_ELEMENT * length;
  return bytes < SHARED_FROM_BYTES ? new Type(length) : new Type(new SharedArrayBuffer(bytes));
}

/** A zeroed Int32Array of `length` numbers; from SHARED_FROM_BYTES on, over shared memory. */
export const int32Array = (length: number): Int32Array => zeroed(Int32Array, length);
/** A zeroed Float64Array of `length` numbers; from SHARED_FROM_BYTES on, over shared memory. */
export const float64Array = (length: number): Float64Array => zeroed(Float64Array, length);
/** A zeroed Uint16Array of `length` numbers; from SHARED_FROM_BYTES on, over shared memory. */
export const uint16Array = (length: number): Uint16Array => zeroed(Uint16Array, length);
/** A zeroed Uint8Array of `length` bytes; from SHARED_FROM_BYTES on, over shared memory. */
export const uint8Array = (length: number): Uint8Array => zeroed(Uint8Array, length);

/** Buffers of `arrays` that can be transferred to another thread (shared ones are posted as they are). */
export function transferable(arrays: ReadonlyArray<{ buffer: ArrayBufferLike }>): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (const a of arrays) if (a.buffer instanceof ArrayBuffer) out.push(a.buffer);
  return out;
}
