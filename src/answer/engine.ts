/**
 * A searchable corpus: the articles, their sentences and passages, and the BM25F index over the
 * passages. `ask` turns a question into an Answer (plain data) that the CLI and the bot render.
 */
import { byDate, type EventSummary, type SourceSummary } from '../corpus/catalog.ts';
import type { ArticleEnds } from '../corpus/diff.ts';
import type { Article, Corpus } from '../corpus/types.ts';
import { Bm25Index, IndexError, type PostingData, type ScoredPassage } from '../search/bm25-index.ts';
import type { PassageIndex } from '../search/passage-index.ts';
import { DEFAULT_RANKING_CONFIG, type RankingConfig } from '../search/ranking-config.ts';
import type { Statement } from '../statements/types.ts';
import { partsInMemory, partsToSave } from './engine-parts.ts';
import { type EngineState, engineState, passageAt } from './engine-state.ts';
import { type ChosenExcerpt, chooseExcerpt, highlightsOf, type TrimMemo } from './excerpt.ts';
import { articleMatches } from './filters.ts';
import { buildParts, type EngineParts, type IndexBuildOptions, type IndexParts } from './index-build.ts';
import type { QueryMatch } from './no-answer.ts';
import { matchOf, matchSentences, NOTHING_MATCHED } from './passage-match.ts';
import { published } from './published.ts';
import { prepareQuery, type Query } from './query.ts';
import { CANDIDATE_PASSAGES, candidates, leads, rank } from './ranking.ts';
import { isSameCodedCopy } from './syndication.ts';
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
/** Candidates examined after the needed excerpts are found, for copies of them run by other outlets. */
const COPY_LOOKAHEAD = 12;
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

export type { EngineParts, EventSummary, IndexBuildOptions, IndexParts, SourceSummary };

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
   * it; a Bm25Index may keep wink's engine).
   */
  constructor(parts: EngineParts & { postings?: PostingData }, index?: PassageIndex) {
    if (index === undefined && parts.postings === undefined)
      throw new IndexError('AnswerEngine: give it an index, or the postings to make one from');
    this.state = engineState(parts, index ?? new Bm25Index(parts.postings as PostingData));
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

  /** Makes now what this engine would otherwise make at its first question (the catalogue, the question context). */
  warmUp(): void {
    this.state.summaries.warmUp();
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
    const query = prepareQuery(this.state, question, filters);
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
    const ranked = candidates(this.state, query, Math.max(CANDIDATE_PASSAGES, (offset + count) * 6));
    if (ranked === null) return answer([], false);
    const best = ranked[0]?.score ?? 0;
    const relevant = query.overview ? ranked : ranked.filter((r) => r.score >= best * MIN_RELATIVE_SCORE);
    const groups = this.groupExcerpts(relevant, query, offset + count + 1);
    const shown = groups.slice(offset, offset + count).map((g) => this.shown(g, query));
    return answer(shown, groups.length > offset + count);
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
    const query = prepareQuery(this.state, question, filters);
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
    const ranked = candidates(this.state, query, CANDIDATE_PASSAGES * 4);
    if (ranked === null) return empty;
    const seen = new Set<string>();
    const best: Candidate[] = [];
    for (const r of ranked) {
      const article = this.corpus.articles[this.state.articleOf[r.passage] ?? 0] as Article;
      const outlet = article.source === null ? `\u0000${article.id}` : article.source.toLowerCase();
      if (by === 'outlet' && seen.has(outlet)) continue;
      const candidate = this.excerptOf(r.passage, r.score, query);
      // A speaker is known only once the excerpt is chosen: the statement it quotes.
      const key =
        by === 'speaker'
          ? this.state.statements.speakerAt(candidate.article, candidate.chosen.start, candidate.chosen.end)
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
    const query = prepareQuery(this.state, question, filters);
    if (query === null) return NOTHING_MATCHED;
    const top = query.overview ? undefined : rank(this.state, query, CANDIDATE_PASSAGES, query.filters)[0];
    if (top === undefined) return { ...NOTHING_MATCHED, questionTerms: query.weights.size };
    return matchOf(this.state, top.passage, query);
  }

  /** Articles ranked by their best passage (for measuring paragraph retrieval). */
  rankArticles(question: string, k: number, filters: Filters = {}): Array<{ docId: string; score: number }> {
    const query = prepareQuery(this.state, question, filters);
    if (query === null) return [];
    const ranked = query.overview
      ? leads(this.state, query.filters)
      : rank(this.state, query, Math.max(k * 8, CANDIDATE_PASSAGES), query.filters);
    const out: Array<{ docId: string; score: number }> = [];
    const seen = new Set<number>();
    for (const r of ranked) {
      const a = this.state.articleOf[r.passage] ?? 0;
      if (seen.has(a)) continue;
      seen.add(a);
      out.push({ docId: this.corpus.articles[a]?.id ?? '', score: r.score });
      if (out.length === k) break;
    }
    return out;
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

  /** The excerpt of a ranked passage, chosen but not yet shown (see `shown`). */
  private excerptOf(passage: number, score: number, query: Query, memo?: TrimMemo): Candidate {
    const p = passageAt(this.state, passage);
    const article = this.corpus.articles[p.article] as Article;
    const focus = query.focus.get(passage);
    const count = p.lastSentence - p.firstSentence + 1;
    if (count > this.state.scratch.sentenceWeights.length)
      this.state.scratch.sentenceWeights = new Float64Array(count);
    const weights = this.state.scratch.sentenceWeights;
    for (let i = p.firstSentence; i <= p.lastSentence; i++)
      weights[i - p.firstSentence] =
        focus === undefined ? matchSentences(this.state, p.article, i, i, query).weight : i === focus ? 1 : 0;
    const chosen = chooseExcerpt(
      article.text,
      this.state.sentences[p.article] ?? [],
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
      speaker: this.state.statements.speakerAt(
        candidate.article,
        candidate.chosen.start,
        candidate.chosen.end,
      ),
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
    this.state.shingles.reset();
    // Copies of one story in several articles are cut and coded once per answer.
    const trims: TrimMemo = new Map();
    const coded = new Map<string, Float64Array>();
    // The spans kept so far, as (article, start, end) triples: few, so read by a loop.
    let kept = this.state.scratch.keptSpans;
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
        sh = this.state.shingles.code(quoted);
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
        this.state.scratch.keptSpans = kept;
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

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, Math.floor(n)));
}
