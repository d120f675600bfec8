/**
 * The question read with wink-nlp and its English model: tokens with their character offsets,
 * parts of speech, lemmas and the spans wink tags as dates. The model loads once, on first use.
 */
import model from 'wink-eng-lite-web-model';
import winkNLP, { type WinkMethods } from 'wink-nlp';

/** One token of a question. */
export interface QuestionToken {
  text: string;
  /** Universal part of speech as wink tags it (NOUN, VERB, PROPN, AUX, DET, …). */
  pos: string;
  lemma: string;
  start: number;
  end: number;
}

/** A question's tokens and its date mentions (token ranges, inclusive). */
export interface ReadQuestion {
  tokens: QuestionToken[];
  dates: Array<{ first: number; last: number }>;
}

/**
 * The steps of wink's pipeline a reading uses: sentences, parts of speech (and lemmas) and named
 * entities (dates). Sentiment, negation and custom entities are not read, so not computed.
 */
const PIPE = ['sbd', 'pos', 'ner'];

let nlp: WinkMethods | null = null;

/** Reads a question into tokens and date mentions; offsets index into `question`. */
export function readQuestion(question: string): ReadQuestion {
  nlp ??= winkNLP(model, PIPE);
  const its = nlp.its;
  const doc = nlp.readDoc(question);
  const words = doc.tokens();
  const values = words.out(its.value) as string[];
  const spaces = words.out(its.precedingSpaces) as string[];
  const pos = words.out(its.pos) as string[];
  // its.lemma comes from the model's add-ons, which wink-nlp's types do not connect.
  const lemmas = words.out(its.lemma as never) as string[];
  const tokens: QuestionToken[] = [];
  let at = 0;
  values.forEach((text, i) => {
    // wink keeps every character as a token or preceding space; search anyway, so that a
    // normalised token never shifts the offsets of those after it.
    const found = question.indexOf(text, at + (spaces[i]?.length ?? 0));
    const start = found < 0 ? at + (spaces[i]?.length ?? 0) : found;
    const end = found < 0 ? start : start + text.length;
    tokens.push({ text, pos: pos[i] ?? 'X', lemma: (lemmas[i] ?? text).toLowerCase(), start, end });
    at = end;
  });
  const dates: ReadQuestion['dates'] = [];
  const entities = doc.entities();
  const details = entities.out(its.detail) as unknown as Array<{ type: string }>;
  const spans = entities.out(its.span) as unknown as Array<[number, number]>;
  details.forEach((d, i) => {
    const span = spans[i];
    if (d.type === 'DATE' && span !== undefined) dates.push({ first: span[0], last: span[1] });
  });
  return { tokens, dates };
}
