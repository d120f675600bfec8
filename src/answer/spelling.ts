/**
 * Typing slips in a question, read as the words the coverage uses: "What did Lavorv say about
 * terorists?" is asked as "What did Lavrov say about terrorists?". A word is corrected only when
 * the coverage never uses it, no dictionary knows it (wink's lexicon, WordNet: "Iran" is never
 * read as "Iraq"), and it is one slip from a word the coverage uses (its most common such word),
 * else from an everyday English word ("hapened"); a question's first word is first read as a
 * question word ("Waht happened…"), and first of all as a word of an outlet's name or an event's
 * id ("NDVT", "BRICS Psot"); any other word in capitals is an acronym ("ISSG") and left as typed,
 * unless the whole question is in capitals. The answer says what was read, so a member sees it.
 */
import distance from 'wink-distance';
import type { QuestionContext } from '../question/analyse.ts';
import { FRAMING_WORDS } from '../question/framing.ts';
import { isCommonWord } from '../search/common-words.ts';
import { isDictionaryWord } from '../search/expansions.ts';
import { closestTerm, forEachEdit, nearestSlip } from '../search/spelling.ts';
import { isStopWord, normaliseWord, tokenize, tokenWord } from '../search/tokenize.ts';
import { type EngineState, passageAt } from './engine-state.ts';
import type { Correction } from './types.ts';

/** Where a sentence starts: after its end mark or a greeting's comma ("Hi! Waht…", "Hello, waht…"). */
const SENTENCE_START = /[.!?]\s+$|^\W*\p{L}+,\s*$/u;

/** Shorter words are left as typed: too many words are one slip from a three-letter one. */
const MIN_LETTERS = 4;
/** Unknown words looked at in one question at most (each costs a few hundred lookups). */
const MAX_WORDS_TRIED = 3;
const LETTERS_ONLY = /^\p{L}+$/u;
const WORDS = /\p{L}+/gu;

/**
 * The question with its slips corrected (see the module), and what was corrected, in order; the
 * question itself when nothing was.
 */
export function correctSpelling(
  state: EngineState,
  question: string,
): { text: string; corrections: Correction[] } {
  const corrections: Correction[] = [];
  let text = question;
  const tokens = tokenize(question);
  const firstWord = question.search(/[\p{L}\p{N}]/u);
  // In a question not typed all in capitals, a word in capitals is an acronym ("ISSG"): as typed.
  const shouting = question === question.toUpperCase();
  const metadata = metadataWords(state);
  let tried = 0;
  // From the end, so that earlier offsets stay valid as words change length.
  for (let i = tokens.length - 1; i >= 0 && tried < MAX_WORDS_TRIED; i--) {
    const token = tokens[i] as (typeof tokens)[number];
    // A possessive's word ("Lavorv's"): its "'s" stays as typed.
    const typed = tokenWord(question, token);
    if (typed.length < MIN_LETTERS || !LETTERS_ONLY.test(typed)) continue;
    const lower = typed.toLowerCase();
    if (
      state.index.termId(token.term) !== undefined ||
      isCommonWord(typed) ||
      isDictionaryWord(typed) ||
      metadata.has(lower)
    )
      continue;
    // A word of an outlet's name or an event's id one slip away ("NDVT", "Psot"), even in capitals.
    const named = nearestSlip(lower, metadata);
    if (named === null && !shouting && typed === typed.toUpperCase()) continue;
    tried++;
    // A question's first word is mostly its question word ("Waht happened…"), also after a
    // greeting or a sentence before it ("Hi! Waht did…").
    const first = token.start === firstWord || SENTENCE_START.test(question.slice(0, token.start));
    const capitalised = /^\p{Lu}/u.test(typed);
    // A capitalised word inside the question is a name: never read as an everyday word.
    const name = !first && capitalised;
    const read =
      named ??
      (first ? wordNear(lower, isStopWord) : null) ??
      coverageWordNear(state, token.term, lower) ??
      (name ? null : (nearestSlip(lower, FRAMING_WORDS) ?? wordNear(lower, isCommonWord)));
    if (read === null) continue;
    const cased = typed === typed.toUpperCase() ? read.toUpperCase() : capitalised ? capitalise(read) : read;
    text = text.slice(0, token.start) + cased + text.slice(token.start + typed.length);
    corrections.unshift({ typed, read: cased });
  }
  return { text, corrections };
}

const metadataMemo = new WeakMap<QuestionContext, Set<string>>();

/** The words of the outlets' names and the events' ids, which questions name ("brics post"). */
function metadataWords(state: EngineState): ReadonlySet<string> {
  const context = state.summaries.questionContext;
  let words = metadataMemo.get(context);
  if (words === undefined) {
    words = new Set<string>();
    for (const name of context.sources) for (const w of name.toLowerCase().match(WORDS) ?? []) words.add(w);
    for (const id of context.eventIds) for (const w of id.toLowerCase().match(WORDS) ?? []) words.add(w);
    metadataMemo.set(context, words);
  }
  return words;
}

/** The first word one slip from `word` that `is` accepts ("waht": "what"), or null. */
function wordNear(word: string, is: (candidate: string) => boolean): string | null {
  let found: string | null = null;
  forEachEdit(word, (candidate) => {
    if (!is(candidate)) return false;
    found = candidate;
    return true;
  });
  return found;
}

/** Passages read for the ways the coverage writes a term. */
const PASSAGES_READ = 4;
/**
 * Letters a form of the coverage may differ from the word typed by: a term is one slip from the
 * typed word's stem, but its written form may be further ("freder" is a slip from "feder", yet
 * "Frédéric" is not "Federation").
 */
const MAX_FORM_EDITS = 2;
/** Fewest letters a typed word needs for its form to be MAX_FORM_EDITS from the coverage's. */
const MIN_FORM_EDITS_LETTERS = 6;
const LETTER = /\p{L}/u;

/** The UTF-16 units of the letter at `i` of `text` (1, or 2 beyond the BMP), 0 when it is no letter. */
function letterWidth(text: string, i: number): number {
  if (i >= text.length) return 0;
  const c = text.charCodeAt(i);
  if (c < 128) return (c | 0x20) >= 97 && (c | 0x20) <= 122 ? 1 : 0;
  const point = text.codePointAt(i) as number;
  return LETTER.test(String.fromCodePoint(point)) ? (point > 0xffff ? 2 : 1) : 0;
}

/**
 * The coverage's most common term one slip from `term`, as the coverage writes it: a form in its
 * first passages one slip from `typed` ("terorists": "terrorists", not "terrorist"), else one
 * within two letters of it; null when there is none.
 */
function coverageWordNear(state: EngineState, term: string, typed: string): string | null {
  const closest = closestTerm(term, (t) => state.index.idf(t));
  if (closest === null) return null;
  const forms = new Set<string>();
  const initial = closest.charCodeAt(0);
  for (const slot of state.index.passagesWith(closest, PASSAGES_READ)) {
    const passage = passageAt(state, slot);
    const text = state.corpus.articles[passage.article]?.text ?? '';
    let i = passage.start;
    while (i < passage.end) {
      const width = letterWidth(text, i);
      if (width === 0) {
        i++;
        continue;
      }
      const start = i;
      i += width;
      for (let w = letterWidth(text, i); w > 0 && i < passage.end; w = letterWidth(text, i)) i += w;
      // A stem starts with its word's letter: ASCII words with another are passed over unread,
      // as are words of another length; no string is made of them.
      const first = text.charCodeAt(start);
      if ((first < 128 && (first | 0x20) !== initial) || Math.abs(i - start - typed.length) > 2) continue;
      const word = text.slice(start, i);
      if (normaliseWord(word) === closest) forms.add(word.toLowerCase());
    }
  }
  const folded = typed.normalize('NFD').replace(/\p{M}/gu, '');
  // Two letters of a short word are too many: "issg" is no slip for "issue".
  const edits = typed.length < MIN_FORM_EDITS_LETTERS ? 1 : MAX_FORM_EDITS;
  return (
    nearestSlip(typed, forms) ??
    [...forms].find((form) => distance.string.levenshtein(folded, form) <= edits) ??
    null
  );
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
