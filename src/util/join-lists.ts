/** Joining many arrays into one by block copies, for lists of a million references. */

/** Lists joined by one `concat`, whose arguments are spread on the stack. */
const LISTS_PER_CONCAT = 4096;

/**
 * The elements of `lists`, in order, as one new array (or the only list itself when there is one):
 * `concat` copies each list as a block, several times faster than pushing its elements one by one.
 */
export function joinLists<T>(lists: readonly (readonly T[])[]): T[] {
  if (lists.length === 1) return lists[0] as T[];
  let joined: T[] = [];
  for (let i = 0; i < lists.length; i += LISTS_PER_CONCAT)
    joined = joined.concat(...lists.slice(i, i + LISTS_PER_CONCAT));
  return joined;
}

/** Elements `from` to `to` (excluded) of `list`. */
export interface ListRun<T> {
  list: readonly T[];
  from: number;
  to: number;
}

/**
 * The elements of `runs`, in order, as one new array: each run copied straight into it, without
 * a slice of it first (a slice of a run of a million references is 8 MB the collector frees).
 */
export function joinRuns<T>(runs: readonly ListRun<T>[]): T[] {
  let length = 0;
  for (const run of runs) length += run.to - run.from;
  const joined = new Array<T>(length);
  let at = 0;
  for (const { list, from, to } of runs) for (let i = from; i < to; i++) joined[at++] = list[i] as T;
  return joined;
}
