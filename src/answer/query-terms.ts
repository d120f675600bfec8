/**
 * Other words for a question's topic words (see search/expansions.ts) that the index holds, and
 * the share of weight they earn.
 */
import type { QuestionToken } from '../question/reader.ts';
import { isCommonWord } from '../search/common-words.ts';
import { relatedTerms } from '../search/expansions.ts';
import type { Token } from '../search/tokenize.ts';
import type { WordNetPos } from '../search/wordnet.ts';
import type { EngineState } from './engine-state.ts';

/**
 * Share of a topic word's weight another word for it earns ("revolt" for "uprising", see
 * search/expansions.ts), in ranking and in what a passage matches: half, so it never outranks the
 * word itself.
 */
export const EXPANSION_CREDIT = 0.5;
/** WordNet's part of speech of wink's tags; names (PROPN) are not expanded. */
const WORDNET_POS: Readonly<Record<string, WordNetPos>> = {
  NOUN: 'noun',
  VERB: 'verb',
  ADJ: 'adj',
  ADV: 'adv',
};

/**
 * For each topic term, the other words for it (see search/expansions.ts) the index holds and the
 * question does not use, each given to one term only; names are not expanded.
 */
export function relatedInIndex(
  state: EngineState,
  topic: readonly Token[],
  text: string,
  read: readonly QuestionToken[],
  asked: ReadonlySet<string>,
): Map<string, string[]> {
  const related = new Map<string, string[]>();
  const taken = new Set(asked);
  for (const { term, start, end } of topic) {
    if (related.has(term)) continue;
    const tag = read.find((t) => t.start < end && start < t.end)?.pos ?? '';
    const pos = WORDNET_POS[tag];
    // A common word ("make", "start") has many senses: its other words are mostly noise.
    if (pos === undefined || isCommonWord(text.slice(start, end))) continue;
    const found = relatedTerms(text.slice(start, end), pos).filter(
      (t) => !taken.has(t) && state.index.termId(t) !== undefined,
    );
    for (const t of found) taken.add(t);
    if (found.length > 0) related.set(term, found);
  }
  return related;
}
