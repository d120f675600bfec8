/**
 * Questions about what someone said: "What did Lavrov say about the ceasefire?", "What does the
 * Russian foreign ministry think of it?", "What is Moscow's position on Assad?", "Who said Assad is
 * part of the solution?". Reads who is asked about, as the member wrote it, and whether the
 * question asks who said something.
 */
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

/** Nouns of a stance: "Moscow's position on …", "Kerry's view of …". */
const STANCE: ReadonlySet<string> = new Set([
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
  const asksWho = tokens[0]?.lemma === 'who' && SAYING.has(tokens[1]?.lemma ?? '');
  // "What did/does/has X say …": the words between the auxiliary and the verb of saying.
  for (let v = 2; v < tokens.length; v++) {
    if (!SAYING.has(tokens[v]?.lemma ?? '') || tokens[v]?.pos === 'NOUN') continue;
    let from = v;
    while (from > 0 && NAME_PART.has(tokens[from - 1]?.pos ?? '')) from--;
    if (from === v || tokens[from - 1]?.pos !== 'AUX') continue;
    const speaker = span(question, tokens, from, v);
    if (speaker !== null) return { speaker, asksWho, stance: null, verb: span(question, tokens, v, v + 1) };
  }
  // "X's position on …": the words before the possessive.
  for (let p = 1; p + 1 < tokens.length; p++) {
    if (!/^['’]s$/.test(tokens[p]?.text ?? '') || !STANCE.has(tokens[p + 1]?.lemma ?? '')) continue;
    let from = p;
    while (from > 0 && NAME_PART.has(tokens[from - 1]?.pos ?? '')) from--;
    const speaker = span(question, tokens, from, p);
    if (speaker !== null)
      return { speaker, asksWho, stance: span(question, tokens, p + 1, p + 2), verb: null };
  }
  return { speaker: null, asksWho, stance: null, verb: null };
}
