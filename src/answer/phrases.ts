/**
 * Multiword names of a question ("Secretary General", "World Cup", "Super Bowl"): runs of two or
 * more capitalised words. A passage answers a question about such a name only when it holds the
 * name's terms side by side, in order; "the Secretary of State … generally" is not the Secretary
 * General. The no-answer decision counts the names its best passage lacks.
 */

import type { Token } from '../search/tokenize.ts';
import type { TermTable } from '../util/term-table.ts';

/** Words between two tokens of one name: nothing but white space or a hyphen. */
const JOINED = /^[\s\u00a0-]*$/u;
const CAPITALISED = /^\p{Lu}/u;

/**
 * The term runs of the question's multiword names, in order: consecutive tokens whose words start
 * with a capital letter, joined by white space or hyphens, two or more long. A question's first
 * word counts only when the next word is capitalised too.
 */
export function namePhrases(text: string, tokens: readonly Token[]): string[][] {
  const phrases: string[][] = [];
  let run: string[] = [];
  let previous: Token | null = null;
  const close = () => {
    if (run.length >= 2) phrases.push(run);
    run = [];
  };
  for (const token of tokens) {
    const capital = CAPITALISED.test(text.slice(token.start, token.end));
    const joined = previous !== null && JOINED.test(text.slice(previous.end, token.start));
    if (!capital || !joined) close();
    if (capital) run.push(token.term);
    previous = token;
  }
  close();
  return phrases;
}

/** True when rows [fromRow, toRow) of `table` hold the term ids `phrase` side by side, in order. */
export function holdsPhrase(
  table: TermTable,
  fromRow: number,
  toRow: number,
  phrase: ArrayLike<number>,
): boolean {
  const n = phrase.length;
  if (n === 0) return true;
  const { offsets, ids } = table;
  for (let r = fromRow; r < toRow; r++) {
    const end = (offsets[r + 1] ?? 0) - n;
    outer: for (let i = offsets[r] ?? 0; i <= end; i++) {
      for (let j = 0; j < n; j++) if (ids[i + j] !== phrase[j]) continue outer;
      return true;
    }
  }
  return false;
}
