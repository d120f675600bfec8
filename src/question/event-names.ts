/**
 * Events a question names by a description rather than by id: "the March phone call", "the Geneva
 * meeting". A description is a noun phrase after "the" whose index terms all occur in one event's
 * name and summary, and in no other event's.
 */
import { terms } from '../search/tokenize.ts';
import type { QuestionToken } from './reader.ts';

/** An event as analysis knows it: its id and the index terms of its name and summary. */
export interface EventWords {
  id: string;
  words: ReadonlySet<string>;
}

/** An event named in a question: the words [start, end) of the question and the event's id. */
export interface EventDescription {
  id: string;
  start: number;
  end: number;
}

/** Parts of speech of the words of a description ("March" PROPN, "phone" NOUN, "joint" ADJ). */
const DESCRIBING: ReadonlySet<string> = new Set(['PROPN', 'NOUN', 'ADJ', 'NUM']);

/** A hyphen or a dash standing between two words. */
const HYPHENS = /^[-‐‑–—]$/;

/** Fewest distinct terms a description holds: one word ("Geneva") names a place, not an event. */
const MIN_TERMS = 2;

/** The index terms of each event's name and description; made once per corpus. */
export function eventWords(
  events: ReadonlyArray<{ id: string; name?: string; description?: string }>,
): EventWords[] {
  return events.map((e) => ({ id: e.id, words: new Set(terms(`${e.name ?? ''} ${e.description ?? ''}`)) }));
}

/**
 * The events the question's definite noun phrases describe: "the" and the run of nouns, names,
 * adjectives and numbers after it, when the run has at least two distinct terms and exactly one
 * event's words hold them all.
 */
export function findEventDescriptions(
  question: string,
  tokens: readonly QuestionToken[],
  events: readonly EventWords[],
): EventDescription[] {
  const found: EventDescription[] = [];
  if (events.length === 0) return found;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]?.lemma !== 'the') continue;
    let j = i + 1;
    // A hyphen joins two words of the run ("the Kerry-Lavrov call").
    const describing = (k: number) =>
      DESCRIBING.has(tokens[k]?.pos ?? '') ||
      (HYPHENS.test(tokens[k]?.text ?? '') && k > i + 1 && DESCRIBING.has(tokens[k + 1]?.pos ?? ''));
    while (j < tokens.length && describing(j)) j++;
    const first = tokens[i + 1];
    const last = tokens[j - 1];
    if (first === undefined || last === undefined || j === i + 1) continue;
    const phrase = new Set(terms(question.slice(first.start, last.end)));
    if (phrase.size < MIN_TERMS) continue;
    const named = events.filter((e) => [...phrase].every((t) => e.words.has(t)));
    if (named.length === 1) found.push({ id: named[0]?.id as string, start: first.start, end: last.end });
    i = j - 1;
  }
  return found;
}
