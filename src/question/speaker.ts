/**
 * Questions about what someone said: "What did Lavrov say about the ceasefire?", "What does the
 * Russian foreign ministry think of it?", "What is Moscow's position on Assad?", "quotes from Kerry
 * about the ceasefire", "Kerry statements", "Who said Assad is part of the solution?". Reads who
 * is asked about, as the member wrote it, and whether the question asks who said something.
 */
import { MONTH_NAME } from './dates.ts';
import type { QuestionToken } from './reader.ts';

/** Verbs (lemmas) of saying and thinking a question asks a speaker about. */
const SAYING: ReadonlySet<string> = new Set([
  'say',
  'tell',
  'think',
  'claim',
  'warn',
  'call',
  'describe',
  'announce',
  'argue',
  'insist',
  'propose',
  'suggest',
  'state',
  'add',
  'respond',
  'reply',
  'believe',
  'mean',
  'want',
  'demand',
  'promise',
  'vow',
  'urge',
  'deny',
  'admit',
]);

/** Nouns of a stance: "Moscow's position on …", "Kerry's view of …", "Lavrov's remarks". */
const STANCE: ReadonlySet<string> = new Set([
  'quote',
  'quotation',
  'remark',
  'word',
  'position',
  'view',
  'stance',
  'take',
  'reaction',
  'response',
  'comment',
  'statement',
  'opinion',
  'line',
  'message',
]);

/** The words naming a speaker, as typed, with their offsets in the question. */
export interface SpeakerMention {
  text: string;
  start: number;
  end: number;
}

/** Who a question asks about, and whether it asks who said something. */
export interface SpeakerQuestion {
  speaker: SpeakerMention | null;
  asksWho: boolean;
  /** The stance word of "X's position on …", which frames the question rather than names its subject. */
  stance: SpeakerMention | null;
  /**
   * The verb of "What does X want/demand…": it frames the question when X is someone the
   * coverage quotes (the answer layer knows), and names its subject otherwise.
   */
  verb: SpeakerMention | null;
}

/** Parts of speech of a speaker's name as questions write it ("de" of "de Mistura" is tagged X). */
const NAME_PART: ReadonlySet<string> = new Set(['PROPN', 'NOUN', 'ADJ', 'DET', 'X']);

/** Tokens [from, to) as the question writes them, without a leading "the". */
function span(
  question: string,
  tokens: readonly QuestionToken[],
  from: number,
  to: number,
): SpeakerMention | null {
  let first = from;
  if (tokens[first]?.lemma === 'the') first++;
  const a = tokens[first];
  const b = tokens[to - 1];
  if (a === undefined || b === undefined || first >= to) return null;
  return { text: question.slice(a.start, b.end), start: a.start, end: b.end };
}

/** Reads who a question asks about (see the module's examples). */
export function readSpeakerQuestion(question: string, tokens: readonly QuestionToken[]): SpeakerQuestion {
  // Typed all in lower case ("lavrov quotes"), a name is tagged a noun.
  const lower = question === question.toLowerCase();
  const isName = (t: QuestionToken | undefined) => t?.pos === 'PROPN' || (lower && t?.pos === 'NOUN');
  const asksWho = tokens[0]?.lemma === 'who' && SAYING.has(tokens[1]?.lemma ?? '');
  // "What did/does/has X say …": the words between the auxiliary and the verb of saying.
  for (let v = 2; v < tokens.length; v++) {
    if (!SAYING.has(tokens[v]?.lemma ?? '') || tokens[v]?.pos === 'NOUN') continue;
    let from = v;
    while (from > 0 && NAME_PART.has(tokens[from - 1]?.pos ?? '') && tokens[from - 1]?.lemma !== 'what')
      from--;
    // "…what Kerry said in Geneva": a clause with no auxiliary, its verb in the past or present.
    const clause = tokens[from - 1]?.lemma === 'what' && tokens[v]?.text.toLowerCase() !== tokens[v]?.lemma;
    if (from === v || (tokens[from - 1]?.pos !== 'AUX' && !clause)) continue;
    // "What did the Lavrov statement say?": the name before a noun of what was said.
    const said = v - 1 > from && isSaid(tokens, v - 1);
    const speaker = span(question, tokens, from, said ? v - 1 : v);
    if (speaker !== null)
      return {
        speaker,
        asksWho,
        stance: said ? span(question, tokens, v - 1, v) : null,
        verb: span(question, tokens, v, v + 1),
      };
  }
  // "Quote Kerry on the ceasefire": the request, then the name, then its subject or nothing.
  if (tokens[0]?.lemma === 'quote') {
    let to = 1;
    while (
      to < tokens.length &&
      NAME_PART.has(tokens[to]?.pos ?? '') &&
      !AFTER_SAID.has(tokens[to]?.lemma ?? '')
    )
      to++;
    const speaker =
      to - 1 <= MAX_QUOTED_NAME && endsPhrase(tokens, to) ? span(question, tokens, 1, to) : null;
    if (speaker !== null) return { speaker, asksWho, stance: span(question, tokens, 0, 1), verb: null };
  }
  // "X's position on …": the words before the possessive.
  for (let p = 1; p + 1 < tokens.length; p++) {
    const stance = tokens[p + 1];
    if (!/^['’]s$/.test(tokens[p]?.text ?? '') || stance === undefined) continue;
    if (!STANCE.has(stance.lemma) || stance.pos === 'PROPN') continue;
    let from = p;
    while (from > 0 && NAME_PART.has(tokens[from - 1]?.pos ?? '')) from--;
    const speaker = span(question, tokens, from, p);
    if (speaker !== null)
      return { speaker, asksWho, stance: span(question, tokens, p + 1, p + 2), verb: null };
  }
  // "quotes from Kerry …", "the position of Moscow on …": the stance noun, from/by/of, the name.
  for (let p = 0; p + 2 < tokens.length; p++) {
    if (!isSaid(tokens, p) || !SPOKEN_BY.has(tokens[p + 1]?.lemma ?? '')) continue;
    let to = p + 2;
    while (to < tokens.length && NAME_PART.has(tokens[to]?.pos ?? '')) to++;
    if (!tokens.slice(p + 2, to).some(isName)) continue;
    const speaker = span(question, tokens, p + 2, to);
    if (speaker !== null) return { speaker, asksWho, stance: span(question, tokens, p, p + 1), verb: null };
  }
  // "Kerry quotes", "Lavrov remarks on Aleppo": a name, then the stance noun.
  for (let p = 1; p < tokens.length; p++) {
    if (!isSaid(tokens, p) || !isName(tokens[p - 1]) || !endsPhrase(tokens, p + 1)) continue;
    let from = p - 1;
    while (from > 0 && NAME_PART.has(tokens[from - 1]?.pos ?? '')) from--;
    const speaker = span(question, tokens, from, p);
    if (speaker !== null) return { speaker, asksWho, stance: span(question, tokens, p, p + 1), verb: null };
  }
  // "Give me quotes about terrorists", "statements on the ceasefire": what was said, by anyone.
  for (let p = 0; p + 1 < tokens.length; p++) {
    if (QUOTED.has(tokens[p]?.lemma ?? '') && isSaid(tokens, p) && AFTER_SAID.has(tokens[p + 1]?.lemma ?? ''))
      return { speaker: null, asksWho: true, stance: span(question, tokens, p, p + 1), verb: null };
  }
  return { speaker: null, asksWho, stance: null, verb: null };
}

/**
 * Nouns of what was said that name their speaker without a possessive ("quotes from Kerry",
 * "Kerry statements"): unambiguous ones only, since "take", "line" or "word" there rarely are.
 */
const SAID: ReadonlySet<string> = new Set([
  'quote',
  'quotation',
  'remark',
  'statement',
  'comment',
  'position',
  'stance',
  'view',
  'opinion',
  'reaction',
  'response',
]);

/** SAID nouns that ask for words said even with no speaker named ("quotes about terrorists"). */
const QUOTED: ReadonlySet<string> = new Set(['quote', 'quotation', 'remark', 'statement', 'comment']);

/** Is token `i` one of the SAID nouns? */
function isSaid(tokens: readonly QuestionToken[], i: number): boolean {
  const token = tokens[i];
  return token !== undefined && token.pos === 'NOUN' && SAID.has(token.lemma);
}

/** Words that may follow "Kerry statements": its subject's preposition, or nothing. */
const AFTER_SAID: ReadonlySet<string> = new Set([
  'on',
  'about',
  'regarding',
  'concerning',
  'of',
  'over',
  'towards',
  'toward',
  'for',
]);

/** Prepositions of a time after "Lavrov quotes": "in August", "since March 2016". */
const TIME_PREPOSITIONS: ReadonlySet<string> = new Set(['in', 'during', 'since', 'on']);
const MONTH_OR_NUMBER = new RegExp(`^(?:\\d+|${MONTH_NAME})$`, 'i');

/**
 * Does the phrase end before token `i`: the question's end, punctuation, AFTER_SAID, or a
 * preposition of a date ("Lavrov quotes in August"; not "the Christian position in the curriculum")?
 */
function endsPhrase(tokens: readonly QuestionToken[], i: number): boolean {
  const token = tokens[i];
  if (token === undefined || token.pos === 'PUNCT' || AFTER_SAID.has(token.lemma)) return true;
  return TIME_PREPOSITIONS.has(token.lemma) && MONTH_OR_NUMBER.test(tokens[i + 1]?.text ?? '');
}

/** Most words of the name in "Quote the Russian foreign ministry on …". */
const MAX_QUOTED_NAME = 4;

/** Words between a stance noun and its speaker: "quotes from", "statements by", "position of". */
const SPOKEN_BY: ReadonlySet<string> = new Set(['from', 'by', 'of']);
