/**
 * The weights of a question's topic words, and the other words for them (see search/expansions.ts)
 * that the index holds, with the share of weight they earn.
 */
import type { QuestionToken } from '../question/reader.ts';
import { isCommonWord } from '../search/common-words.ts';
import {
  causalTerms,
  derivedTerms,
  firstSenseTerms,
  isVerbLemma,
  kindTerms,
  placeTerms,
  relatedTerms,
} from '../search/expansions.ts';
import { normaliseWord, type Token, tokenWord } from '../search/tokenize.ts';
import type { WordNetPos } from '../search/wordnet.ts';
import type { EngineState } from './engine-state.ts';
import { UNKNOWN_COMMON_NOUN_WEIGHT, UNKNOWN_COMMON_WORD_WEIGHT, UNKNOWN_TERM_WEIGHT } from './no-answer.ts';
import type { QueryTerm } from './query-matches.ts';

/**
 * Share of a topic word's weight another word for it earns ("revolt" for "uprising", see
 * search/expansions.ts), in ranking and in what a passage matches: half, so it never outranks the
 * word itself.
 */
export const EXPANSION_CREDIT = 0.5;
/** WordNet's part of speech of wink's tags; names (PROPN) are not expanded but for places. */
const WORDNET_POS: Readonly<Record<string, WordNetPos>> = {
  NOUN: 'noun',
  VERB: 'verb',
  ADJ: 'adj',
  ADV: 'adv',
};

/**
 * For each topic term, the other words for it (see search/expansions.ts) the index holds and the
 * question does not use, each given to one term only; names are not expanded, but for a place's
 * adjective and an adjective's place; `places` names the terms related that way.
 */
export function relatedInIndex(
  state: EngineState,
  topic: readonly Token[],
  text: string,
  read: readonly QuestionToken[],
  asked: ReadonlySet<string>,
): { related: Map<string, string[]>; places: Set<string> } {
  const related = new Map<string, string[]>();
  const places = new Set<string>();
  const taken = new Set(asked);
  /** Gives `term` those of `candidates` the index holds and no other term took; true if any. */
  const relate = (term: string, candidates: readonly string[]): boolean => {
    const found = candidates.filter((t) => !taken.has(t) && state.index.termId(t) !== undefined);
    for (const t of found) taken.add(t);
    if (found.length > 0) related.set(term, found);
    return found.length > 0;
  };
  const lower = text === text.toLowerCase();
  for (const token of topic) {
    const { term, start, end } = token;
    if (related.has(term)) continue;
    const tag = tagAt(read, start, end);
    const word = tokenWord(text, token);
    // A place and its adjective ("Turkey", "Turkish") are the one name expanded; in a question
    // typed all in lower case, a name is tagged a noun ("what do the americans want").
    const name = (tag === 'PROPN' || tag === 'ADJ') && /^\p{Lu}/u.test(word);
    if ((name || (lower && (tag === 'NOUN' || tag === 'ADJ'))) && relate(term, placeTerms(word))) {
      places.add(term);
      continue;
    }
    const pos = WORDNET_POS[tag];
    if (pos === undefined) continue;
    // A verb with its particle ("break out", "call off") is one verb to WordNet: its own synonyms.
    const phrasal = pos === 'verb' ? phrasalVerb(read, start) : null;
    if (phrasal !== null && relate(term, firstSenseTerms(phrasal, 'verb'))) continue;
    // A word written whole that the coverage hyphenates ("relaunch", "re-launch") stands for its
    // head, as a multiword synonym does.
    if (state.index.termId(term) === undefined && relate(term, compoundHead(state, word))) continue;
    // A common word ("make", "start") has many senses: its other words are mostly noise, but
    // the verbs of cause and effect ("died": "killed"; "death": "die", "kill") are not, nor a
    // noun's first-sense synonyms and derivations ("terrorism": "terrorist").
    const common = isCommonWord(word);
    if (common && pos !== 'verb' && pos !== 'noun') continue;
    relate(
      term,
      common
        ? [
            ...causalTerms(word, pos as 'noun' | 'verb'),
            ...(pos === 'noun' ? [...firstSenseTerms(word, pos), ...derivedTerms(word, pos)] : []),
          ]
        : relatedTerms(word, pos),
    );
  }
  return { related, places };
}

/**
 * Kinds of person searched for at most per noun, in WordNet's order: "workers" has over 80, and
 * each is a posting list to score.
 */
const KINDS_PER_NOUN = 12;

/**
 * The kinds of the people a question's nouns name (see kindTerms: "diplomats" gives "minister",
 * "envoy") that the index holds and neither the question nor `related` uses. They rank a passage
 * that names the particular person, but vouch for nothing: the no-answer decision and the
 * matches read only the question's words and their other words.
 */
export function kindsInIndex(
  state: EngineState,
  topic: readonly Token[],
  text: string,
  read: readonly QuestionToken[],
  asked: ReadonlySet<string>,
  related: ReadonlyMap<string, string[]>,
): string[] {
  const taken = new Set(asked);
  for (const terms of related.values()) for (const t of terms) taken.add(t);
  const kinds: string[] = [];
  for (const token of topic) {
    if (tagAt(read, token.start, token.end) !== 'NOUN') continue;
    let found = 0;
    for (const t of kindTerms(tokenWord(text, token))) {
      if (found === KINDS_PER_NOUN) break;
      if (!taken.has(t) && state.index.termId(t) !== undefined) {
        taken.add(t);
        kinds.push(t);
        found++;
      }
    }
  }
  return kinds;
}

/** Particles that make a phrasal verb with the verb before them ("break out", "set up"). */
const PARTICLES: ReadonlySet<string> = new Set(
  'out up off down over in on away back into through about around apart forward'.split(' '),
);

/**
 * The phrasal verb WordNet lists that the verb starting at `start` makes with the word after it
 * ("break out", "call off", "step down"), as WordNet spells it; null when there is none.
 */
function phrasalVerb(read: readonly QuestionToken[], start: number): string | null {
  const at = read.findIndex((t) => t.start === start);
  const verb = read[at];
  const particle = read[at + 1];
  if (verb === undefined || particle === undefined || !PARTICLES.has(particle.text.toLowerCase()))
    return null;
  const phrase = `${verb.lemma} ${particle.text.toLowerCase()}`;
  return isVerbLemma(phrase) ? phrase : null;
}

/** wink's tag of the question token that overlaps [start, end) first; '' when none does. */
function tagAt(read: readonly QuestionToken[], start: number, end: number): string {
  return read.find((t) => t.start < end && start < t.end)?.pos ?? '';
}

/** Shortest first part and head of a closed compound split by `compoundHead`. */
const COMPOUND_PART = 2;
const COMPOUND_HEAD = 4;

/**
 * The head of `word` read as a closed compound of two words the index holds ("relaunch": "re" and
 * "launch" gives "launch"), the longest such head; none when no split has both parts indexed.
 */
function compoundHead(state: EngineState, word: string): string[] {
  const lower = word.toLowerCase();
  if (!/^\p{Ll}+$/u.test(lower)) return [];
  for (let at = COMPOUND_PART; at <= lower.length - COMPOUND_HEAD; at++) {
    const first = normaliseWord(lower.slice(0, at));
    const head = normaliseWord(lower.slice(at));
    if (first === null || head === null) continue;
    if (state.index.termId(first) !== undefined && state.index.termId(head) !== undefined) return [head];
  }
  return [];
}

/**
 * The weight of each topic term — its IDF, or a share of the largest IDF for a term the index
 * lacks (less for a common word, see no-answer.ts) — with the ids that match it in the query
 * matcher (its own at full credit, its `related` words at EXPANSION_CREDIT, or whole for a term
 * of `wholeNames`), how many topic
 * words the coverage lacks that are not common words, how many distinct ones it holds, and their
 * weight with that of the terms it holds only in other words.
 * `read` is the question's tokens as wink tags them.
 */
export function topicWeights(
  state: EngineState,
  topic: readonly Token[],
  text: string,
  read: readonly QuestionToken[],
  related: ReadonlyMap<string, string[]>,
  wholeNames: ReadonlySet<string> = new Set(),
): {
  weights: Map<string, number>;
  queryTerms: QueryTerm[];
  unknownNames: number;
  knownTerms: number;
  knownWeight: number;
} {
  const weights = new Map<string, number>();
  const ids = new Map<string, number>();
  let unknownNames = 0;
  let knownTerms = 0;
  let knownWeight = 0;
  for (const token of topic) {
    const { term, start, end } = token;
    const id = state.index.termId(term);
    const idf = state.index.idf(term);
    if (id !== undefined && idf !== null) {
      if (!weights.has(term)) {
        knownTerms++;
        knownWeight += idf;
      }
      weights.set(term, idf);
      ids.set(term, id);
      continue;
    }
    // A term the coverage lacks: less weight when the word asked is a common one (see
    // no-answer.ts), least when it is not a noun ("start", "happened" frame a question; a noun
    // such as "election" names what it is about).
    const common = isCommonWord(tokenWord(text, token));
    const noun = read.some((t) => t.start < end && start < t.end && t.pos === 'NOUN');
    if (!common && !weights.has(term)) unknownNames++;
    const share = !common
      ? UNKNOWN_TERM_WEIGHT
      : noun
        ? UNKNOWN_COMMON_NOUN_WEIGHT
        : UNKNOWN_COMMON_WORD_WEIGHT;
    const weight = share * state.index.maxIdf(state.config.k);
    // Said in other words the index holds ("death": "killed"), the subject is known.
    if (related.has(term) && !weights.has(term)) knownWeight += weight;
    weights.set(term, Math.max(weights.get(term) ?? 0, weight));
  }
  const queryTerms: QueryTerm[] = [...weights].map(([term, weight]) => {
    const own = ids.get(term);
    const others = (related.get(term) ?? []).map((t) => ({
      id: state.index.termId(t) as number,
      credit: wholeNames.has(term) ? 1 : EXPANSION_CREDIT,
    }));
    return { weight, ids: own === undefined ? others : [{ id: own, credit: 1 }, ...others] };
  });
  return { weights, queryTerms, unknownNames, knownTerms, knownWeight };
}
