/**
 * Excerpt choice: from a ranked passage, the sentence or two that answer, trimmed at word
 * boundaries to about 400 characters with "…" where cut. Never reworded: the text is a slice
 * of the article with at most an ellipsis on each side.
 */
import { isTrimmedSpace as isSpace, type SentenceSpan } from '../passages/sentences.ts';
import { TokenReader } from '../search/token-reader.ts';
import type { Token } from '../search/tokenize.ts';
import type { Span } from './types.ts';

/** Longest excerpt, in characters, before ellipses. */
export const MAX_EXCERPT_CHARS = 400;
export const ELLIPSIS = '…';

/**
 * An excerpt before metadata is attached: where its verbatim text lies. Its text (`excerptText`)
 * and where the query matched (`highlightsOf`, which tokenises it) are made only for the excerpts shown.
 */
export interface ChosenExcerpt {
  /** Offsets of the quoted slice in the article text (without the ellipses). */
  start: number;
  end: number;
  /** Offsets of the sentences it was cut from; `highlightsOf` reads their words. */
  spanStart: number;
  spanEnd: number;
}

/**
 * Where trimAround cut each long slice, by the slice's text: copies of one wire story in several
 * articles are cut alike, so one answer cuts each once. Valid for one query's weights only.
 */
export type TrimMemo = Map<string, { from: number; to: number }>;

/**
 * Chooses the excerpt of `text` for a passage covering `sentences[first..last]`: the sentence
 * with the most query weight, joined with its best neighbour when both fit, then trimmed around
 * the matches. `weights` maps each normalised query term to its weight (IDF), and
 * `sentenceWeights[i - first]` is the query weight sentence i contains.
 */
export function chooseExcerpt(
  text: string,
  sentences: SentenceSpan[],
  first: number,
  last: number,
  weights: Map<string, number>,
  sentenceWeights: ArrayLike<number>,
  memo?: TrimMemo,
): ChosenExcerpt {
  let best = first;
  let bestScore = -1;
  for (let i = first; i <= last; i++) {
    const value = sentenceWeights[i - first] as number;
    if (value > bestScore) {
      best = i;
      bestScore = value;
    }
  }
  const bestSpan = sentences[best] ?? { start: 0, end: text.length, paragraph: 0 };
  let start = bestSpan.start;
  let end = bestSpan.end;
  // Add the better-scoring neighbour inside the passage when the two still fit (the earlier on a tie).
  const before = best - 1 >= first ? best - 1 : -1;
  const after = best + 1 <= last ? best + 1 : -1;
  const afterFirst =
    after >= 0 &&
    (before < 0 || (sentenceWeights[after - first] ?? 0) > (sentenceWeights[before - first] ?? 0));
  for (let k = 0; k < 2; k++) {
    const n = afterFirst === (k === 0) ? after : before;
    const span = n < 0 ? undefined : sentences[n];
    if (span === undefined) continue;
    const newStart = Math.min(start, span.start);
    const newEnd = Math.max(end, span.end);
    if (
      newEnd - newStart <= MAX_EXCERPT_CHARS &&
      ((sentenceWeights[n - first] ?? 0) > 0 || end - start < 120)
    ) {
      start = newStart;
      end = newEnd;
      break;
    }
  }
  return trimAround(text, start, end, weights, memo);
}

/** Trims text[start, end) to MAX_EXCERPT_CHARS around the densest matches, at word boundaries. */
export function trimAround(
  text: string,
  start: number,
  end: number,
  weights: Map<string, number>,
  memo?: TrimMemo,
): ChosenExcerpt {
  const slice = text.slice(start, end);
  let from = 0;
  let to = slice.length;
  const known = slice.length > MAX_EXCERPT_CHARS ? memo?.get(slice) : undefined;
  if (known !== undefined) ({ from, to } = known);
  else if (slice.length > MAX_EXCERPT_CHARS) {
    const matches = queryMatches(text, start, end, weights);
    // The window start (at a match, or the sentence start) that covers the most query weight.
    let bestFrom = 0;
    let bestWeight = -1;
    numberTerms(matches);
    for (let c = -1; c < matches.length; c++) {
      const candidate = c < 0 ? 0 : (matches[c] as Token).start;
      // A window that would run past the end starts earlier, so it is as long as allowed.
      const windowStart =
        candidate === 0 ? 0 : Math.max(0, Math.min(candidate - 40, slice.length - MAX_EXCERPT_CHARS));
      const weight = coveredWeight(matches, windowStart, windowStart + MAX_EXCERPT_CHARS, c + 1, weights);
      if (weight > bestWeight) {
        bestWeight = weight;
        bestFrom = windowStart;
      }
    }
    from = bestFrom === 0 ? 0 : wordStartAtOrAfter(slice, bestFrom);
    to = wordEndAtOrBefore(slice, Math.min(slice.length, from + MAX_EXCERPT_CHARS));
    memo?.set(slice, { from, to });
  }
  return {
    start: start + from,
    end: start + to,
    spanStart: start,
    spanEnd: end,
  };
}

/**
 * The text an excerpt quotes: its slice of the article `text`, with "…" on each side where its
 * sentences were cut. Made only for the excerpts shown.
 */
export function excerptText(text: string, chosen: ChosenExcerpt): string {
  const prefix = chosen.start > chosen.spanStart ? ELLIPSIS : '';
  const suffix = chosen.end < chosen.spanEnd ? ELLIPSIS : '';
  return `${prefix}${text.slice(chosen.start, chosen.end)}${suffix}`;
}

/**
 * Per match of the current `trimAround`, the index of the first match of its term (`firstOf`),
 * and per such index the window that last counted it (`countedIn`): working memory, grown as needed.
 */
let firstOf = new Int32Array(64);
let countedIn = new Int32Array(64);

/** Fills `firstOf` for `matches`: each match's term numbered by its first match. */
function numberTerms(matches: readonly Token[]): void {
  if (matches.length > firstOf.length) {
    firstOf = new Int32Array(matches.length * 2);
    countedIn = new Int32Array(matches.length * 2);
  }
  for (let i = 0; i < matches.length; i++) {
    const term = (matches[i] as Token).term;
    let j = 0;
    while ((matches[j] as Token).term !== term) j++;
    firstOf[i] = j;
    countedIn[i] = -1;
  }
}

/**
 * The weight of the distinct terms of the matches inside [from, to), summed in the order each
 * first appears there, as a set of them would be: `window` numbers the call (see `numberTerms`).
 */
function coveredWeight(
  matches: readonly Token[],
  from: number,
  to: number,
  window: number,
  weights: Map<string, number>,
): number {
  let weight = 0;
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i] as Token;
    if (m.start < from || m.end > to) continue;
    const term = firstOf[i] as number;
    if (countedIn[term] === window) continue;
    countedIn[term] = window;
    weight += weights.get(m.term) ?? 0;
  }
  return weight;
}

/**
 * The words of an article's `text` that match query terms inside a chosen excerpt's quoted slice,
 * at their offsets in the article: the matches among the words of its sentences (tokenised whole,
 * as for choosing the window).
 */
export function quotedMatches(text: string, chosen: ChosenExcerpt, weights: Map<string, number>): Span[] {
  const from = chosen.start - chosen.spanStart;
  const to = chosen.end - chosen.spanStart;
  const out: Span[] = [];
  for (const m of queryMatches(text, chosen.spanStart, chosen.spanEnd, weights))
    if (m.start >= from && m.end <= to)
      out.push({ start: chosen.spanStart + m.start, end: chosen.spanStart + m.end });
  return out;
}

/** Spans at article offsets inside a chosen excerpt, as offsets in its text (see `excerptText`). */
export function inExcerptText(chosen: ChosenExcerpt, spans: readonly Span[]): Span[] {
  const shift = (chosen.start > chosen.spanStart ? ELLIPSIS.length : 0) - chosen.start;
  return spans.map((s) => ({ start: s.start + shift, end: s.end + shift }));
}

/** Excerpts' words are read again from answer to answer: each is tokenised once (see TokenReader). */
const reader = new TokenReader();

/** The tokens of text.slice(from, to) that are query terms, offsets relative to `from`. */
function queryMatches(text: string, from: number, to: number, weights: Map<string, number>): Token[] {
  return reader.read(text, from, to, (term) => weights.has(term));
}

/** Where the word at or after `i` starts: `i` when a word starts there, else after the next space. */
function wordStartAtOrAfter(text: string, i: number): number {
  if (i === 0 || i > text.length || isSpace(text.charCodeAt(i - 1))) return i;
  for (let k = i; k + 1 < text.length; k++)
    if (isSpace(text.charCodeAt(k)) && !isSpace(text.charCodeAt(k + 1))) return k + 1;
  return i;
}

/**
 * Where the text ends when cut at or before `i` at a word's end: before the word `i` falls in,
 * without the spaces and the punctuation (a comma, a dash) that would dangle before the ellipsis.
 */
function wordEndAtOrBefore(text: string, i: number): number {
  if (i >= text.length) return text.length;
  let end = i;
  if (isSpace(text.charCodeAt(i))) {
    while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
    return end;
  }
  // The space before the word `i` falls in; the cut is there unless the text has none before it.
  let cut = i - 1;
  while (cut >= 0 && !isSpace(text.charCodeAt(cut))) cut--;
  end = cut <= 0 ? i : cut;
  while (end > 0 && isDangling(text.charCodeAt(end - 1))) end--;
  return end;
}

/** A space or the punctuation an excerpt does not end on before its ellipsis: , ; : – — - */
function isDangling(c: number): boolean {
  return isSpace(c) || c === 44 || c === 59 || c === 58 || c === 0x2013 || c === 0x2014 || c === 45;
}
