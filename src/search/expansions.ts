/**
 * Other words for the same thing, from WordNet: a word's synonyms in any of its senses that is the
 * synonym's most frequent one, the head of a multiword synonym of its first sense ("military
 * plane" for "warplane" gives "plane"), the words derived from it in its first sense ("die" and
 * "death"), for a verb the verbs of cause and effect in its first sense ("died" and "killed"),
 * and the kinds of person a noun names ("diplomat": "minister"), as index terms. The answer
 * layer keeps those an index holds and weighs them below the word itself.
 */
import lemmatizer from 'wink-lemmatizer';
import { BoundedMemo } from '../util/bounded-memo.ts';
import { isCommonWord } from './common-words.ts';
import { terms } from './tokenize.ts';
import { NOUN_PERSON, type Synset, type WordNetPos, wordNet } from './wordnet.ts';

const MEMO_LIMIT = 50_000;
const memo = new BoundedMemo<string, readonly string[]>(MEMO_LIMIT);
const causalMemo = new BoundedMemo<string, readonly string[]>(MEMO_LIMIT);

/**
 * The words of a synset a relation names: word `n` (from 1) for a relation between words, all of
 * them for one between synsets (n = 0).
 */
function wordAt(words: readonly string[], n: number): readonly string[] {
  return n === 0 ? words : [words[n - 1] ?? ''];
}

/** The lemma WordNet lists a word under, for its part of speech. */
function lemmaOf(word: string, pos: WordNetPos): string {
  const lower = word.toLowerCase();
  if (pos === 'noun') return lemmatizer.noun(lower);
  if (pos === 'verb') return lemmatizer.verb(lower);
  if (pos === 'adj') return lemmatizer.adjective(lower);
  return lower;
}

/** Does WordNet know `word` (any case, any inflection) as a noun, verb, adjective or adverb? */
export function isDictionaryWord(word: string): boolean {
  const wn = wordNet();
  return (['noun', 'verb', 'adj', 'adv'] as const).some(
    (pos) => wn.senses(lemmaOf(word, pos), pos).length > 0,
  );
}

/** Does WordNet list `lemma` ("break out") as a verb? */
export function isVerbLemma(lemma: string): boolean {
  return wordNet().senses(lemma, 'verb').length > 0;
}

/**
 * The index terms of the words WordNet relates to `word` used as `pos` (see the module), without
 * the word's own term; none for a word WordNet lacks. Memoised: WordNet is read once per word.
 */
export function relatedTerms(word: string, pos: WordNetPos): readonly string[] {
  return memo.get(`${pos}:${word.toLowerCase()}`, () => computeRelated(word, pos));
}

/**
 * The index terms of the verbs that cause `word` or that it causes, in its first sense ("died":
 * "kill"; "killed": "die"); for a noun, of the verbs derived from it and theirs ("death": "die",
 * "kill"). The narrow relation a common word keeps, whose synonyms are mostly noise.
 */
export function causalTerms(word: string, pos: 'noun' | 'verb'): readonly string[] {
  return causalMemo.get(`${pos}:${word.toLowerCase()}`, () => {
    const lemma = lemmaOf(word, pos);
    const verbs = pos === 'verb' ? [lemma] : derivedVerbs(lemma);
    const own = new Set(terms(word));
    const found = new Set<string>();
    for (const verb of verbs)
      for (const w of pos === 'verb' ? causalWords(verb) : [verb, ...causalWords(verb)])
        for (const t of terms(w)) if (!own.has(t)) found.add(t);
    return [...found];
  });
}

/** The verbs derived from a noun lemma's first sense ("death": "die"). */
function derivedVerbs(lemma: string): string[] {
  const wn = wordNet();
  const first = wn.senses(lemma, 'noun')[0];
  if (first === undefined) return [];
  const synset = wn.synset('noun', first);
  const source = synset.words.indexOf(lemma) + 1;
  const verbs: string[] = [];
  for (const p of synset.pointers) {
    if (p.symbol !== '+' || p.pos !== 'verb' || (p.source !== 0 && p.source !== source)) continue;
    const target = wn.synset('verb', p.offset);
    const words = wordAt(target.words, p.target);
    for (const w of words)
      if (w !== '' && !w.includes(' ') && wn.senses(w, 'verb')[0] === p.offset) verbs.push(w);
  }
  return verbs;
}

/**
 * Reads now the WordNet relations a question may need that are stored the other way round (what
 * causes a verb, which adjectives pertain to a place): a pass over a data file each, once per
 * process, which the first question asking for them would otherwise wait for; and normalises
 * the words of the kinds of people (see `readyKindWords`).
 */
export function readyExpansions(): void {
  const wn = wordNet();
  wn.causesOf(0);
  wn.pertainymsOf(0);
  readyKindWords();
}

/** Each noun synset of people with kinds: its hyponyms' single words, as index terms; by readyKindWords. */
let kindsOfPeople: Map<number, readonly string[]> | null = null;

/**
 * Normalises now, once per process, every word of WordNet's nouns of people and lists each one's
 * kinds: a question's noun naming people ("workers") otherwise waits for its kinds (70 or more
 * synsets) to be read and their words stemmed.
 */
function readyKindWords(): void {
  if (kindsOfPeople !== null) return;
  const wn = wordNet();
  const people = wn.synsetsIn('noun', NOUN_PERSON);
  const wordsOf = new Map<number, readonly string[]>();
  for (const offset of people) {
    const { words } = wn.synset('noun', offset);
    wordsOf.set(offset, words);
    for (const w of words) terms(w);
  }
  const kinds = new Map<number, readonly string[]>();
  for (const offset of people) {
    const found = hyponymTerms(offset, (o) => wordsOf.get(o));
    if (found.length > 0) kinds.set(offset, found);
  }
  kindsOfPeople = kinds;
}

/**
 * The index terms of the single words of the noun synset at `offset`'s hyponyms, in WordNet's
 * order; `known` gives a hyponym's words when they are read already.
 */
function hyponymTerms(
  offset: number,
  known: (offset: number) => readonly string[] | undefined = () => undefined,
): string[] {
  const wn = wordNet();
  const words = wn
    .synset('noun', offset)
    .pointers.filter((p) => p.symbol === '~')
    .flatMap((p) => known(p.offset) ?? wn.synset('noun', p.offset).words);
  return singleWordTerms(words, '');
}

/** WordNet's lexicographer file of nouns denoting places. */
const NOUN_LOCATION = 15;
const placeMemo = new BoundedMemo<string, readonly string[]>(MEMO_LIMIT);

/**
 * The index terms of a place's adjectives, or an adjective's places: "Turkey" gives "turkish",
 * "Russian" gives "russia" (WordNet's pertainyms and derivations between a noun naming a place
 * and an adjective); a people's name gives its place and the place's adjectives ("Kurds":
 * "kurdistan", "kurdish"; WordNet's holonyms of a noun naming people). A name is otherwise not
 * expanded; these relations keep its meaning exactly.
 */
export function placeTerms(word: string): readonly string[] {
  return placeMemo.get(word.toLowerCase(), () => {
    const wn = wordNet();
    const lemma = word.toLowerCase();
    const words = new Set<string>();
    const nounSenses = wn.senses(lemma, 'noun');
    // Relations between words, not synsets: "Soviet" pertains to "Soviet Union", not to "Russia".
    for (const offset of nounSenses) {
      const synset = wn.synset('noun', offset);
      if (synset.lexFile === NOUN_LOCATION)
        addPlaceAdjectives(offset, synset.words.indexOf(lemma) + 1, words);
    }
    // A people ("Kurds", "Turks"): the place it is a member or part of, with its adjectives.
    const people = nounSenses.length > 0 ? nounSenses : wn.senses(lemmatizer.noun(lemma), 'noun');
    for (const offset of people) {
      const synset = wn.synset('noun', offset);
      if (synset.lexFile !== NOUN_PERSON) continue;
      for (const p of synset.pointers) {
        if ((p.symbol !== '#m' && p.symbol !== '#p') || p.pos !== 'noun') continue;
        const place = wn.synset('noun', p.offset);
        if (place.lexFile !== NOUN_LOCATION) continue;
        // Not a place's word that is also an everyday one ("US" is "us").
        for (const w of place.words) if (!isCommonWord(w)) words.add(w);
        addPlaceAdjectives(p.offset, 0, words);
      }
    }
    for (const offset of wn.senses(lemma, 'adj')) {
      const adjective = wn.synset('adj', offset);
      const at = adjective.words.indexOf(lemma) + 1;
      for (const p of adjective.pointers) {
        if (p.symbol !== '\\' || p.pos !== 'noun' || (p.source !== 0 && p.source !== at)) continue;
        const place = wn.synset('noun', p.offset);
        if (place.lexFile === NOUN_LOCATION) for (const w of wordAt(place.words, p.target)) words.add(w);
      }
    }
    return singleWordTerms(words, word);
  });
}

/** The index terms of those of `words` that are single words, but `word`'s own terms. */
function singleWordTerms(words: Iterable<string>, word: string): string[] {
  const own = new Set(terms(word));
  const found = new Set<string>();
  for (const w of words) {
    const parts = terms(w);
    if (!w.includes(' ') && parts.length === 1 && !own.has(parts[0] as string)) found.add(parts[0] as string);
  }
  return [...found];
}

/**
 * Adds the adjectives of the place synset at `offset` to `words`: those pertaining to its word
 * number `at` (from 1; 0 for any of its words) and those derived from it.
 */
function addPlaceAdjectives(offset: number, at: number, words: Set<string>): void {
  const wn = wordNet();
  const synset = wn.synset('noun', offset);
  for (const adj of wn.pertainymsOf(offset)) {
    const adjective = wn.synset('adj', adj);
    for (const p of adjective.pointers)
      if (p.symbol === '\\' && p.offset === offset && (at === 0 || p.target === 0 || p.target === at))
        for (const w of wordAt(adjective.words, p.source)) words.add(w);
  }
  for (const p of synset.pointers)
    if (p.symbol === '+' && p.pos === 'adj' && (at === 0 || p.source === 0 || p.source === at))
      for (const w of wordAt(wn.synset('adj', p.offset).words, p.target)) words.add(w);
}

/** The single words of the verbs causing or caused by a verb lemma's first sense, in their first sense. */
function causalWords(lemma: string): string[] {
  const wn = wordNet();
  const first = wn.senses(lemma, 'verb')[0];
  if (first === undefined) return [];
  const offsets = [
    ...wn
      .synset('verb', first)
      .pointers.filter((p) => p.symbol === '>')
      .map((p) => p.offset),
    ...wn.causesOf(first),
  ];
  // As for synonyms, a word counts only in its most frequent sense: "go" means "die" rarely.
  return offsets.flatMap((o) =>
    wn
      .synset('verb', o)
      .words.filter((w) => w !== lemma && !w.includes(' ') && wn.senses(w, 'verb')[0] === o),
  );
}

/**
 * The term a WordNet synonym stands for: its own; for a multiword noun its head, the last word
 * ("military plane": "plane"), and none for a verb's phrase; a hyphenated one is one word written
 * whole ("cease-fire": "ceasefire"), never its last part.
 */
function synonymTerm(w: string, pos: WordNetPos): string | undefined {
  if (!w.includes(' ') && w.includes('-')) return terms(w.replaceAll('-', ''))[0];
  const parts = terms(w);
  return parts.length === 1 ? parts[0] : pos === 'noun' ? parts.at(-1) : undefined;
}

const derivedMemo = new BoundedMemo<string, readonly string[]>(MEMO_LIMIT);

/**
 * The index terms of the words WordNet derives from a word in its first sense, single words only
 * ("terrorism": "terrorist"; "election": "elect"): the one relation a common noun keeps beside
 * its first sense's synonyms, since a derivation shares its sense.
 */
export function derivedTerms(word: string, pos: WordNetPos): readonly string[] {
  return ofFirstSense(derivedMemo, word, pos, (first, lemma) =>
    singleWordTerms(derivedWords(wordNet().synset(pos, first), lemma), word),
  );
}

/**
 * What `read` gives of a word's first sense (its synset's offset) and lemma, remembered in `memo`;
 * none for a word WordNet lacks as `pos`.
 */
function ofFirstSense(
  memo: BoundedMemo<string, readonly string[]>,
  word: string,
  pos: WordNetPos,
  read: (first: number, lemma: string) => readonly string[],
): readonly string[] {
  return memo.get(`${pos}:${word.toLowerCase()}`, () => {
    const lemma = lemmaOf(word, pos);
    const first = wordNet().senses(lemma, pos)[0];
    return first === undefined ? [] : read(first, lemma);
  });
}

/** The single words WordNet derives from `lemma` in `synset` (its own derivations, or the synset's). */
function derivedWords(synset: Synset, lemma: string): string[] {
  const wn = wordNet();
  const source = synset.words.indexOf(lemma) + 1;
  const words: string[] = [];
  for (const p of synset.pointers) {
    if (p.symbol !== '+' || (p.source !== 0 && p.source !== source)) continue;
    for (const w of wordAt(wn.synset(p.pos, p.offset).words, p.target))
      if (w !== '' && !w.includes(' ')) words.push(w);
  }
  return words;
}

function computeRelated(word: string, pos: WordNetPos): readonly string[] {
  const wn = wordNet();
  const lemma = lemmaOf(word, pos);
  const own = new Set(terms(word));
  const found = new Set<string>();
  const add = (w: string) => {
    const head = synonymTerm(w, pos);
    if (head !== undefined && !own.has(head)) found.add(head);
  };
  // Every sense of the word, but a synonym counts only in its own most frequent sense: "restart"
  // is "resume" in its second sense, while "go" means "die" only in a rare sense of "go".
  const senses = wn.senses(lemma, pos);
  const common = (w: string, offset: number) =>
    w.includes(' ') ? offset === senses[0] : wn.senses(w, pos)[0] === offset;
  senses.forEach((offset, sense) => {
    const synset = wn.synset(pos, offset);
    for (const w of synset.words) if (w !== lemma && common(w, offset)) add(w);
    if (sense === 0) for (const w of derivedWords(synset, lemma)) add(w);
  });
  if (pos === 'verb') for (const w of causalWords(lemma)) add(w);
  return [...found];
}

const firstSenseMemo = new BoundedMemo<string, readonly string[]>(MEMO_LIMIT);

/**
 * The index terms of a word's synonyms in its first sense that are theirs too, and for a noun
 * the head of a multiword one ("jet": "plane", from "jet plane"): the narrow synonyms a common
 * word keeps, whose other senses' synonyms are mostly noise.
 */
export function firstSenseTerms(word: string, pos: WordNetPos): readonly string[] {
  return ofFirstSense(firstSenseMemo, word, pos, (first, lemma) => {
    const wn = wordNet();
    const own = new Set(terms(word));
    const found = new Set<string>();
    for (const w of wn.synset(pos, first).words) {
      if (w === lemma) continue;
      const single = !w.includes(' ');
      if (single && wn.senses(w, pos)[0] !== first) continue;
      const head = synonymTerm(w, pos);
      if (head !== undefined && !own.has(head)) found.add(head);
    }
    return [...found];
  });
}

const kindMemo = new BoundedMemo<string, readonly string[]>(MEMO_LIMIT);

/**
 * The index terms of the kinds of person a noun names in its first sense (WordNet's hyponyms),
 * single words only: "diplomat" gives "ambassador", "envoy", "minister"; none for a noun that
 * does not name people. A question's general word then finds the passage naming the particular one.
 */
export function kindTerms(word: string): readonly string[] {
  return kindMemo.get(word.toLowerCase(), () => {
    const wn = wordNet();
    const first = wn.senses(lemmaOf(word, 'noun'), 'noun')[0];
    if (first === undefined) return [];
    // Kinds of things ("weapon": "gun") cost SQuAD more than they gain; kinds of people do not.
    // Listed by readyKindWords for every noun of people once it has run; read here before.
    const kinds =
      kindsOfPeople !== null
        ? (kindsOfPeople.get(first) ?? [])
        : wn.synset('noun', first).lexFile === NOUN_PERSON
          ? hyponymTerms(first)
          : [];
    const own = new Set(terms(word));
    return kinds.filter((t) => !own.has(t));
  });
}
