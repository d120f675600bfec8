/**
 * Heap bytes a function allocates per call, for tests that bound what a step leaves for the
 * garbage collector.
 */

/**
 * Heap bytes per call of `f`, after warming it until optimised (unoptimised code boxes numbers,
 * which says nothing of the work): the median of nine rounds of 100 calls, since a collection
 * during a round lowers it and a stray allocation elsewhere in the process raises it.
 */
export function heapBytesPerCall(f: () => unknown, warmCalls = 3000): number {
  for (let i = 0; i < warmCalls; i++) f();
  const rounds: number[] = [];
  for (let round = 0; round < 9; round++) {
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 100; i++) f();
    rounds.push(process.memoryUsage().heapUsed - before);
  }
  rounds.sort((a, b) => a - b);
  return (rounds[4] as number) / 100;
}
