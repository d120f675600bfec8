/** Detection of the same text run by several outlets (syndicated wire copy), by word shingles. */

const SHINGLE_WORDS = 4;
const NOT_ASCII = /[\u0080-\uffff]/;
/** Share of the smaller text's shingles found in the other above which two texts are copies. */
export const COPY_CONTAINMENT = 0.6;
/** Texts with fewer shingles than this are too short to call copies. */
const MIN_SHINGLES = 3;

/** The set of 4-word shingles of a text, case and punctuation folded. */
export function shingles(text: string): Set<string> {
  // NFKD leaves ASCII as it is; most excerpts are ASCII.
  const folded = NOT_ASCII.test(text) ? text.normalize('NFKD') : text;
  const words = folded.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<string>();
  // Joined by hand: no array per shingle (SHINGLE_WORDS is 4).
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++)
    out.add(`${words[i]} ${words[i + 1]} ${words[i + 2]} ${words[i + 3]}`);
  return out;
}

/** True when one text's shingles are mostly contained in the other's: the same copy, trimmed or not. */
export function isSameCopy(a: Set<string>, b: Set<string>, containment = COPY_CONTAINMENT): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size < MIN_SHINGLES) return false;
  let shared = 0;
  for (const s of small) if (large.has(s)) shared++;
  return shared / small.size >= containment;
}
