/**
 * The kind of answer a question expects, read from its question word as English grammar has it:
 * "when", "what year" ask for a time; "how many", "what percentage" for a number; "who" for a
 * person; "where", "in what city" for a place. Pure, on the question's text alone.
 */

/** What kind of answer a question expects. */
export type AnswerType = 'time' | 'number' | 'person' | 'place' | null;

/** Nouns after "what" / "which" that ask for a time ("what year", "which century"). */
const TIME_NOUNS = new Set([
  'year',
  'years',
  'date',
  'day',
  'month',
  'decade',
  'century',
  'time',
  'era',
  'period',
]);
/** Nouns after "what" / "which" that ask for a number ("what percentage", "what amount"). */
const NUMBER_NOUNS = new Set([
  'percentage',
  'percent',
  'proportion',
  'number',
  'amount',
  'population',
  'size',
  'distance',
  'cost',
  'price',
  'age',
  'temperature',
]);
/** Nouns after "what" / "which" that ask for a place ("in what city", "which country"). */
const PLACE_NOUNS = new Set([
  'city',
  'country',
  'state',
  'region',
  'town',
  'village',
  'continent',
  'nation',
  'province',
  'county',
  'capital',
  'place',
  'location',
  'island',
]);
/** Words after "how" that ask for a number, an amount or a duration. */
const HOW_NUMBER = new Set(['many', 'much', 'long', 'old', 'far', 'large', 'big', 'tall', 'high', 'often']);

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * The kind of answer `question` expects, from its first question word and the word after it;
 * null when it expects none of these ("What did Lavrov say?", "Why…").
 */
export function answerType(question: string): AnswerType {
  const words = question.toLowerCase().match(WORD) ?? [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    const next = words[i + 1] ?? '';
    switch (word) {
      case 'when':
        return 'time';
      case 'where':
        return 'place';
      case 'who':
      case 'whom':
      case 'whose':
        return 'person';
      case 'how':
        return HOW_NUMBER.has(next) ? 'number' : null;
      case 'what':
      case 'which':
        if (TIME_NOUNS.has(next)) return 'time';
        if (NUMBER_NOUNS.has(next)) return 'number';
        if (PLACE_NOUNS.has(next)) return 'place';
        return null;
      case 'why':
        return null;
    }
  }
  return null;
}

/**
 * The noun that names the kind of answer after "what" or "which" ("what time", "which year", "what
 * percentage"), lower-cased, or null: it asks for a kind of answer more than it names a topic.
 */
export function answerTypeNoun(question: string): string | null {
  const words = question.toLowerCase().match(WORD) ?? [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    if (word !== 'what' && word !== 'which') continue;
    const next = words[i + 1] ?? '';
    return TIME_NOUNS.has(next) || NUMBER_NOUNS.has(next) ? next : null;
  }
  return null;
}
