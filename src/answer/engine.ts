/**
 * A searchable corpus: the articles, their sentences and passages, and the BM25F index over the
 * passages. `ask` turns a question into an Answer (plain data) that the CLI and the bot render.
 */
import { byDate, Catalog, type EventSummary, type SourceSummary } from '../corpus/catalog.ts';
import type { ArticleEnds } from '../corpus/diff.ts';
import type { Article, Corpus } from '../corpus/types.ts';
import type { Passage } from '../passages/passages.ts';
import type { SentenceSpan } from '../passages/sentences.ts';
import {
  analyseQuestion,
  contextOf,
  type MetadataMention,
  type QuestionContext,
} from '../question/analyse.ts';
import { ContextCounts } from '../question/context-counts.ts';
import type { QuestionToken } from '../question/reader.ts';
import {
  Bm25Index,
  type BuildOptions,
  IndexError,
  indexPassages,
  type PostingData,
  type ScoredPassage,
} from '../search/bm25-index.ts';
import { isCommonWord } from '../search/common-words.ts';
import { causalTerms, relatedTerms } from '../search/expansions.ts';
import type { ParallelOptions } from '../search/parallel-terms.ts';
import type { PassageIndex } from '../search/passage-index.ts';
import { DEFAULT_RANKING_CONFIG, type RankingConfig } from '../search/ranking-config.ts';
import { type Token, terms, tokenize } from '../search/tokenize.ts';
import { sortBest } from '../search/top-heap.ts';
import type { WordNetPos } from '../search/wordnet.ts';
import { extractStatements, extractStatementsInSteps } from '../statements/build.ts';
import { matchSpeaker } from '../statements/speaker-match.ts';
import type { Statement } from '../statements/types.ts';
import { joinRows, type RowRun, type TermTable } from '../util/term-table.ts';
import { cutArticles, renumberTerms } from './cut-articles.ts';
import { type ChosenExcerpt, chooseExcerpt, highlightsOf, type TrimMemo } from './excerpt.ts';
import { articleMatches, PassageMasks, sourceMatches } from './filters.ts';
import {
  isNoAnswer,
  type QueryMatch,
  UNKNOWN_COMMON_NOUN_WEIGHT,
  UNKNOWN_COMMON_WORD_WEIGHT,
  UNKNOWN_TERM_WEIGHT,
} from './no-answer.ts';
import { holdsPhrase, namePhrases } from './phrases.ts';
import { PairMatcher } from './proximity.ts';
import { published } from './published.ts';
import { QueryMatcher, type QueryTerm } from './query-matches.ts';
import { isSameCodedCopy, ShingleCoder } from './syndication.ts';
import type { AlsoReported, Answer, Excerpt, Filters } from './types.ts';

/** Default number of excerpts in an answer. */
export const DEFAULT_RESULT_COUNT = 3;
/** Largest number of excerpts one answer may ask for. */
export const MAX_RESULT_COUNT = 10;
/** At most this many excerpts of one article in a result list. */
export const MAX_EXCERPTS_PER_ARTICLE = 2;
/**
 * Excerpts scoring below this share of the best one are left out: after a strong match, passages
 * that share one common word with the question are noise, not answers.
 */
export const MIN_RELATIVE_SCORE = 0.2;
/**
 * How much more a passage quoting the speaker a question asks about weighs in re-ranking
 * ("What did Lavrov say about the ceasefire?": Lavrov's statements on it before others' on it).
 */
const SPEAKER_BOOST = 1;
/** Candidates examined after the needed excerpts are found, for copies of them run by other outlets. */
const COPY_LOOKAHEAD = 12;
/** Ranked passages looked at to build, group and page the excerpts of one answer. */
const CANDIDATE_PASSAGES = 60;
/**
 * Share of a topic word's weight another word for it earns ("revolt" for "uprising", see
 * search/expansions.ts), in ranking and in what a passage matches: half, so it never outranks the
 * word itself.
 */
const EXPANSION_CREDIT = 0.5;
/** WordNet's part of speech of wink's tags; names (PROPN) are not expanded. */
const WORDNET_POS: Readonly<Record<string, WordNetPos>> = {
  NOUN: 'noun',
  VERB: 'verb',
  ADJ: 'adj',
  ADV: 'adv',
};

/** What `compare` sets side by side: each outlet's best excerpt, or each speaker's. */
export type CompareBy = 'outlet' | 'speaker';

/** Options of one question. */
export interface AskOptions {
  filters?: Filters;
  /** Number of excerpts, 1 to MAX_RESULT_COUNT (default 3). */
  count?: number;
  /** Number of excerpts to skip (paging). */
  offset?: number;
}

/**
 * A prepared question: the terms it is ranked by, the weights of its topic terms (those a passage
 * must contain to answer; framing words such as "say" or "happened" are ranked by but not
 * required), the filters it runs under, and the metadata read from it.
 */
interface Query {
  terms: string[];
  /** What the index is searched for: `terms`, then other words for the topic's words. */
  searchTerms: string[];
  /** Weight of each of `searchTerms` (1 for the question's own), or null when all weigh 1. */
  searchWeights: number[] | null;
  weights: Map<string, number>;
  filters: Filters;
  /** Metadata read from the question and applied as filters. */
  understood: MetadataMention[];
  /** An overview is asked for and the question names nothing beyond its filters. */
  overview: boolean;
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
  /** Its number in the index' QueryMatcher, which holds the ids and IDF of its known terms. */
  number: number;
}

export type { EventSummary, SourceSummary };

/** Everything an index is made of; plain arrays, so it can be saved and loaded. */
export interface IndexParts {
  corpus: Corpus;
  config: RankingConfig;
  /** Per article, its sentence spans. */
  sentences: SentenceSpan[][];
  passages: Passage[];
  postings: PostingData;
  /** Term ids of every sentence (articles in order, then sentences in order). */
  sentenceTerms: TermTable;
  /** Term ids of every article's title. */
  titleTerms: TermTable;
  /**
   * The statements the articles report, articles in order (see statements/), or null when they
   * are not read yet: reading them runs wink over every article, so a build leaves it for later.
   */
  statements: Statement[] | null;
}

/**
 * What an engine is made of in memory: its parts but the postings, which its index holds. Its
 * sentence rows may lie anywhere in `sentenceTerms` (a change appends the rows of the articles it
 * indexes to the table it shares with the engine before it): `sentenceRows`, when given, is the
 * row of each article's first sentence; without it they are in article order. `articleOf`, when
 * given, is each passage's article and wins over `passages[slot].article`: a change that shifts
 * article numbers patches this array instead of making every later passage's record again.
 */
export type EngineParts = Omit<IndexParts, 'postings'> & {
  sentenceRows?: Int32Array;
  /** Row of each article's title in `titleTerms`, when not in article order (see `sentenceRows`). */
  titleRows?: Int32Array;
  articleOf?: Int32Array;
};

/** Options of `buildIndex`. */
export interface IndexBuildOptions extends BuildOptions {
  /** How the text is shared with worker threads (see `tokeniseCorpus`); the defaults suit a build. */
  parallel?: ParallelOptions;
}

/**
 * Splits every article into sentences and passages and indexes the passages. Each sentence and
 * title is tokenised once, into term ids (a large corpus on two threads, see `tokeniseCorpus`); a
 * passage's body is the run of its sentences' ids. With
 * `keepEngine`, wink-bm25-text-search builds its own model too and every weight is checked
 * against it (see `indexPassages`).
 */
export function buildIndex(
  corpus: Corpus,
  config: RankingConfig = DEFAULT_RANKING_CONFIG,
  options: IndexBuildOptions = {},
): AnswerEngine {
  const { sentences, passages, sentenceTerms, titleTerms, fields } = cutArticles(
    corpus.articles,
    config,
    options.parallel,
  );
  const { index, termIdOf } = indexPassages(fields, config, options);
  // From the vocabulary's ids to the index' (-1: in no passage).
  renumberTerms([sentenceTerms, titleTerms], termIdOf);
  return new AnswerEngine(
    {
      corpus,
      config,
      sentences,
      passages,
      postings: index.data,
      sentenceTerms,
      titleTerms,
      statements: null,
    },
    index,
  );
}

/**
 * A built index over one corpus. Immutable: a change makes a new one (see `updateEngine`, which
 * reuses what did not change). Passages are numbered as the index numbers them; with a segmented
 * index some numbers are deleted passages, which no search returns.
 */
export class AnswerEngine {
  readonly corpus: Corpus;
  readonly config: RankingConfig;
  readonly index: PassageIndex;
  /** Who said what: every statement the articles report, articles in order. */
  private statementList: Statement[] | null;
  private statementsReading: Promise<void> | null = null;
  /** Per article, its statements (made from `statementList` once read). */
  private statementsOfArticle: Statement[][] | null = null;
  /** Each quoted speaker's articles, in corpus order (made from `statementList` once read). */
  private speakerArticles: Map<string, number[]> | null = null;
  private readonly sentences: SentenceSpan[][];
  private readonly passages: Passage[];
  private readonly articleOf: Int32Array;
  /** Events, outlets and date order of the corpus, made when first needed (see `catalog`). */
  private catalogMade: Catalog | null = null;
  private readonly masks: PassageMasks;
  private readonly sentenceTerms: TermTable;
  private readonly titleTerms: TermTable;
  /** Row of an article's first sentence in `sentenceTerms`. */
  private readonly sentenceBase: Int32Array;
  /** Row of an article's title in `titleTerms`. */
  private readonly titleRow: Int32Array;
  private readonly matcher: QueryMatcher;
  /** What questions are read against (outlets, event ids, years), made on first use (see `warmUp`). */
  private questionContextMade: QuestionContext | null = null;
  private contextCountsMade: ContextCounts | null = null;
  /** What the engine before a change had made of these, until this engine makes its own (see `summariesFrom`). */
  private previousSummaries: {
    catalog: Catalog | null;
    counts: ContextCounts | null;
    articles: readonly Article[];
    ends: ArticleEnds;
  } | null = null;
  /** Each article's first passage (its lead). */
  private readonly leadPassage: Int32Array;
  /** Index terms of each event's name, for "Summarise the Geneva talks". */
  private readonly eventNameTerms: Map<string, Set<string>>;
  private readonly pairs: PairMatcher;
  private readonly shingles = new ShingleCoder();
  /** Scratch for groupExcerpts: the (article, start, end) of each excerpt kept for an answer. */
  private keptSpans: Int32Array = new Int32Array(192);
  /** Scratch for excerptOf: the query weight of each sentence of a passage. */
  private sentenceWeights = new Float64Array(8);

  /**
   * `index` must be built from these parts' passages (from `parts.postings` when given without
   * it; a Bm25Index may keep wink's engine).
   */
  constructor(parts: EngineParts & { postings?: PostingData }, index?: PassageIndex) {
    if (index === undefined && parts.postings === undefined)
      throw new IndexError('AnswerEngine: give it an index, or the postings to make one from');
    this.sentenceTerms = parts.sentenceTerms;
    this.titleTerms = parts.titleTerms;
    this.titleRow = parts.titleRows ?? Int32Array.from(parts.corpus.articles, (_, a) => a);
    this.sentenceBase = parts.sentenceRows ?? new Int32Array(parts.sentences.length);
    if (parts.sentenceRows === undefined) {
      let base = 0;
      for (let a = 0; a < parts.sentences.length; a++) {
        this.sentenceBase[a] = base;
        base += (parts.sentences[a] as SentenceSpan[]).length;
      }
    }
    this.corpus = parts.corpus;
    this.config = parts.config;
    this.sentences = parts.sentences;
    this.passages = parts.passages;
    this.statementList = parts.statements;
    this.index = index ?? new Bm25Index(parts.postings as PostingData);
    this.matcher = new QueryMatcher(this.index.termCount);
    this.pairs = new PairMatcher(this.index.termCount);
    this.articleOf = parts.articleOf ?? Int32Array.from(parts.passages, (p) => p.article);
    this.leadPassage = new Int32Array(parts.corpus.articles.length).fill(-1);
    for (let p = parts.passages.length - 1; p >= 0; p--) {
      const a = this.articleOf[p] as number;
      if (a >= 0) this.leadPassage[a] = p;
    }
    this.masks = new PassageMasks(parts.corpus.articles, this.articleOf);
    this.eventNameTerms = new Map(parts.corpus.events.map((e) => [e.id, new Set(terms(e.name))]));
  }

  /**
   * Events, outlets and date order of the corpus, made on first use: a change is served without
   * waiting for its sort (see `warmUp`).
   */
  private get catalog(): Catalog {
    const previous = this.previousSummaries;
    this.catalogMade ??=
      previous?.catalog == null
        ? Catalog.of(this.corpus)
        : Catalog.after(previous.catalog, previous.articles, this.corpus, previous.ends);
    this.dropPrevious();
    return this.catalogMade;
  }

  /** The counts the question context is made of, from the engine before a change when it made them. */
  private get contextCounts(): ContextCounts {
    const previous = this.previousSummaries;
    if (this.contextCountsMade === null) {
      if (previous?.counts == null) this.contextCountsMade = ContextCounts.of(this.corpus.articles);
      else {
        const { start, beforeEnd, afterEnd } = previous.ends;
        this.contextCountsMade = previous.counts.after(
          previous.articles.slice(start, beforeEnd),
          this.corpus.articles.slice(start, afterEnd),
        );
      }
    }
    this.dropPrevious();
    return this.contextCountsMade;
  }

  /** Once both are made, the engine before a change is not needed any more. */
  private dropPrevious(): void {
    if (this.catalogMade !== null && this.contextCountsMade !== null) this.previousSummaries = null;
  }

  /**
   * Makes this engine's catalogue and question context, when first needed, from those of
   * `previous` (the engine of the corpus before a change) if it made them: only the articles the
   * change touched are read then (`ends`: `sameEnds` of the two engines' articles). What
   * `updateEngine` does.
   */
  summariesFrom(previous: AnswerEngine, ends: ArticleEnds): void {
    if (this.catalogMade !== null || this.contextCountsMade !== null) return;
    this.previousSummaries = {
      catalog: previous.catalogMade,
      counts: previous.contextCountsMade,
      articles: previous.corpus.articles,
      ends,
    };
  }

  /**
   * Outlets, event ids and the years of dates, for reading questions, made on first use: like the
   * catalogue, a pass over every article that a change need not wait for.
   */
  private get questionContext(): QuestionContext {
    this.questionContextMade ??= contextOf(this.contextCounts, this.corpus.events, (word) =>
      terms(word).some((t) => this.index.termId(t) !== undefined),
    );
    return this.questionContextMade;
  }

  /** Makes now what this engine would otherwise make at its first question (the catalogue, the question context). */
  warmUp(): void {
    void this.catalog;
    void this.questionContext;
  }

  /**
   * The parts this index is made of (for saving it): deleted passages left out and the others
   * numbered in order, so that they load as one build's index that ranks as this one does.
   */
  parts(): IndexParts {
    const index = this.index;
    const { sentenceRows: _rows, titleRows: _titles, articleOf: _articles, ...parts } = this.engineParts();
    return {
      ...parts,
      sentenceTerms: rowsInOrder(
        this.sentenceTerms,
        this.sentenceBase,
        (a) => this.sentences[a]?.length ?? 0,
      ),
      titleTerms: rowsInOrder(this.titleTerms, this.titleRow, () => 1),
      passages: this.livePassages(),
      postings: index.postingData(),
    };
  }

  /** The passages the index holds, in slot order, each with its article as this engine numbers them. */
  private livePassages(): Passage[] {
    const live: Passage[] = [];
    for (let slot = 0; slot < this.passages.length; slot++)
      if (this.index.isLive(slot)) live.push(this.passageAt(slot));
    return live;
  }

  /** The passage in `slot`, with its article as this engine numbers them (see `articleOf`). */
  private passageAt(slot: number): Passage {
    const p = this.passages[slot] as Passage;
    const article = this.articleOf[slot] as number;
    return p.article === article ? p : { ...p, article };
  }

  /** The parts as they are in memory, passages numbered as the index numbers them (see engine-update.ts). */
  engineParts(): EngineParts {
    return {
      corpus: this.corpus,
      config: this.config,
      sentences: this.sentences,
      passages: this.passages,
      articleOf: this.articleOf,
      sentenceTerms: this.sentenceTerms,
      sentenceRows: this.sentenceBase,
      titleTerms: this.titleTerms,
      titleRows: this.titleRow,
      statements: this.statementList === null ? null : [...this.statementList],
    };
  }

  /** The statements the articles report (see statements/), read now if they are not yet. */
  get statements(): readonly Statement[] {
    this.statementList ??= extractStatements(this.corpus.articles, this.sentences);
    return this.statementList;
  }

  /** Whether the statements are read, so that `statements` costs nothing. */
  get statementsRead(): boolean {
    return this.statementList !== null;
  }

  /** Reads the statements a few articles at a time, yielding between them (once; later calls wait for it). */
  readStatements(): Promise<void> {
    this.statementsReading ??= extractStatementsInSteps(this.corpus.articles, this.sentences).then((list) => {
      this.statementList ??= list;
    });
    return this.statementsReading;
  }

  /** Each article's statements, or null while they are not read (nothing reads them for this). */
  private articleStatements(): Statement[][] | null {
    if (this.statementList === null) return null;
    if (this.statementsOfArticle === null) {
      const byArticle: Statement[][] = this.corpus.articles.map(() => []);
      for (const s of this.statementList) byArticle[s.article]?.push(s);
      this.statementsOfArticle = byArticle;
    }
    return this.statementsOfArticle;
  }

  /** The speakers the coverage quotes, once its statements are read. */
  private speakerNames(): string[] {
    return [...this.articlesOfSpeakers().keys()];
  }

  /** Each speaker the coverage quotes, with the articles that quote them. */
  private articlesOfSpeakers(): Map<string, number[]> {
    if (this.speakerArticles === null) {
      const map = new Map<string, number[]>();
      for (const s of this.statementList ?? []) {
        if (s.speaker === null) continue;
        const list = map.get(s.speaker) ?? [];
        if (list.at(-1) !== s.article) list.push(s.article);
        map.set(s.speaker, list);
      }
      this.speakerArticles = map;
    }
    return this.speakerArticles;
  }

  /**
   * The speaker of the statement text[start, end) of an article quotes: of the statements it
   * overlaps, the one it overlaps most; null when it quotes none, its speaker is unknown, or the
   * statements are not read yet.
   */
  private speakerAt(article: number, start: number, end: number): string | null {
    let best: Statement | null = null;
    let most = 0;
    for (const s of this.articleStatements()?.[article] ?? []) {
      const overlap = Math.min(end, s.end) - Math.max(start, s.start);
      if (overlap > most) {
        best = s;
        most = overlap;
      }
    }
    return best?.speaker ?? null;
  }

  /** Does some article inside the filters hold a statement by `speaker`? */
  private quotedIn(speaker: string, filters: Filters): boolean {
    return (this.articlesOfSpeakers().get(speaker) ?? []).some((a) =>
      articleMatches(this.corpus.articles[a] as Article, filters),
    );
  }

  /** Does the passage hold a statement by `speaker` (by anyone named, when `speaker` is null)? */
  private quotes(passage: Passage, speaker: string | null): boolean {
    return (this.articleStatements()?.[passage.article] ?? []).some(
      (s) =>
        s.start < passage.end &&
        passage.start < s.end &&
        (speaker === null ? s.speaker !== null : s.speaker === speaker),
    );
  }

  /** Passages served (deleted ones not counted). */
  get passageCount(): number {
    return this.index.passageCount;
  }

  /** The display name of an event id, or null when the corpus does not define it. */
  eventName(id: string): string | null {
    return this.catalog.eventName(id);
  }

  /**
   * Answers a question with verbatim excerpts, best first, inside the filters. Near-identical
   * excerpts from several articles are shown once, credited to the earliest copy, with the others
   * in `alsoIn`. When the best passage matches too little of the question, `noAnswer` is true and
   * there are no results.
   */
  ask(question: string, options: AskOptions = {}): Answer {
    const filters = options.filters ?? {};
    const count = clamp(options.count ?? DEFAULT_RESULT_COUNT, 1, MAX_RESULT_COUNT);
    const offset = Math.max(0, Math.floor(options.offset ?? 0));
    const query = this.prepareQuery(question, filters);
    const answer = (results: Excerpt[], hasMore: boolean): Answer => ({
      question,
      filters,
      understood: query?.understood ?? [],
      noAnswer: results.length === 0,
      results,
      offset,
      hasMore,
    });
    if (query === null) return answer([], false);
    const ranked = this.candidates(query, Math.max(CANDIDATE_PASSAGES, (offset + count) * 6));
    if (ranked === null) return answer([], false);
    const best = ranked[0]?.score ?? 0;
    const relevant = query.overview ? ranked : ranked.filter((r) => r.score >= best * MIN_RELATIVE_SCORE);
    const groups = this.groupExcerpts(relevant, query, offset + count + 1);
    const shown = groups.slice(offset, offset + count).map((g) => this.shown(g, query));
    return answer(shown, groups.length > offset + count);
  }

  /**
   * The passages a question is answered from, best first: for an overview the articles' leads in
   * date order, otherwise the ranking; null when the no-answer rule refuses the best passage.
   */
  private candidates(query: Query, limit: number): ScoredPassage[] | null {
    if (query.overview) return this.leads(query.filters);
    if (query.speaker !== null && query.weights.size === 0)
      return this.statementPassages(query.speaker, query.filters, query.focus);
    const ranked = this.rank(query, limit, query.filters);
    const top = ranked[0];
    return top === undefined || isNoAnswer(this.matchOf(ranked, query)) ? null : ranked;
  }

  /**
   * For each statement of `speaker` inside the filters, the passage that starts with its sentence,
   * oldest article first (text order within one): what they said, when the question names nothing else.
   */
  private statementPassages(speaker: string, filters: Filters, focus: Map<number, number>): ScoredPassage[] {
    const byArticle = this.articleStatements() ?? [];
    const found: number[] = [];
    for (const a of this.catalog.byDate) {
      if (!articleMatches(this.corpus.articles[a] as Article, filters)) continue;
      const sentences = this.sentences[a] ?? [];
      for (const s of byArticle[a] ?? []) {
        if (s.speaker !== speaker) continue;
        const sentence = sentences.findIndex((x) => x.start <= s.start && s.start < x.end);
        const passage = sentence < 0 ? -1 : this.passageHolding(a, sentence);
        if (passage < 0 || focus.has(passage)) continue;
        focus.set(passage, sentence);
        found.push(passage);
      }
    }
    return found.map((passage, i) => ({ passage, score: found.length - i }));
  }

  /** The passage of article `a` that starts with `sentence`, else the first that holds it; -1 if none. */
  private passageHolding(a: number, sentence: number): number {
    const first = this.leadPassage[a] ?? -1;
    let holding = -1;
    for (let p = Math.max(0, first); first >= 0 && p < this.passages.length; p++) {
      if (this.articleOf[p] !== a) break;
      const passage = this.passages[p] as Passage;
      if (passage.firstSentence === sentence) return p;
      if (holding < 0 && passage.firstSentence <= sentence && sentence <= passage.lastSentence) holding = p;
    }
    return holding;
  }

  /** The lead passage of every article inside the filters, oldest article first. */
  private leads(filters: Filters): ScoredPassage[] {
    const mask = this.masks.mask(filters);
    const leads: number[] = [];
    for (const a of this.catalog.byDate) {
      const lead = this.leadPassage[a] ?? -1;
      if (lead >= 0 && (mask === null || mask[lead] === 1)) leads.push(lead);
    }
    return leads.map((passage, i) => ({ passage, score: leads.length - i }));
  }

  /**
   * The best excerpt from each outlet (articles of unknown outlet each count as their own), in
   * rank order, for side-by-side comparison; `by: 'speaker'`, from each speaker instead (excerpts
   * that quote no one known are left out). Same no-answer rule as `ask`.
   */
  compare(
    question: string,
    filters: Filters = {},
    maxOutlets = MAX_RESULT_COUNT,
    by: CompareBy = 'outlet',
  ): Answer {
    const query = this.prepareQuery(question, filters);
    const understood = query?.understood ?? [];
    const empty: Answer = {
      question,
      filters,
      understood,
      noAnswer: true,
      results: [],
      offset: 0,
      hasMore: false,
    };
    if (query === null) return empty;
    const ranked = this.candidates(query, CANDIDATE_PASSAGES * 4);
    if (ranked === null) return empty;
    const seen = new Set<string>();
    const best: Candidate[] = [];
    for (const r of ranked) {
      const article = this.corpus.articles[this.articleOf[r.passage] ?? 0] as Article;
      const outlet = article.source === null ? `\u0000${article.id}` : article.source.toLowerCase();
      if (by === 'outlet' && seen.has(outlet)) continue;
      const candidate = this.excerptOf(r.passage, r.score, query);
      // A speaker is known only once the excerpt is chosen: the statement it quotes.
      const key =
        by === 'speaker'
          ? this.speakerAt(candidate.article, candidate.chosen.start, candidate.chosen.end)
          : outlet;
      if (key === null || seen.has(key)) continue;
      seen.add(key);
      best.push(candidate);
      if (best.length > maxOutlets) break;
    }
    const results = best.slice(0, maxOutlets).map((c) => this.shown({ ...c, alsoIn: [] }, query));
    return {
      question,
      filters,
      understood,
      noAnswer: best.length === 0,
      results,
      offset: 0,
      hasMore: best.length > maxOutlets,
    };
  }

  /**
   * How much of the question its best passage matches (share of the IDF weight, distinct terms):
   * what the no-answer rule judges. Nothing matched when the question has no terms or no match.
   */
  queryMatch(question: string, filters: Filters = {}): QueryMatch {
    const query = this.prepareQuery(question, filters);
    if (query === null) return NOTHING_MATCHED;
    const ranked = query.overview ? [] : this.rank(query, CANDIDATE_PASSAGES, query.filters);
    if (ranked.length === 0) return { ...NOTHING_MATCHED, questionTerms: query.weights.size };
    return this.matchOf(ranked, query);
  }

  /** Articles ranked by their best passage (for measuring paragraph retrieval). */
  rankArticles(question: string, k: number, filters: Filters = {}): Array<{ docId: string; score: number }> {
    const query = this.prepareQuery(question, filters);
    if (query === null) return [];
    const ranked = query.overview
      ? this.leads(query.filters)
      : this.rank(query, Math.max(k * 8, CANDIDATE_PASSAGES), query.filters);
    const out: Array<{ docId: string; score: number }> = [];
    const seen = new Set<number>();
    for (const r of ranked) {
      const a = this.articleOf[r.passage] ?? 0;
      if (seen.has(a)) continue;
      seen.add(a);
      out.push({ docId: this.corpus.articles[a]?.id ?? '', score: r.score });
      if (out.length === k) break;
    }
    return out;
  }

  /** The events the corpus defines, with article counts and the dates of their coverage. */
  events(): EventSummary[] {
    return [...this.catalog.events];
  }

  /** The outlets in the corpus, most articles first; unknown outlets gathered under `source: null`. */
  sources(): SourceSummary[] {
    return [...this.catalog.sources];
  }

  /** The articles of an event in date order (unknown dates last), or inside filters when given. */
  timeline(eventId: string, filters: Filters = {}): Article[] {
    const out: Article[] = [];
    for (const a of this.catalog.byDate) {
      const article = this.corpus.articles[a] as Article;
      if (article.event === eventId && articleMatches(article, filters)) out.push(article);
    }
    return out;
  }

  /**
   * The best passages inside the filters: wink's BM25F ranking of `limit` candidates, re-scored by
   * coordination (the share of the question's distinct terms the passage's own text contains),
   * so a passage that answers all of a question beats one that repeats part of it, and by
   * proximity (the share of the question's adjacent term pairs it holds as they are asked).
   */
  private rank(query: Query, limit: number, filters: Filters): ScoredPassage[] {
    const bySpeaker = query.speaker !== null || query.asksWho;
    // A speaker's statements may not name them ("he said"): look further down for them.
    const ranked = this.index.search(
      query.searchTerms,
      bySpeaker ? limit * 2 : limit,
      this.masks.mask(filters),
      query.searchWeights,
    );
    const alpha = this.config.coordination;
    const beta = this.config.proximity;
    if (alpha === 0 && beta === 0 && !bySpeaker) return ranked;
    const distinct = query.weights.size;
    if (beta !== 0) this.pairs.setQuery(query.terms.map((t) => this.index.termId(t) ?? -1));
    const pairs = beta === 0 ? 0 : this.pairs.pairs;
    for (const r of ranked) {
      const p = this.passageAt(r.passage);
      let factor = 1;
      if (alpha !== 0) {
        const matched = this.matchSentences(p.article, p.firstSentence, p.lastSentence, query).count;
        factor = 1 - alpha + (alpha * matched) / distinct;
      }
      if (pairs > 0) {
        const base = this.sentenceBase[p.article] ?? 0;
        const found = this.pairs.count(this.sentenceTerms, base + p.firstSentence, base + p.lastSentence + 1);
        factor *= 1 + (beta * found) / pairs;
      }
      if (bySpeaker && this.quotes(p, query.speaker)) factor *= 1 + SPEAKER_BOOST;
      r.score *= factor;
    }
    return sortBest(ranked);
  }

  /**
   * Reads the question (see question/analyse.ts): the dates, outlets and event ids it names become
   * filters when the explicit ones leave that key open and some article lies inside them all (their
   * words are then left out of the query); framing words are ranked by but carry no weight; a
   * question asking for an overview whose topic is an event's name is asked of that event.
   */
  private prepareQuery(question: string, explicit: Filters): Query | null {
    const analysis = analyseQuestion(question, this.questionContext);
    let understood = analysis.mentions.filter((m) =>
      Object.keys(m.filter).every((key) => !explicit[key as keyof Filters]),
    );
    let filters = withMentions(explicit, understood);
    if (understood.length > 0 && !this.anyArticleIn(filters)) {
      understood = [];
      filters = explicit;
    }
    let text = question;
    for (const m of understood)
      if (!m.described) text = `${text.slice(0, m.start)}${' '.repeat(m.end - m.start)}${text.slice(m.end)}`;
    const tokens = tokenize(text);
    const framing = (t: { start: number; end: number }) =>
      analysis.framing.some((f) => f.start < t.end && t.start < f.end);
    const described = (t: { start: number; end: number }) =>
      understood.some((m) => m.described === true && m.start < t.end && t.start < m.end);
    // A speaker the coverage quotes is asked for by attribution: their name need not be in the passage.
    const named =
      analysis.speaker !== null && this.statementList !== null
        ? matchSpeaker(this.speakerNames(), analysis.speaker.text)
        : null;
    // One the coverage never quotes inside the filters is asked about as words, like any name.
    const speaker = named !== null && this.quotedIn(named, filters) ? named : null;
    const spoken = analysis.speaker;
    const naming = (t: { start: number; end: number }) =>
      speaker !== null && spoken !== null && spoken.start < t.end && t.start < spoken.end;
    let topic = tokens.filter((t) => !framing(t) && !naming(t));
    // "What did the March phone call achieve?": a verb the coverage never uses, asked of the
    // metadata a question names, asks what that metadata holds, not for the word. Otherwise an
    // event's description stays a topic ("Who initiated the phone call…" within the call).
    const unusedVerb = (t: { term: string; start: number; end: number }) =>
      this.index.termId(t.term) === undefined &&
      analysis.verbs.some((v) => v.start < t.end && t.start < v.end);
    if (understood.length > 0 && topic.filter((t) => !described(t)).every(unusedVerb)) topic = [];
    let namedEvent = false;
    if (analysis.overview && topic.length > 0 && !filters.event) {
      const event = this.eventNamedBy(new Set(topic.map((t) => t.term)), filters);
      if (event !== null) {
        filters = { ...filters, event };
        topic = [];
        namedEvent = true;
      }
    }
    // "What did the ministry say?" asks for the speaker's statements, not an overview.
    const asksOverview =
      topic.length === 0 &&
      speaker === null &&
      (understood.length > 0 || analysis.framing.length > 0 || namedEvent);
    if (tokens.length === 0 && !asksOverview) return null;
    const weights = new Map<string, number>();
    const ids = new Map<string, number>();
    const related = this.relatedInIndex(topic, text, analysis.tokens, new Set(tokens.map((t) => t.term)));
    let unknownNames = 0;
    let knownTerms = 0;
    let knownWeight = 0;
    for (const { term, start, end } of topic) {
      const id = this.index.termId(term);
      const idf = this.index.idf(term);
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
      const common = isCommonWord(text.slice(start, end));
      const noun = analysis.tokens.some((t) => t.start < end && start < t.end && t.pos === 'NOUN');
      if (!common && !weights.has(term)) unknownNames++;
      const share = !common
        ? UNKNOWN_TERM_WEIGHT
        : noun
          ? UNKNOWN_COMMON_NOUN_WEIGHT
          : UNKNOWN_COMMON_WORD_WEIGHT;
      // Said in other words the index holds ("death": "killed"), the subject is known.
      if (related.has(term) && !weights.has(term)) knownWeight += share * this.index.maxIdf(this.config.k);
      weights.set(term, Math.max(weights.get(term) ?? 0, share * this.index.maxIdf(this.config.k)));
    }
    const queryTerms: QueryTerm[] = [...weights].map(([term, weight]) => {
      const own = ids.get(term);
      const others = (related.get(term) ?? []).map((t) => ({
        id: this.index.termId(t) as number,
        credit: EXPANSION_CREDIT,
      }));
      return { weight, ids: own === undefined ? others : [{ id: own, credit: 1 }, ...others] };
    });
    const termList = tokens.map((t) => t.term);
    const expansions = [...new Set([...related.values()].flat())];
    return {
      terms: termList,
      searchTerms: expansions.length === 0 ? termList : [...termList, ...expansions],
      searchWeights:
        expansions.length === 0
          ? null
          : [...termList.map(() => 1), ...expansions.map(() => EXPANSION_CREDIT)],
      weights,
      filters,
      understood,
      overview: asksOverview,
      unknownNames,
      knownTerms,
      knownWeight,
      speaker,
      asksWho: analysis.asksWho && this.statementList !== null,
      focus: new Map(),
      phrases: namePhrases(text, topic).map((p) => Int32Array.from(p, (t) => this.index.termId(t) ?? -1)),
      number: this.matcher.setQuery(queryTerms),
    };
  }

  /**
   * For each topic term, the other words for it (see search/expansions.ts) the index holds and the
   * question does not use, each given to one term only; names are not expanded.
   */
  private relatedInIndex(
    topic: readonly Token[],
    text: string,
    read: readonly QuestionToken[],
    asked: ReadonlySet<string>,
  ): Map<string, string[]> {
    const related = new Map<string, string[]>();
    const taken = new Set(asked);
    for (const { term, start, end } of topic) {
      if (related.has(term)) continue;
      const tag = read.find((t) => t.start < end && start < t.end)?.pos ?? '';
      const pos = WORDNET_POS[tag];
      if (pos === undefined) continue;
      // A common word ("make", "start") has many senses: its other words are mostly noise, but
      // the verbs of cause and effect ("died": "killed"; "death": "die", "kill") are not.
      const word = text.slice(start, end);
      const common = isCommonWord(word);
      if (common && pos !== 'verb' && pos !== 'noun') continue;
      const found = (common ? causalTerms(word, pos as 'noun' | 'verb') : relatedTerms(word, pos)).filter(
        (t) => !taken.has(t) && this.index.termId(t) !== undefined,
      );
      for (const t of found) taken.add(t);
      if (found.length > 0) related.set(term, found);
    }
    return related;
  }

  /** True when some article lies inside the filters: a date range is searched, not the corpus. */
  private anyArticleIn(filters: Filters): boolean {
    if (filters.since || filters.until) {
      const [from, to] = this.catalog.dateRange(filters.since, filters.until);
      for (let i = from; i < to; i++)
        if (articleMatches(this.corpus.articles[this.catalog.byDate[i] ?? 0] as Article, filters))
          return true;
      return false;
    }
    // Every article is counted under its outlet, with its event.
    return this.catalog.sources.some(
      (s) =>
        (!filters.source || sourceMatches(s.source, filters.source)) &&
        (!filters.event || s.events.includes(filters.event)),
    );
  }

  /** The one event inside the filters whose name holds every topic term, or null. */
  private eventNamedBy(topic: Set<string>, filters: Filters): string | null {
    const named = [...this.eventNameTerms].filter(
      ([id, name]) =>
        [...topic].every((t) => name.has(t)) &&
        this.corpus.articles.some((a) => a.event === id && articleMatches(a, filters)),
    );
    return named.length === 1 ? (named[0]?.[0] ?? null) : null;
  }

  /** Counts, in `this.matcher`, the query terms of sentences [first, last] of an article. */
  private matchSentences(article: number, first: number, last: number, query: Query): QueryMatcher {
    const base = this.sentenceBase[article] ?? 0;
    this.matcher.begin(query.number);
    this.matcher.addRows(this.sentenceTerms, base + first, base + last + 1);
    return this.matcher;
  }

  /** How much of the query the best ranked passage's title and text match (see no-answer.ts). */
  private matchOf(ranked: readonly ScoredPassage[], query: Query): QueryMatch {
    const top = ranked[0] as ScoredPassage;
    const p = this.passageAt(top.passage);
    const title = this.titleRow[p.article] as number;
    const matched = this.matchSentences(p.article, p.firstSentence, p.lastSentence, query);
    matched.addRows(this.titleTerms, title, title + 1);
    const matchedWeight = matched.weight;
    const matchedTerms = matched.count;
    const largestMissing = matched.largestMissing;
    let next = 0;
    for (const r of ranked)
      if (this.articleOf[r.passage] !== p.article) {
        next = r.score;
        break;
      }
    let total = 0;
    for (const weight of query.weights.values()) total += weight;
    // The best single sentence with the title, which every passage of the article shares.
    let bestSentence = 0;
    for (let i = p.firstSentence; i <= p.lastSentence; i++) {
      const sentence = this.matchSentences(p.article, i, i, query);
      sentence.addRows(this.titleTerms, title, title + 1);
      bestSentence = Math.max(bestSentence, sentence.weight);
    }
    const unit = this.index.maxIdf(this.config.k);
    const base = this.sentenceBase[p.article] ?? 0;
    const missingPhrases = query.phrases.filter(
      (phrase) =>
        !holdsPhrase(this.sentenceTerms, base + p.firstSentence, base + p.lastSentence + 1, phrase) &&
        !holdsPhrase(this.titleTerms, title, title + 1, phrase),
    ).length;
    return {
      coverage: total === 0 ? 0 : matchedWeight / total,
      matchedTerms,
      questionTerms: query.weights.size,
      missingWeight: (total - matchedWeight) / unit,
      unknownNames: query.unknownNames,
      sentenceCoverage: total === 0 ? 0 : bestSentence / total,
      missingPhrases,
      knownTerms: query.knownTerms,
      knownShare: total === 0 ? 0 : Math.min(1, query.knownWeight / total),
      largestMissing: largestMissing / unit,
      margin: next > 0 ? Math.max(1, top.score / next) : 1,
      pairShare: this.pairShare(query, p),
    };
  }

  /** Share of the question's adjacent term pairs passage `p` holds (0 when it asks none). */
  private pairShare(query: Query, p: Passage): number {
    this.pairs.setQuery(query.terms.map((t) => this.index.termId(t) ?? -1));
    if (this.pairs.pairs === 0) return 0;
    const base = this.sentenceBase[p.article] ?? 0;
    return (
      this.pairs.count(this.sentenceTerms, base + p.firstSentence, base + p.lastSentence + 1) /
      this.pairs.pairs
    );
  }

  /** The excerpt of a ranked passage, chosen but not yet shown (see `shown`). */
  private excerptOf(passage: number, score: number, query: Query, memo?: TrimMemo): Candidate {
    const p = this.passageAt(passage);
    const article = this.corpus.articles[p.article] as Article;
    const focus = query.focus.get(passage);
    const count = p.lastSentence - p.firstSentence + 1;
    if (count > this.sentenceWeights.length) this.sentenceWeights = new Float64Array(count);
    const weights = this.sentenceWeights;
    for (let i = p.firstSentence; i <= p.lastSentence; i++)
      weights[i - p.firstSentence] =
        focus === undefined ? this.matchSentences(p.article, i, i, query).weight : i === focus ? 1 : 0;
    const chosen = chooseExcerpt(
      article.text,
      this.sentences[p.article] ?? [],
      p.firstSentence,
      p.lastSentence,
      query.weights,
      weights,
      memo,
    );
    return { chosen, article: p.article, score };
  }

  /** An excerpt as the answer shows it: its text, where the query matched, and its article's metadata. */
  private shown(candidate: Candidate & { alsoIn: AlsoReported[] }, query: Query): Excerpt {
    const article = this.corpus.articles[candidate.article] as Article;
    // Written out, not spread in the middle of the literal, which builds the object slowly.
    return {
      text: candidate.chosen.text,
      highlights: highlightsOf(article.text, candidate.chosen, query.weights),
      docId: article.id,
      title: article.title,
      source: article.source,
      date: article.date,
      dateApprox: article.dateApprox,
      url: article.url,
      event: article.event,
      eventName: article.event === null ? null : this.eventName(article.event),
      score: candidate.score,
      alsoIn: candidate.alsoIn,
      speaker: this.speakerAt(candidate.article, candidate.chosen.start, candidate.chosen.end),
    };
  }

  /**
   * Turns ranked excerpts into result groups: overlapping excerpts of one article are dropped, at
   * most MAX_EXCERPTS_PER_ARTICLE per article, and copies of the same text in different articles
   * become one group shown as its earliest copy, with the best score of its copies.
   */
  private groupExcerpts(
    ranked: ScoredPassage[],
    query: Query,
    needed: number,
  ): Array<Candidate & { alsoIn: AlsoReported[] }> {
    const groups: Group[] = [];
    this.shingles.reset();
    // Copies of one story in several articles are cut and coded once per answer.
    const trims: TrimMemo = new Map();
    const coded = new Map<string, Float64Array>();
    // The spans kept so far, as (article, start, end) triples: few, so read by a loop.
    let kept = this.keptSpans;
    let keptCount = 0;
    let lookahead = COPY_LOOKAHEAD;
    for (const r of ranked) {
      // Once enough groups are found, look a little further only for copies of them.
      if (groups.length >= needed && lookahead-- <= 0) break;
      const excerpt = this.excerptOf(r.passage, r.score, query, trims);
      const { start, end } = excerpt.chosen;
      let spans = 0;
      let overlaps = false;
      for (let i = 0; i < keptCount && !overlaps; i += 3) {
        if (kept[i] !== excerpt.article) continue;
        spans++;
        overlaps = (kept[i + 1] as number) < end && start < (kept[i + 2] as number);
      }
      if (overlaps) continue;
      // The quoted words, as a slice of the article: its ellipses add no shingle, and it is not copied.
      const quoted = (this.corpus.articles[excerpt.article] as Article).text.slice(start, end);
      let sh = coded.get(quoted);
      if (sh === undefined) {
        sh = this.shingles.code(quoted);
        coded.set(quoted, sh);
      }
      const group = sameCopyGroup(groups, excerpt.article, sh);
      if (group !== undefined) {
        group.copies.push(excerpt);
      } else {
        if (spans >= MAX_EXCERPTS_PER_ARTICLE || groups.length >= needed) continue;
        groups.push({ copies: [excerpt], shingles: sh });
      }
      if (keptCount + 3 > kept.length) {
        kept = grown(kept, keptCount + 3);
        this.keptSpans = kept;
      }
      kept[keptCount++] = excerpt.article;
      kept[keptCount++] = start;
      kept[keptCount++] = end;
    }
    const articles = this.corpus.articles;
    const out: Array<Candidate & { alsoIn: AlsoReported[] }> = [];
    for (const { copies } of groups) {
      // Copies earliest first (a stable insertion sort: most groups hold one copy).
      const ordered = copies.length === 1 ? copies : copies.slice();
      let score = (ordered[0] as Candidate).score;
      for (let i = 1; i < ordered.length; i++) {
        const item = ordered[i] as Candidate;
        score = Math.max(score, item.score);
        let j = i - 1;
        for (; j >= 0; j--) {
          const other = ordered[j] as Candidate;
          if (byDate(articles[other.article] as Article, articles[item.article] as Article) <= 0) break;
          ordered[j + 1] = other;
        }
        ordered[j + 1] = item;
      }
      const alsoIn: AlsoReported[] = [];
      for (let i = 1; i < ordered.length; i++)
        alsoIn.push(published(articles[(ordered[i] as Candidate).article] as Article));
      out.push({ ...(ordered[0] as Candidate), score, alsoIn });
    }
    return out;
  }
}

/** Excerpts of one answer that are copies of one text, and that text's shingles. */
interface Group {
  copies: Candidate[];
  shingles: Float64Array;
}

/** The group `shingles` is a copy of, unless it already holds an excerpt of `article`. */
function sameCopyGroup(groups: Group[], article: number, shingles: Float64Array): Group | undefined {
  for (const g of groups) {
    let inArticle = false;
    for (const c of g.copies) if (c.article === article) inArticle = true;
    if (!inArticle && isSameCodedCopy(g.shingles, shingles)) return g;
  }
  return undefined;
}

/** A copy of `array` with room for at least `size` numbers. */
function grown(array: Int32Array, size: number): Int32Array {
  const out = new Int32Array(Math.max(size, array.length * 2));
  out.set(array);
  return out;
}

/** A ranked passage's excerpt while an answer is assembled: what it quotes, its article and score. */
interface Candidate {
  chosen: ChosenExcerpt;
  article: number;
  score: number;
}

const NOTHING_MATCHED: QueryMatch = {
  coverage: 0,
  matchedTerms: 0,
  questionTerms: 0,
  missingWeight: 0,
  unknownNames: 0,
  sentenceCoverage: 0,
  missingPhrases: 0,
  knownTerms: 0,
  knownShare: 0,
  largestMissing: 0,
  margin: 1,
  pairShare: 0,
};

/** The explicit filters with those read from the question; several dates span from first to last. */
function withMentions(explicit: Filters, mentions: readonly MetadataMention[]): Filters {
  const filters: Filters = { ...explicit };
  for (const { filter } of mentions) {
    if (filter.event) filters.event = filter.event;
    if (filter.source) filters.source = filter.source;
    if (filter.since && (!filters.since || filter.since < filters.since)) filters.since = filter.since;
    if (filter.until && (!filters.until || filter.until > filters.until)) filters.until = filter.until;
  }
  return filters;
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, Math.floor(n)));
}

/**
 * The rows of `table` that articles use (article a's `count(a)` rows from `first[a]`), exactly, in
 * article order, as a build makes them: `table` itself when it is that already.
 */
function rowsInOrder(table: TermTable, first: Int32Array, count: (a: number) => number): TermTable {
  const runs: RowRun[] = [];
  let last: RowRun | null = null;
  for (let a = 0; a < first.length; a++) {
    const row = first[a] as number;
    const rows = count(a);
    if (last !== null && last.from + last.count === row) last.count += rows;
    else {
      last = { table, from: row, count: rows };
      runs.push(last);
    }
  }
  const rows = runs.reduce((n, r) => n + r.count, 0);
  const { offsets, ids } = table;
  const exact =
    runs.length <= 1 &&
    (runs[0]?.from ?? 0) === 0 &&
    offsets.length === rows + 1 &&
    ids.length === offsets[rows];
  return exact ? table : joinRows(runs);
}
