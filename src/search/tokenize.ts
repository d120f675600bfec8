/**
 * Tokenisation for ranking and highlighting: words with their character offsets, normalised into
 * index terms (lower case, no diacritics, possessives and number separators removed, hyphenated
 * words split, dotted abbreviations joined, English stop words dropped, Porter2 stems, memoised).
 */
import { createRequire } from 'node:module';
import { stem } from 'porter2';
import lemmatizer from 'wink-lemmatizer';
import { BoundedMemo } from '../util/bounded-memo.ts';
import { IntBuffer } from '../util/term-table.ts';
import { TermDictionary } from './term-dictionary.ts';
import { WordTable } from './word-table.ts';

const require = createRequire(import.meta.url);
/** winkjs' English stop word list (wink-nlp-utils). */
const STOP_WORDS: ReadonlySet<string> = new Set([
  ...(require('wink-nlp-utils/src/dictionaries/stop_words.json') as string[]),
  // Quantity words of questions ("how many", "how much") that the list lacks.
  'many',
  'much',
]);

/** Is this lower-case word one of the English stop words left out of every index? */
export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

/** A word of the text with where it is: text.slice(start, end) is the word. */
export interface Token {
  term: string;
  start: number;
  end: number;
}

/**
 * Words: letters and digits, joined by inner dots, commas or apostrophes ("U.S.", "290,000",
 * "Syria's", "1.8"). Hyphens and other punctuation separate words.
 */
const WORD = /[\p{L}\p{N}]+(?:[.,'’][\p{L}\p{N}]+)*\.?/gu;
const DIACRITICS = /\p{M}+/gu;

/** A possessive ending: "Turkey's", "Russia’s". */
const POSSESSIVE = /['’]s$/;

const MEMO_LIMIT = 500_000;
const wordTerm = new BoundedMemo<string, string | null>(MEMO_LIMIT);

/**
 * Normalises one raw word into its index term, or null when it is a stop word or empty.
 * "U.S." and "US" both become "u.s"; "Syria's" becomes "syria"; "290,000" becomes "290000".
 */
export function normaliseWord(raw: string): string | null {
  return wordTerm.get(raw, computeTerm);
}

/** A word of ASCII letters only (most words), which the steps before `lowerWordTerm` only lower-case. */
const ASCII_LETTERS = /^[A-Za-z]+$/;

function computeTerm(raw: string): string | null {
  if (raw !== 'US' && ASCII_LETTERS.test(raw)) return lowerWordTerm(raw.toLowerCase());
  let word = raw.endsWith('.') ? raw.slice(0, -1) : raw;
  // "US" written in capitals is the country, not the pronoun.
  if (word === 'US' || /^(\p{L}\.)+\p{L}$/u.test(word))
    return word.toLowerCase().replaceAll('.', '').split('').join('.');
  // NFKD leaves ASCII as it is and ASCII holds no marks: only other words need the two passes.
  if (NON_ASCII.test(word)) word = word.normalize('NFKD').replace(DIACRITICS, '');
  word = word.toLowerCase().replace(POSSESSIVE, '').replace(/['’]/g, '');
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(word)) word = word.replaceAll(',', '');
  if (/\d/.test(word)) return STOP_WORDS.has(word) ? null : word;
  return lowerWordTerm(word);
}

/** The term of a lower-case word without digits, or null for a stop word or an empty one. */
function lowerWordTerm(word: string): string | null {
  if (word === '' || STOP_WORDS.has(word)) return null;
  // The stemmer takes time quadratic in a word's length: a longer word is its own term.
  if (word.length > MAX_STEMMED_WORD) return word;
  return lemmaTerms.get(word, lemmaTerm);
}

/**
 * Longest word that is lemmatised and stemmed (English words are far shorter). Past it a word is
 * kept whole, so that a build stays linear in the length of its text.
 */
export const MAX_STEMMED_WORD = 64;

/** A character outside ASCII. */
const NON_ASCII = /[^\p{ASCII}]/u;
/**
 * The term of each lower-case word seen (lemma, then stem): the raw forms of one word ("Said",
 * "said") normalise once each but are lemmatised and stemmed once in all.
 */
const lemmaTerms = new BoundedMemo<string, string>(MEMO_LIMIT);

/** The term of a lower-case word: its stemmed lemma, or "say" for every verb of saying. */
function lemmaTerm(word: string): string {
  const lemma = irregularLemma(word);
  return SPEECH_VERBS.has(lemma) ? 'say' : stem(lemma);
}

/**
 * Verbs of reporting speech, indexed as one term: news writes "Lavrov told journalists" or
 * "Kerry stated" where a member asks what Lavrov or Kerry "said".
 */
const SPEECH_VERBS: ReadonlySet<string> = new Set([
  'say',
  'says',
  'said',
  'saying',
  'tell',
  'tells',
  'telling',
  'stated',
  'declare',
  'declares',
  'declared',
  'remark',
  'remarked',
]);

/** wink-lemmatizer's tables of irregular forms (wink-lexicon's, the ones it reads itself). */
const VERB_EXCEPTIONS = require('wink-lexicon/src/wn-verb-exceptions.js') as Record<string, unknown>;
const NOUN_EXCEPTIONS = require('wink-lexicon/src/wn-noun-exceptions.js') as Record<string, unknown>;

/**
 * Whether the lemmatizer may give a word a lemma `irregularLemma` keeps. Past its tables, it only
 * replaces an ending (-s, -es, -ed, -ing, -ies → -y, -ves → -f, …), which leaves the lemma
 * starting as the word does, but for "-men" → "-man" and words shorter than five letters ("zing" →
 * "ze"). Asking it costs more than stemming (ten regular expressions and lexicon lookups a word).
 */
function mayBeIrregular(word: string): boolean {
  return (
    word.length < 5 ||
    word.endsWith('men') ||
    VERB_EXCEPTIONS[word] !== undefined ||
    NOUN_EXCEPTIONS[word] !== undefined
  );
}

/**
 * The lemma of an irregular form ("came" → "come", "sat" → "sit", "men" → "man"), which a
 * stemmer cannot find; regular forms are left to the stemmer.
 */
function irregularLemma(word: string): string {
  if (!mayBeIrregular(word)) return word;
  for (const lemma of [lemmatizer.verb(word), lemmatizer.noun(word)]) {
    if (lemma !== word && !word.startsWith(lemma.slice(0, Math.max(2, lemma.length - 1)))) return lemma;
  }
  return word;
}

/**
 * The word `token` spans in `text` as typed, without a possessive ending ("Turkey's": "Turkey"):
 * the word a dictionary lists.
 */
export function tokenWord(text: string, token: Token): string {
  return text.slice(token.start, token.end).replace(POSSESSIVE, '');
}

/** Splits text into normalised tokens with character offsets; stop words are left out. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const raw = match[0];
    const start = match.index;
    if (!raw.includes('.')) {
      const term = normaliseWord(raw);
      if (term !== null) tokens.push({ term, start, end: start + raw.length });
      continue;
    }
    // An abbreviation run into the next word ("U.S.is") is two words.
    const glued = /^((?:\p{L}\.){2,})(\p{L}{2,})$/u.exec(raw);
    if (glued?.[1] !== undefined && glued[2] !== undefined) {
      pushWord(tokens, glued[1], start);
      pushWord(tokens, glued[2], start + glued[1].length);
      continue;
    }
    // Dotted runs that are not abbreviations or numbers ("end.The") are separate words.
    if (raw.includes('.') && !/^(\p{L}\.)+\p{L}?\.?$/u.test(raw) && !/^\d[\d.,]*$/.test(raw)) {
      let offset = start;
      for (const part of raw.split('.')) {
        const term = part === '' ? null : normaliseWord(part);
        if (term !== null) tokens.push({ term, start: offset, end: offset + part.length });
        offset += part.length + 1;
      }
      continue;
    }
    pushWord(tokens, raw, start);
  }
  return tokens;
}

function pushWord(tokens: Token[], raw: string, start: number): void {
  const term = normaliseWord(raw);
  if (term !== null) tokens.push({ term, start, end: start + raw.length - (raw.endsWith('.') ? 1 : 0) });
}

const wordTermsMemo = new BoundedMemo<string, readonly string[]>(MEMO_LIMIT);
const NO_TERMS: readonly string[] = [];

/**
 * The terms one raw word (a match of WORD) yields, memoised: none for a stop word, one for most
 * words, two for "U.S.is".
 */
export function termsOfWord(raw: string): readonly string[] {
  return wordTermsMemo.get(raw, computeTermsOfWord);
}

function computeTermsOfWord(raw: string): readonly string[] {
  return termsOfRawWord(raw, termsOfWord, normaliseWord);
}

/**
 * The terms of `termsOfWord(raw)`, computed without remembering them: for a build, which meets
 * each distinct raw word once (its word table tells them apart), so that remembering them would
 * cost more than it saves. What is remembered is still read, and lemmas and stems are remembered.
 */
export function termsOfWordOnce(raw: string): readonly string[] {
  return wordTermsMemo.peek(raw) ?? termsOfRawWord(raw, termsOfWordOnce, computeTerm);
}

/** The terms of a raw word, with `shorter` for the word without its final full stop. */
function termsOfRawWord(
  raw: string,
  shorter: (word: string) => readonly string[],
  normalise: (word: string) => string | null,
): readonly string[] {
  const dot = raw.indexOf('.');
  // Only a final full stop ("said.", "A.", "5."), which no term keeps: the word without it.
  if (dot === raw.length - 1) return shorter(raw.slice(0, -1));
  if (dot >= 0) {
    const tokens = tokenize(raw);
    return tokens.length === 0 ? NO_TERMS : tokens.map((t) => t.term);
  }
  // A whole WORD match without a dot is one word for `tokenize`: skip its pattern matching.
  const term = normalise(raw);
  return term === null ? NO_TERMS : [term];
}

/**
 * The index terms of a text, in order, with repeats (what BM25 counts): the terms of `tokenize`,
 * computed without offsets and memoised per word, since indexing calls it on every sentence.
 */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.match(WORD) ?? NO_TERMS) {
    const found = termsOfWord(raw);
    if (found.length === 1) out.push(found[0] as string);
    else for (const term of found) out.push(term);
  }
  return out;
}

/**
 * Dense ids for the terms of one build: `appendIds` gives exactly the terms of `terms(text)`, as
 * ids into `terms`. Words are read in place by a `WordTable`, so a word seen before costs no
 * string and no normalisation.
 */
export class TermVocabulary extends TermDictionary {
  private readonly words = new WordTable();
  /** Of each word of `words`: its term id, -1 for none, -2 - k for several (`several[k]`). */
  private readonly values = new IntBuffer();
  private readonly several: Array<readonly number[]> = [];
  private readonly scratch = new IntBuffer();

  /** Appends the ids of the index terms of text.slice(from, to) (see `terms`) to `out`. */
  appendIds(text: string, out: IntBuffer, from = 0, to = text.length): void {
    const words = this.scratch;
    words.length = 0;
    this.words.appendWordIds(text, words, from, to);
    for (let w = this.values.length; w < this.words.size; w++) {
      const list = termsOfWord(this.words.word(w));
      if (list.length === 0) this.values.push(-1);
      else if (list.length === 1) this.values.push(this.idOf(list[0] as string));
      else {
        this.several.push(list.map((t) => this.idOf(t)));
        this.values.push(-1 - this.several.length);
      }
    }
    for (let i = 0; i < words.length; i++) {
      const value = this.values.at(words.at(i));
      if (value >= 0) out.push(value);
      else if (value < -1) for (const id of this.several[-2 - value] as readonly number[]) out.push(id);
    }
  }
}
