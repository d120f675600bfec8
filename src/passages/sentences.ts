/**
 * Sentence splitting with exact character offsets, using wink-nlp's sentence boundary detection
 * (which knows "U.S.", "a.m.", initials, quotes and numbers such as 290,000), one paragraph at a time.
 */

import model from 'wink-eng-lite-web-model';
import winkNLP, { type ItemSentence } from 'wink-nlp';

/** A sentence: text.slice(start, end), trimmed of surrounding white space. */
export interface SentenceSpan {
  start: number;
  end: number;
  /** Index of the paragraph the sentence belongs to. */
  paragraph: number;
}

const nlp = winkNLP(model as Parameters<typeof winkNLP>[0], ['sbd']);
const its = nlp.its;

/**
 * Splits text into sentences. Paragraphs (separated by line breaks) never share a sentence. Every
 * span is a verbatim, trimmed slice of `text`, in order, non-overlapping.
 */
export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let paragraph = 0;
  for (const para of text.matchAll(/[^\n]+/g)) {
    const base = para.index;
    const paraText = para[0];
    if (paraText.trim() === '') continue;
    for (const [start, end] of sentencesOf(paraText)) {
      spans.push({ start: base + start, end: base + end, paragraph });
    }
    paragraph++;
  }
  return spans;
}

/** Sentence offsets inside one paragraph. */
function sentencesOf(text: string): Array<[number, number]> {
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out() as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const starts: number[] = new Array(values.length);
  const ends: number[] = new Array(values.length);
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    cursor += spaces[i]?.length ?? 0;
    // wink-nlp reproduces the text token by token; resynchronise defensively if it ever does not.
    const value = values[i] ?? '';
    const found = text.startsWith(value, cursor) ? cursor : text.indexOf(value, cursor);
    const start = found < 0 ? cursor : found;
    starts[i] = start;
    cursor = start + value.length;
    ends[i] = cursor;
  }
  const out: Array<[number, number]> = [];
  doc.sentences().each((sentence: ItemSentence) => {
    const tokens = sentence.tokens();
    const first = tokens.itemAt(0)?.index();
    const last = tokens.itemAt(tokens.length() - 1)?.index();
    if (first === undefined || last === undefined) return;
    const start = starts[first] ?? 0;
    const end = ends[last] ?? text.length;
    const slice = text.slice(start, end);
    const lead = slice.length - slice.trimStart().length;
    const trail = slice.length - slice.trimEnd().length;
    if (end - trail > start + lead) out.push([start + lead, end - trail]);
  });
  if (out.length === 0 && text.trim() !== '') {
    const lead = text.length - text.trimStart().length;
    out.push([lead, text.trimEnd().length]);
  }
  return out;
}
