/**
 * Passages: windows of consecutive sentences inside one paragraph, the unit that is indexed and
 * ranked. Each keeps exact character offsets into its article's cleaned text.
 */
import type { SentenceSpan } from './sentences.ts';

/** How passages are cut from sentences. */
export interface PassageOptions {
  /** Sentences per passage, 1 to 3. */
  window: number;
  /** Sentences between the starts of consecutive passages; smaller than `window` means overlap. */
  stride: number;
}

/** Measured on SQuAD v1.1 dev and the coverage questions (see `npm run eval`). */
export const DEFAULT_PASSAGE_OPTIONS: PassageOptions = { window: 3, stride: 1 };

/** A passage of an article: sentences [firstSentence, lastSentence] spanning text[start, end). */
export interface Passage {
  article: number;
  start: number;
  end: number;
  firstSentence: number;
  lastSentence: number;
}

/**
 * Cuts an article's sentences into passages. Windows never cross a paragraph break; a paragraph
 * shorter than the window gives one passage; every sentence is in at least one passage.
 */
export function buildPassages(
  article: number,
  sentences: SentenceSpan[],
  options: PassageOptions = DEFAULT_PASSAGE_OPTIONS,
): Passage[] {
  const window = Math.min(3, Math.max(1, Math.floor(options.window)));
  const stride = Math.min(window, Math.max(1, Math.floor(options.stride)));
  const passages: Passage[] = [];
  let i = 0;
  while (i < sentences.length) {
    const paragraph = sentences[i]?.paragraph;
    let j = i;
    while (j < sentences.length && sentences[j]?.paragraph === paragraph) j++;
    // sentences[i, j) is one paragraph.
    for (let s = i; s < j; s += stride) {
      const last = Math.min(s + window, j) - 1;
      passages.push({
        article,
        start: sentences[s]?.start ?? 0,
        end: sentences[last]?.end ?? 0,
        firstSentence: s,
        lastSentence: last,
      });
      if (last === j - 1) break;
    }
    i = j;
  }
  return passages;
}
