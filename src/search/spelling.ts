/**
 * Words one typing slip away: the candidates a misspelt term may have been meant as, for the
 * spelling correction of questions (answer/spelling.ts). Distance one in Damerau's sense: one
 * letter left out, added, changed, or two neighbours swapped ("terorist", "lavorv", "agust").
 */

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * Calls `visit` with every string one edit from `word` (a–z letters): deletions, transpositions
 * of neighbours, replacements and insertions, about 54n + 25 of them (a string reached by two
 * edits comes twice; `word` itself never); stops as soon as `visit` returns true.
 */
export function forEachEdit(word: string, visit: (candidate: string) => boolean): void {
  const offer = (c: string) => c !== word && visit(c);
  const n = word.length;
  for (let i = 0; i < n; i++) if (offer(word.slice(0, i) + word.slice(i + 1))) return;
  for (let i = 0; i + 1 < n; i++)
    if (offer(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2))) return;
  for (let i = 0; i < n; i++)
    for (const letter of LETTERS) if (offer(word.slice(0, i) + letter + word.slice(i + 1))) return;
  for (let i = 0; i <= n; i++)
    for (const letter of LETTERS) if (offer(word.slice(0, i) + letter + word.slice(i))) return;
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
