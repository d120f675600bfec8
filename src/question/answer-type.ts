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
  return readAnswerType(question).type;
}

/**
 * The kind of answer `question` expects (see `answerType`) and the noun after "what" or "which"
 * that names it when it is a time or a number ("what time", "which year", "what percentage"),
 * lower-cased, else null: that noun asks for a kind of answer more than it names a topic.
 */
export function readAnswerType(question: string): { type: AnswerType; noun: string | null } {
  const words = question.toLowerCase().match(WORD) ?? [];
  // "What is the death toll…", "death toll so far?": a toll is a number.
  const toll = words.some((w, i) => w.startsWith('toll') && words[i - 1] === 'death');
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    const next = words[i + 1] ?? '';
    switch (word) {
      case 'when':
        return { type: 'time', noun: null };
      case 'where':
        return { type: 'place', noun: null };
      case 'who':
      case 'whom':
      case 'whose':
        return { type: 'person', noun: null };
      case 'how':
        return { type: HOW_NUMBER.has(next) || toll ? 'number' : null, noun: null };
      case 'what':
      case 'which':
        if (TIME_NOUNS.has(next)) return { type: 'time', noun: next };
        if (NUMBER_NOUNS.has(next)) return { type: 'number', noun: next };
        if (toll) return { type: 'number', noun: null };
        return { type: PLACE_NOUNS.has(next) ? 'place' : null, noun: null };
      case 'why':
        return { type: null, noun: null };
    }
  }
  return { type: toll ? 'number' : null, noun: null };
}
