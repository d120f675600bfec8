/**
 * Words one typing slip away: the candidates a misspelt term may have been meant as, for the
 * spelling correction of questions (answer/spelling.ts): one letter left out, added or changed, or
 * two neighbours swapped ("terorist", "lavorv", "agust"), the letters added or changed limited to
 * the slips typing makes (a key beside the one meant, a vowel, a doubled letter).
 */

/** Each letter's neighbours on a QWERTY keyboard: a slipped finger lands on one of them. */
const NEIGHBOURS: Readonly<Record<string, string>> = {
  q: 'wa',
  w: 'qeas',
  e: 'wrsd',
  r: 'etdf',
  t: 'ryfg',
  y: 'tugh',
  u: 'yihj',
  i: 'uojk',
  o: 'ipkl',
  p: 'ol',
  a: 'qwsz',
  s: 'awedxz',
  d: 'serfcx',
  f: 'drtgvc',
  g: 'ftyhbv',
  h: 'gyujnb',
  j: 'huikmn',
  k: 'jiolm',
  l: 'kop',
  z: 'asx',
  x: 'zsdc',
  c: 'xdfv',
  v: 'cfgb',
  b: 'vghn',
  n: 'bhjm',
  m: 'njk',
};
const VOWELS = 'aeiouy';

/**
 * Calls `visit` with the strings one typing slip from `word` (a–z letters): a letter left out, two
 * neighbours swapped, a letter changed for a key beside it or for a vowel, a vowel or a doubled
 * letter added (a string reached by two slips comes twice; `word` itself never); stops as soon as
 * `visit` returns true. About 20 candidates a letter, where every edit of Damerau's would be 54.
 */
export function forEachEdit(word: string, visit: (candidate: string) => boolean): void {
  const offer = (c: string) => c !== word && visit(c);
  const n = word.length;
  for (let i = 0; i < n; i++) if (offer(word.slice(0, i) + word.slice(i + 1))) return;
  for (let i = 0; i + 1 < n; i++)
    if (offer(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2))) return;
  for (let i = 0; i < n; i++) {
    const letter = word[i] as string;
    for (const other of (NEIGHBOURS[letter] ?? '') + VOWELS)
      if (other !== letter && offer(word.slice(0, i) + other + word.slice(i + 1))) return;
  }
  for (let i = 0; i <= n; i++) {
    const before = i > 0 ? (word[i - 1] as string) : '';
    for (const added of VOWELS + before) if (offer(word.slice(0, i) + added + word.slice(i))) return;
  }
}

/** Kinds of slip in forEachEdit's order, as the high part of a slip's rank. */
const DELETED = 0;
const SWAPPED = 1 << 20;
const CHANGED = 2 << 20;
const ADDED = 3 << 20;

/**
 * Where `candidate` comes among the strings forEachEdit offers for `word` (lower ranks first),
 * or -1 when it is not one of them; no string is made, so a few known words are checked against
 * a typed one at the cost of comparing their letters.
 */
export function slipRank(word: string, candidate: string): number {
  const n = word.length;
  const m = candidate.length;
  if (candidate === word) return -1;
  if (m === n - 1) {
    for (let i = 0; i < n; i++) if (sameWithout(word, i, candidate)) return DELETED + i;
    return -1;
  }
  if (m === n) {
    // Letters shared at the start and at the end: a swap or a change lies between them.
    let head = 0;
    while (word.charCodeAt(head) === candidate.charCodeAt(head)) head++;
    let tail = 0;
    while (word.charCodeAt(n - 1 - tail) === candidate.charCodeAt(n - 1 - tail)) tail++;
    const differing = n - head - tail;
    if (differing === 2 && word[head] === candidate[head + 1] && word[head + 1] === candidate[head])
      return SWAPPED + head;
    if (differing !== 1) return -1;
    let rank = 0;
    for (let at = 0; at <= head; at++) {
      const letter = word[at] as string;
      for (const other of (NEIGHBOURS[letter] ?? '') + VOWELS) {
        if (other === letter) continue;
        if (at === head && other === candidate[head]) return CHANGED + rank;
        rank++;
      }
    }
    return -1;
  }
  if (m === n + 1) {
    let rank = 0;
    for (let at = 0; at <= n; at++) {
      const before = at > 0 ? (word[at - 1] as string) : '';
      for (const added of VOWELS + before) {
        if (candidate[at] === added && sameWithout(candidate, at, word)) return ADDED + rank;
        rank++;
      }
    }
  }
  return -1;
}

/** Is `longer` with its letter at `at` left out the string `shorter`? */
function sameWithout(longer: string, at: number, shorter: string): boolean {
  for (let i = 0; i < shorter.length; i++)
    if (shorter.charCodeAt(i) !== longer.charCodeAt(i < at ? i : i + 1)) return false;
  return true;
}

/**
 * Of `candidates`, the one forEachEdit would offer first for `word` (see `slipRank`), or null
 * when none is one slip from it: what searching its edits for a member of a small set finds.
 */
export function nearestSlip(word: string, candidates: Iterable<string>): string | null {
  let best: string | null = null;
  let bestRank = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    if (Math.abs(c.length - word.length) > 1) continue;
    const rank = slipRank(word, c);
    if (rank >= 0 && rank < bestRank) {
      best = c;
      bestRank = rank;
    }
  }
  return best;
}

/**
 * The term one edit from `term` that `idf` knows and finds most common (lowest IDF; the first in
 * alphabetical order among equals), or null when none is known.
 */
export function closestTerm(term: string, idf: (candidate: string) => number | null): string | null {
  let best: string | null = null;
  let bestIdf = Number.POSITIVE_INFINITY;
  forEachEdit(term, (candidate) => {
    const value = idf(candidate);
    if (value !== null && (value < bestIdf || (value === bestIdf && best !== null && candidate < best))) {
      best = candidate;
      bestIdf = value;
    }
    return false;
  });
  return best;
}
