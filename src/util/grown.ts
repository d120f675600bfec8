/** Growing a typed array of working memory: the one idiom every such array shares. */

/** A copy of `array` with room for at least `size` numbers (twice its room, or more). */
export function grownInts(array: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const out = new Int32Array(Math.max(size, array.length * 2));
  out.set(array);
  return out;
}
