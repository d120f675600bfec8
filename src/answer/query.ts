/**
 * A question prepared for ranking (`prepareQuery`): its terms and their weights, the filters it runs under, and
 * what was read from it (metadata, a speaker, an overview).
 */
import {
  analyseQuestion,
  type MetadataMention,
  type QuestionAnalysis,
  type TextSpan,
} from '../question/analyse.ts';
import type { AnswerType } from '../question/answer-type.ts';
import { isCoverageNoun } from '../question/framing.ts';
import type { QuestionToken } from '../question/reader.ts';
import { readShorthand } from '../question/shorthand.ts';
import { normaliseWord, type Token, tokenize } from '../search/tokenize.ts';
import { wordNet } from '../search/wordnet.ts';
import { matchSpeaker } from '../statements/speaker-match.ts';
import type { EngineState } from './engine-state.ts';
import { namePhrases } from './phrases.ts';
import { anyArticleIn, eventNamedBy, topicInEveryTitle, withMentions } from './query-filters.ts';
import { EXPANSION_CREDIT, kindsInIndex, relatedInIndex, topicWeights } from './query-terms.ts';
import { type Quotation, quotationOf } from './quoted-text.ts';
import { correctSpelling } from './spelling.ts';
import type { Answer, Correction, Filters } from './types.ts';

/**
 * A prepared question: the terms it is ranked by, the weights of its topic terms (those a passage
 * must contain to answer; framing words such as "say" or "happened" are ranked by but not
 * required), the filters it runs under, and the metadata read from it.
 */
export interface Query {
  terms: string[];
  /** What the index is searched for: `terms`, then other words for the topic's words. */
  searchTerms: string[];
  /** Weight of each of `searchTerms` (1 for the question's own), or null when all weigh 1. */
  searchWeights: number[] | null;
  weights: Map<string, number>;
  filters: Filters;
  /** Metadata read from the question and applied as filters. */
  understood: MetadataMention[];
  /** What the question named that no article matches together, so not applied (see Answer). */
  unmatched: MetadataMention[];
  /** A name asked what they said whom no statement is attributed to (see Answer), or null. */
  unquoted: string | null;
  /**
   * A quotation of words the index leaves out ("Who said “once and for all”?"), to be found in the
   * text as written (any case, any spacing); null when the question quotes none.
   */
  phrase: Quotation | null;
  /** A quotation of two words or more the index holds words of: passages quoting it rank first. */
  quote: Quotation | null;
  /** "Why…?", "How come…?": of sentences matching alike, the excerpt shows the one giving a reason. */
  asksReason: boolean;
  /** An overview is asked for and the question names nothing beyond its filters. */
  overview: boolean;
  /** The newest coverage first ("the latest news"), for an overview. */
  newest: boolean;
  /** "Which outlets covered …?": the best excerpt of each outlet. */
  byOutlet: boolean;
  /** Topic words no passage contains that are not common English words. */
  unknownNames: number;
  /** Distinct topic terms the index holds. */
  knownTerms: number;
  /** Their weight, with that of terms the index holds in other words ("death": "killed"). */
  knownWeight: number;
  /** The speaker whose words it asks for ("What did Lavrov say…": "Sergei Lavrov"), or null. */
  speaker: string | null;
  /** "Who said …?": passages that quote someone come first. */
  asksWho: boolean;
  /** Per passage, the sentence its excerpt must show (a statement's, when the topic weighs nothing). */
  focus: Map<number, number>;
  /** Term ids of the question's multiword names (-1 for a term the index lacks). */
  phrases: Int32Array[];
  /**
   * The speaker's name as topic weight (IDF of its distinct terms the index holds) and their
   * count: matched by a passage quoting the speaker, which need not name them.
   */
  speakerWeight: number;
  speakerTerms: number;
  /**
   * Per topic term (in the order of `weights`), 1 for a noun of the role "Who is the president of
   * Turkey?" asks about, which a passage must hold to answer it.
   */
  roleSlots: Uint8Array;
  /** Its number in the index' QueryMatcher, which holds the ids and IDF of its known terms. */
  number: number;
  /** The kind of answer it asks for ("when…": a time; see question/answer-type.ts). */
  answerType: AnswerType;
  /** Term ids of its capitalised words but the first (-1 for a word the index lacks). */
  nameIds: Int32Array;
  /** Typing slips read as other words (see spelling.ts). */
  corrections: Correction[];
}

/**
 * Reads the question, its typing slips corrected (see spelling.ts, question/analyse.ts): the
 * dates, outlets and event ids it names become filters when the explicit ones leave that key open
 * and some article lies inside them all (their words are then left out of the query); framing
 * words are ranked by but carry no weight; a question asking for an overview whose topic is an
 * event's name is asked of that event.
 */
export function prepareQuery(state: EngineState, typed: string, explicit: Filters): Query | null {
  const shorthand = readShorthand(typed);
  const spelling = correctSpelling(state, shorthand.text);
  const question = spelling.text;
  const corrections = [...shorthand.readings, ...spelling.corrections];
  const analysis = analyseQuestion(question, state.summaries.questionContext);
  let understood = analysis.mentions.filter((m) =>
    Object.keys(m.filter).every((key) => !explicit[key as keyof Filters]),
  );
  let filters = withMentions(explicit, understood);
  let unmatched: MetadataMention[] = [];
  if (understood.length > 0 && !anyArticleIn(state, filters)) {
    unmatched = understood;
    understood = [];
    filters = explicit;
  }
  let text = question;
  for (const m of understood) {
    if (m.described) continue;
    // With its possessive: "The BRICS Post's take on…" leaves no stray "s" to search for.
    const end = m.end + (POSSESSIVE.exec(text.slice(m.end))?.[0].length ?? 0);
    text = `${text.slice(0, m.start)}${' '.repeat(end - m.start)}${text.slice(end)}`;
  }
  const tokens = tokenize(text);
  const notTopic = [...analysis.framing, ...analysis.fillers];
  const framing = (t: TextSpan) => notTopic.some((f) => overlaps(f, t));
  const described = (t: TextSpan) => understood.some((m) => m.described === true && overlaps(m, t));
  // A speaker the coverage quotes is asked for by attribution: their name need not be in the passage.
  const named =
    analysis.speaker !== null && state.statements.read
      ? matchSpeaker(state.statements.speakerNames(), analysis.speaker.text)
      : null;
  // One the coverage never quotes inside the filters is asked about as words, like any name.
  const speaker = named !== null && state.statements.quotedIn(named, filters) ? named : null;
  const spoken = analysis.speaker;
  // A name asked what they said that no statement is attributed to: the answer says so. An
  // outlet's name ("What did NDTV say…") asks what it reported.
  const namesMetadata = (s: TextSpan) => analysis.mentions.some((m) => overlaps(m, s));
  const unquoted =
    spoken !== null &&
    state.statements.read &&
    speaker === null &&
    /^\p{Lu}/u.test(spoken.text) &&
    !namesMetadata(spoken)
      ? `${/\bthe\s+$/i.test(question.slice(0, spoken.start)) ? 'the ' : ''}${spoken.text}`
      : null;
  // "What did officials say about…": people of a kind, not a name; whoever is quoted on the
  // subject comes first, the kinds of person they name ranked at half weight.
  const generic =
    spoken !== null && speaker === null && state.statements.read && namesPeople(analysis.tokens, spoken);
  const naming = (t: TextSpan) => (speaker !== null || generic) && spoken !== null && overlaps(spoken, t);
  // "What does Russia want?": a verb asked of a speaker the coverage quotes frames the question,
  // as "say" does of an outlet ("What did NDTV say about…": what it reported, quoted or not).
  const outletSaid = spoken !== null && speaker === null && namesMetadata(spoken);
  const verb = speaker === null && !outletSaid ? null : analysis.speakerVerb;
  const askedVerb = (t: TextSpan) => verb !== null && overlaps(verb, t);
  // "Where were the talks held?": the verb asks where the event was (see QuestionAnalysis).
  const eventVerb = (t: TextSpan) => analysis.eventVerbs.some((v) => overlaps(v, t));
  let topic = tokens.filter((t) => !framing(t) && !naming(t) && !askedVerb(t) && !eventVerb(t));
  // "What did the March phone call achieve?": a verb the coverage never uses, asked of the
  // metadata a question names, asks what that metadata holds, not for the word. Otherwise an
  // event's description stays a topic ("Who initiated the phone call…" within the call).
  const unusedVerb = (t: { term: string; start: number; end: number }) =>
    state.index.termId(t.term) === undefined && analysis.verbs.some((v) => overlaps(v, t));
  if (understood.length > 0 && topic.filter((t) => !described(t)).every(unusedVerb)) topic = [];
  // Asked of metadata about what every one of its articles is titled on: what they say.
  if (
    understood.length > 0 &&
    topicInEveryTitle(
      state,
      topic.map((t) => t.term),
      filters,
    )
  )
    topic = [];
  let namedEvent = false;
  if (analysis.overview && topic.length > 0 && !filters.event) {
    const event = eventNamedBy(state, new Set(topic.map((t) => t.term)), filters);
    if (event !== null) {
      filters = { ...filters, event };
      topic = [];
      namedEvent = true;
    }
  }
  // "What did the ministry say?" asks for the speaker's statements, not an overview.
  // A quotation of stop words only ("once and for all") has no posting: it is looked for as written.
  const quoted = quotation(question, analysis.quoted);
  const phrase = quoted !== null && !quoted.indexed ? quoted.quotation : null;
  const asksOverview =
    phrase === null &&
    topic.length === 0 &&
    speaker === null &&
    (understood.length > 0 || analysis.framing.length > 0 || namedEvent);
  if (tokens.length === 0 && !asksOverview && phrase === null) return null;
  const { related, places } = relatedInIndex(
    state,
    topic,
    text,
    analysis.tokens,
    new Set(tokens.map((t) => t.term)),
  );
  // Asked of an outlet, event or dates ("What did NDTV say about Turkey?"), a name its articles
  // hold only as its place's adjective ("Turkish forces") is matched whole; ranked at half weight.
  const scoped = Object.values(filters).some((v) => v !== undefined);
  const { weights, queryTerms, unknownNames, knownTerms, knownWeight } = topicWeights(
    state,
    topic,
    text,
    analysis.tokens,
    related,
    scoped ? places : new Set(),
  );
  // "What time…": the noun asks for a time; ranked by, it finds "the first time" (still matched).
  const asked = analysis.answerType;
  const typeTerm = asked.noun === null ? null : normaliseWord(asked.noun);
  const termList = tokens.map((t) => t.term);
  // "What did the media say…": the coverage itself, not a word its passages should hold.
  const coverageWords = new Set(
    tokens
      .filter((t) => analysis.tokens.some((a) => overlaps(a, t) && isCoverageNoun(a.lemma, a.pos)))
      .map((t) => t.term),
  );
  // The answer-type noun is left out only when the question uses it once.
  const typeOnce = typeTerm !== null && termList.indexOf(typeTerm) === termList.lastIndexOf(typeTerm);
  const eventTerms = new Set(tokens.filter(eventVerb).map((t) => t.term));
  const outletVerb = new Set(outletSaid ? tokens.filter(askedVerb).map((t) => t.term) : []);
  const rankedTerms = termList.filter(
    (t) => !coverageWords.has(t) && !(typeOnce && t === typeTerm) && !eventTerms.has(t) && !outletVerb.has(t),
  );
  const kindsOf = generic ? [...topic, ...tokens.filter(naming)] : topic;
  const speakerIdf = new Map<string, number>();
  if (speaker !== null)
    for (const t of tokens.filter(naming)) {
      const idf = state.index.idf(t.term);
      if (idf !== null) speakerIdf.set(t.term, idf);
    }
  const kinds = kindsInIndex(state, kindsOf, text, analysis.tokens, new Set(termList), related);
  const expansions = [...new Set([...related.values()].flat()), ...kinds];
  return {
    terms: termList,
    searchTerms: expansions.length === 0 ? rankedTerms : [...rankedTerms, ...expansions],
    searchWeights:
      expansions.length === 0
        ? null
        : [...rankedTerms.map(() => 1), ...expansions.map(() => EXPANSION_CREDIT)],
    weights,
    filters,
    understood,
    unmatched,
    unquoted,
    phrase,
    asksReason: /^\W*(?:why|how come)\b/i.test(question),
    quote: quoted?.indexed ? quoted.quotation : null,
    overview: asksOverview,
    newest: analysis.newest,
    byOutlet: analysis.asksOutlets,
    unknownNames,
    knownTerms,
    knownWeight,
    speaker,
    speakerWeight: [...speakerIdf.values()].reduce((a, b) => a + b, 0),
    speakerTerms: speakerIdf.size,
    roleSlots: roleSlotsOf(weights, topic, analysis),
    asksWho: (analysis.asksWho || generic) && state.statements.read,
    focus: new Map(),
    phrases: namePhrases(text, topic).map((p) => Int32Array.from(p, (t) => state.index.termId(t) ?? -1)),
    number: state.matcher.setQuery(queryTerms),
    answerType: asked.type,
    nameIds: Int32Array.from(capitalised(text, tokens), (t) => state.index.termId(t.term) ?? -1),
    corrections,
  };
}

/** What an answer to `query` reports having read from its question (see Answer). */
export function readFromQuestion(
  query: Query | null,
): Pick<Answer, 'understood' | 'unmatched' | 'unquoted' | 'corrections'> {
  return {
    understood: query?.understood ?? [],
    ...(query !== null && query.unmatched.length > 0 ? { unmatched: query.unmatched } : {}),
    ...(query?.unquoted ? { unquoted: query.unquoted } : {}),
    corrections: query?.corrections ?? [],
  };
}

/**
 * The question's first quotation of two words or more, or of words tokenize leaves out only, and
 * whether the index holds any of its words; null when it quotes none.
 */
function quotation(
  question: string,
  quoted: readonly TextSpan[],
): { quotation: Quotation; indexed: boolean } | null {
  for (const { start, end } of quoted) {
    const raw = question.slice(start, end);
    const found = quotationOf(raw);
    const words = found.text.trim() === '' ? 0 : found.text.trim().split(' ').length;
    const indexed = tokenize(raw).length > 0;
    if (words === 0 || (indexed && words < 2)) continue;
    return { quotation: found, indexed };
  }
  return null;
}

/** A possessive ending right after a name ("'s", "’s", or a bare apostrophe after an s). */
const POSSESSIVE = /^['’]s?(?![\p{L}\p{N}])/u;

/** The tokens of `text` written with a capital, but its first word ("Who", "Where"). */
function capitalised<T extends { start: number }>(text: string, tokens: readonly T[]): T[] {
  const first = text.search(/[\p{L}\p{N}]/u);
  return tokens.filter((t) => {
    const c = text[t.start] as string;
    return t.start !== first && c !== c.toLowerCase();
  });
}

/**
 * Per term of `weights`, 1 when it is a role's noun naming a kind of person ("president",
 * "envoy"; not "UN" of "the UN envoy"): see question/role.ts.
 */
function roleSlotsOf(
  weights: ReadonlyMap<string, number>,
  topic: readonly Token[],
  analysis: QuestionAnalysis,
): Uint8Array {
  const roles = new Set<string>();
  for (const t of topic) {
    const read = analysis.tokens.find((r) => overlaps(r, t));
    if (
      read !== undefined &&
      analysis.roles.some((r) => overlaps(r, t)) &&
      wordNet().isPersonNoun(read.lemma)
    )
      roles.add(t.term);
  }
  return Uint8Array.from(weights.keys(), (term) => (roles.has(term) ? 1 : 0));
}

/** Do the two spans of the question share a character? */
function overlaps(a: TextSpan, b: TextSpan): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * Is the speaker span a common noun naming people ("What did officials say…", "What do the
 * diplomats think…")? Not after a form of "be": "What are astronauts called?" asks a name.
 */
function namesPeople(read: readonly QuestionToken[], span: TextSpan): boolean {
  const at = read.findIndex((t) => overlaps(t, span));
  const noun = read.findLast((t) => overlaps(t, span));
  const auxiliary = read.slice(0, at).findLast((t) => t.pos === 'AUX');
  return (
    noun !== undefined &&
    noun.pos === 'NOUN' &&
    !/^\p{Lu}/u.test(noun.text) &&
    auxiliary !== undefined &&
    auxiliary.lemma !== 'be' &&
    // "people" is a group to WordNet, but "What did people say…" asks what anyone said.
    (noun.lemma === 'people' || wordNet().isPersonNoun(noun.lemma))
  );
}
