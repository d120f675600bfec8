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
