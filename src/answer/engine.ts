/**
 * The engine over one corpus: a thin facade that holds one engine state (see engine-state.ts) and
 * answers through the plain functions of src/answer — `ask` (ask.ts), `compare` (compare.ts),
 * `queryMatch` and `rankArticles` (measures.ts) — and gives the catalogue and the parts to save.
 */
import type { EventSummary, SourceSummary } from '../corpus/catalog.ts';
import type { ArticleEnds } from '../corpus/diff.ts';
import type { Article, Corpus } from '../corpus/types.ts';
import { Bm25Index, IndexError, type PostingData } from '../search/bm25-index.ts';
import { readyExpansions } from '../search/expansions.ts';
import type { PassageIndex } from '../search/passage-index.ts';
import { DEFAULT_RANKING_CONFIG, type RankingConfig } from '../search/ranking-config.ts';
import { SegmentedIndex } from '../search/segmented-index.ts';
import type { Statement } from '../statements/types.ts';
import { type AskOptions, ask, MAX_RESULT_COUNT } from './ask.ts';
import { type CompareBy, compare } from './compare.ts';
import { partsInMemory, partsToSave } from './engine-parts.ts';
import { type EngineState, engineState } from './engine-state.ts';
import { articleMatches } from './filters.ts';
import { buildParts, type EngineParts, type IndexBuildOptions, type IndexParts } from './index-build.ts';
import { queryMatch, type RerankCandidates, rankArticles, rerankCandidates } from './measures.ts';
import type { QueryMatch } from './no-answer.ts';
import { CANDIDATE_PASSAGES } from './ranking.ts';
import type { RerankModel } from './rerank.ts';
import type { Answer, Filters } from './types.ts';
import { WARM_UP_BUDGET_MS, warmUpAnswerPath } from './warm-up.ts';

export { DEFAULT_RESULT_COUNT, MAX_RESULT_COUNT, MIN_RELATIVE_SCORE } from './ask.ts';
export { MAX_EXCERPTS_PER_ARTICLE } from './copy-groups.ts';
export type {
  AskOptions,
  CompareBy,
  EngineParts,
  EventSummary,
  IndexBuildOptions,
  IndexParts,
  SourceSummary,
};

/**
 * Splits every article into sentences and passages and indexes the passages (see `buildParts`):
 * an engine over `corpus`.
 */
export function buildIndex(
  corpus: Corpus,
  config: RankingConfig = DEFAULT_RANKING_CONFIG,
  options: IndexBuildOptions = {},
): AnswerEngine {
  const { parts, index } = buildParts(corpus, config, options);
  return new AnswerEngine(parts, index);
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
  /** What the answer's plain functions read (see engine-state.ts). */
  private readonly state: EngineState;

  /**
   * `index` must be built from these parts' passages (from `parts.postings` when given without
   * it; a Bm25Index may keep wink's engine). `rerank`, when given, is the re-ranking model (null:
   * none), else the committed one when the configuration asks for it (see rerank.ts).
   */
  constructor(
    parts: EngineParts & { postings?: PostingData },
    index?: PassageIndex,
    rerank?: RerankModel | null,
  ) {
    if (index === undefined && parts.postings === undefined)
      throw new IndexError('AnswerEngine: give it an index, or the postings to make one from');
    this.state = engineState(parts, index ?? new Bm25Index(parts.postings as PostingData), rerank);
    this.corpus = this.state.corpus;
    this.config = this.state.config;
    this.index = this.state.index;
  }

  /**
   * Makes this engine's catalogue and question context, when first needed, from those of
   * `previous` (the engine of the corpus before a change) if it made them: only the articles the
   * change touched are read then (`ends`: `sameEnds` of the two engines' articles). What
   * `updateEngine` does.
   */
  summariesFrom(previous: AnswerEngine, ends: ArticleEnds): void {
    this.state.summaries.from(previous.state.summaries, ends);
  }

  /** Takes over the filter masks `previous` made: for an engine of the very same articles and passages. */
  masksFrom(previous: AnswerEngine): void {
    this.state.masks.keepFrom(previous.state.masks);
  }

  /**
   * Makes now what this engine would otherwise make at its first question (the catalogue, the
   * question context, the WordNet relations read backwards).
   */
  warmUp(): void {
    this.state.summaries.warmUp();
    readyExpansions();
  }

  /**
   * Once per process, before members ask: questions made from this corpus, asked and ranked
   * within `budgetMs`, so that members' first questions find the answer path compiled and the
   * corpus' common words read (see warm-up.ts). Answers stay the same. What it did; 0
   * questions when the process had warmed up already.
   */
  warmUpAnswers(budgetMs = WARM_UP_BUDGET_MS): { questions: number; ms: number } {
    return warmUpAnswerPath(this.state, undefined, budgetMs);
  }

  /**
   * Computes, until `deadline` (a `performance.now()` time), the term weights the index's first
   * searches would compute (those a change moved: see `SegmentedIndex.readyWeights`); true when
   * none is left. For idle time, a slice at a time.
   */
  readyIndex(deadline = Number.POSITIVE_INFINITY): boolean {
    return this.index instanceof SegmentedIndex ? this.index.readyWeights(deadline) : true;
  }

  /**
   * The parts this index is made of (for saving it): deleted passages left out and the others
   * numbered in order, so that they load as one build's index that ranks as this one does.
   */
  parts(): IndexParts {
    return partsToSave(this.state);
  }

  /** The parts as they are in memory, passages numbered as the index numbers them (see engine-update.ts). */
  engineParts(): EngineParts {
    return partsInMemory(this.state);
  }

  /** The statements the articles report (see statements/), read now if they are not yet. */
  get statements(): readonly Statement[] {
    return this.state.statements.all();
  }

  /** Whether the statements are read, so that `statements` costs nothing. */
  get statementsRead(): boolean {
    return this.state.statements.read;
  }

  /** Reads the statements a few articles at a time, yielding between them (once; later calls wait for it). */
  readStatements(): Promise<void> {
    return this.state.statements.readInSteps();
  }

  /** Passages served (deleted ones not counted). */
  get passageCount(): number {
    return this.index.passageCount;
  }

  /** The display name of an event id, or null when the corpus does not define it. */
  eventName(id: string): string | null {
    return this.state.summaries.catalog.eventName(id);
  }

  /** Answers a question with verbatim excerpts, best first, inside the filters (see `ask` in ask.ts). */
  ask(question: string, options: AskOptions = {}): Answer {
    return ask(this.state, question, options);
  }

  /** The best excerpt of each outlet, or of each speaker, side by side (see `compare` in compare.ts). */
  compare(
    question: string,
    filters: Filters = {},
    maxOutlets = MAX_RESULT_COUNT,
    by: CompareBy = 'outlet',
  ): Answer {
    return compare(this.state, question, filters, maxOutlets, by);
  }

  /** How much of the question its best passage matches: what the no-answer rule judges (see measures.ts). */
  queryMatch(question: string, filters: Filters = {}): QueryMatch {
    return queryMatch(this.state, question, filters);
  }

  /** Articles ranked by their best passage, for measuring paragraph retrieval (see measures.ts). */
  rankArticles(question: string, k: number, filters: Filters = {}): Array<{ docId: string; score: number }> {
    return rankArticles(this.state, question, k, filters);
  }

  /**
   * The question's BM25F candidates with their re-ranking features, for fitting the re-ranker
   * (see `rerankCandidates` in measures.ts).
   */
  rerankCandidates(question: string, limit = CANDIDATE_PASSAGES): RerankCandidates | null {
    return rerankCandidates(this.state, question, limit);
  }

  /** The events the corpus defines, with article counts and the dates of their coverage. */
  events(): EventSummary[] {
    return [...this.state.summaries.catalog.events];
  }

  /** The outlets in the corpus, most articles first; unknown outlets gathered under `source: null`. */
  sources(): SourceSummary[] {
    return [...this.state.summaries.catalog.sources];
  }

  /** The articles of an event in date order (unknown dates last), or inside filters when given. */
  timeline(eventId: string, filters: Filters = {}): Article[] {
    const out: Article[] = [];
    for (const a of this.state.summaries.catalog.byDate) {
      const article = this.corpus.articles[a] as Article;
      if (article.event === eventId && articleMatches(article, filters)) out.push(article);
    }
    return out;
  }
}
