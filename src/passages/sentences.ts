/**
 * Sentence splitting with exact character offsets: the Unicode sentence boundaries of ICU (through
 * `Intl.Segmenter`), one paragraph at a time, corrected where ICU breaks after an abbreviation
 * ("U.S.", "a.m.", initials, titles such as "Gen.") or before a sentence that continues in lower
 * case; it agrees with wink-nlp's sentence detection at a fraction of the time (figures in
 * bench/results.md).
 */
import { IntBuffer } from '../util/term-table.ts';
import { directSentenceEnds, hasKnownClasses } from './sentence-breaks.ts';

/** A sentence: text.slice(start, end), trimmed of surrounding white space. */
export interface SentenceSpan {
  start: number;
  end: number;
  /** Index of the paragraph the sentence belongs to. */
  paragraph: number;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Abbreviations after which a full stop does not end a sentence. */
const ABBREVIATION =
  /(?:^|[\s(“"'])(?:Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Cmdr|Adm|Pres|St|Mt|Ft|No|Nos|vs|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Inc|Corp|Co|Ltd|Jr|Sr|approx|est|ca|cf|al|etc|e\.g|i\.e)\.$/i;
/** An initial ("J.") or a dotted abbreviation ("U.S.", "a.m.") at the end of a segment. */
const INITIAL_OR_DOTTED = /(?:(?:^|[\s(“"'])\p{L}\.|(?:\p{L}\.){2,})$/u;

/**
 * Splits text into sentences. Paragraphs (separated by line breaks) never share a sentence. Every
 * span is a verbatim, trimmed slice of `text`, in order, non-overlapping.
 */
export function splitSentences(text: string): SentenceSpan[] {
  const flat = new IntBuffer(48);
  appendSentences(text, flat);
  return decodeSpans(flat.toArray(), 0, flat.length / 3);
}

/** The `count` sentences stored flat from index `at` of `flat`, as `appendSentences` writes them. */
export function decodeSpans(flat: ArrayLike<number>, at: number, count: number): SentenceSpan[] {
  const spans: SentenceSpan[] = new Array(count);
  for (let i = 0, j = at; i < count; i++, j += 3)
    spans[i] = { start: flat[j] as number, end: flat[j + 1] as number, paragraph: flat[j + 2] as number };
  return spans;
}

/**
 * The sentences of `splitSentences`, appended to `out` as three numbers each: start, end and
 * paragraph (the flat form an index build keeps and a worker thread hands over).
 */
export function appendSentences(text: string, out: IntBuffer): void {
  let paragraph = 0;
  for (let from = 0; from < text.length; ) {
    let to = text.indexOf('\n', from);
    if (to < 0) to = text.length;
    if (firstNonSpace(text, from, to) < to) appendParagraph(text, from, to, paragraph++, out);
    from = to + 1;
  }
}

/**
 * The Unicode sentence boundaries of one paragraph, text[from, to), as ICU finds them: the end of
 * each segment, in order (computed directly when sentence-breaks.ts knows every character).
 */
function segmentEnds(text: string, from: number, to: number, ends: IntBuffer): void {
  if (hasKnownClasses(text, from, to)) {
    directSentenceEnds(text, from, to, ends);
    return;
  }
  for (const { segment, index } of segmenter.segment(text.slice(from, to)))
    ends.push(from + index + segment.length);
}

/** Segment ends of the paragraph being split (reused). */
const ends = new IntBuffer(64);

/**
 * Appends the sentences of the paragraph text[from, to): ICU's segments, merged where a segment
 * ends in an abbreviation or the next one continues the sentence, then trimmed.
 */
function appendParagraph(text: string, from: number, to: number, paragraph: number, out: IntBuffer): void {
  ends.length = 0;
  segmentEnds(text, from, to, ends);
  let start = from;
  let end = ends.at(0);
  for (let i = 1; i < ends.length; i++) {
    const next = ends.at(i);
    if (endsInAbbreviation(text, start, end) || continues(text, end, next)) {
      end = next;
      continue;
    }
    pushTrimmed(text, start, end, paragraph, out);
    start = end;
    end = next;
  }
  pushTrimmed(text, start, end, paragraph, out);
}

/** Appends text[start, end) trimmed, unless it is only white space. */
function pushTrimmed(text: string, start: number, end: number, paragraph: number, out: IntBuffer): void {
  const first = firstNonSpace(text, start, end);
  if (first === end) return;
  out.push(first);
  out.push(lastNonSpace(text, start, end) + 1);
  out.push(paragraph);
}

/** Does text[start, end), trimmed, end in an abbreviation or an initial (no sentence end after it)? */
function endsInAbbreviation(text: string, start: number, end: number): boolean {
  // Both patterns end in a full stop.
  const last = lastNonSpace(text, start, end);
  if (last < start || text.charCodeAt(last) !== 46) return false;
  const before = endOf(text, start, end);
  return ABBREVIATION.test(before) || INITIAL_OR_DOTTED.test(before);
}

/** Characters of a segment's end that decide ABBREVIATION and INITIAL_OR_DOTTED (see `endOf`). */
const END_CHARS = 8;

/**
 * What the end-anchored patterns need of text.slice(start, end).trimEnd(): the whole of it when it
 * is short, else its last END_CHARS characters. Both patterns match a trimmed segment exactly when
 * they match that tail: ABBREVIATION spans at most 8 characters (a delimiter, "approx", "."), so in
 * a tail of 8 its delimiter is never the tail's start; INITIAL_OR_DOTTED needs only its last
 * four. Reading the tail keeps merging linear however long a merged sentence grows.
 */
function endOf(text: string, start: number, end: number): string {
  const from = Math.max(start, end - 4 * END_CHARS);
  const tail = text.slice(from, end).trimEnd();
  if (tail.length > END_CHARS) return tail.slice(-END_CHARS);
  return from === start ? tail : text.slice(start, end).trimEnd();
}

/** CONTINUATION after leading white space, read from a given lastIndex. */
const CONTINUATION_AT = /\s*[\p{Ll}\p{N},;:)]/uy;

/** Does the segment text[start, end) start, after white space, like the continuation of a sentence? */
function continues(text: string, start: number, end: number): boolean {
  CONTINUATION_AT.lastIndex = start;
  return CONTINUATION_AT.test(text) && CONTINUATION_AT.lastIndex <= end;
}

/**
 * Is the code unit c white space that String.prototype.trim removes (WhiteSpace and
 * LineTerminator of ECMAScript: tab, vertical tab, form feed, space, the Zs characters, BOM, line
 * feed, carriage return, line and paragraph separators)?
 */
export function isTrimmedSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** The first index in [from, to) that is not white space, or `to`. */
function firstNonSpace(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && isTrimmedSpace(text.charCodeAt(i))) i++;
  return i;
}

/** The last index in [from, to) that is not white space, or from - 1. */
function lastNonSpace(text: string, from: number, to: number): number {
  let i = to - 1;
  while (i >= from && isTrimmedSpace(text.charCodeAt(i))) i--;
  return i;
}
