/**
 * An article read with wink-nlp and its English model: tokens with their character offsets, parts
 * of speech and lemmas, and which tokens wink tags as dates. The model loads once, on first use.
 */
import model from 'wink-eng-lite-web-model';
import winkNLP, { type WinkMethods } from 'wink-nlp';

/** One token of an article; `text.slice(start, end)` is its verbatim text. */
export interface ArticleToken {
  text: string;
  /** Universal part of speech as wink tags it (NOUN, VERB, PROPN, PRON, PUNCT, …). */
  pos: string;
  /** Lower-case lemma. */
  lemma: string;
  start: number;
  end: number;
  /** Part of a date or time wink recognises ("Thursday", "last week"). */
  date: boolean;
}

let nlp: WinkMethods | null = null;

/** Reads `text` into tokens whose offsets index into `text`, in order. */
export function readTokens(text: string): ArticleToken[] {
  nlp ??= winkNLP(model);
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out(its.value) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  // its.lemma comes from the model's add-ons, which wink-nlp's types do not connect.
  const lemmas = doc.tokens().out(its.lemma as never) as string[];
  const tokens: ArticleToken[] = [];
  let at = 0;
  values.forEach((value, i) => {
    // wink may normalise a token's value; search for it so later offsets never shift.
    const from = at + (spaces[i]?.length ?? 0);
    const found = text.indexOf(value, from);
    const start = found < 0 || found - from > 8 ? from : found;
    const end = found === start ? start + value.length : start;
    tokens.push({
      text: text.slice(start, end),
      pos: pos[i] ?? 'X',
      lemma: (lemmas[i] ?? value).toLowerCase(),
      start,
      end,
      date: false,
    });
    at = Math.max(at, end);
  });
  const details = doc.entities().out(its.detail) as unknown as Array<{ type: string }>;
  const spans = doc.entities().out(its.span) as unknown as Array<[number, number]>;
  details.forEach((d, i) => {
    const span = spans[i];
    if (span === undefined || !['DATE', 'TIME', 'DURATION'].includes(d.type)) return;
    for (let t = span[0]; t <= span[1]; t++) {
      const token = tokens[t];
      if (token !== undefined) token.date = true;
    }
  });
  return tokens;
}
