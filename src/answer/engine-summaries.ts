/**
 * What an engine makes of its whole corpus on first use — the catalogue (events, outlets, date
 * order) and the question context (outlets, event ids, years) — so that a change is served
 * without waiting for them, and can make them from the engine's before it.
 */
import { Catalog } from '../corpus/catalog.ts';
import type { ArticleEnds } from '../corpus/diff.ts';
import type { Article, Corpus } from '../corpus/types.ts';
import { contextOf, type QuestionContext } from '../question/analyse.ts';
import { ContextCounts } from '../question/context-counts.ts';
import type { PassageIndex } from '../search/passage-index.ts';
import { terms } from '../search/tokenize.ts';

/** The catalogue and question context of one engine's corpus, each made once, when first needed. */
export class CorpusSummaries {
  private catalogMade: Catalog | null = null;
  private contextCountsMade: ContextCounts | null = null;
  private questionContextMade: QuestionContext | null = null;
  /** What the engine before a change had made of these, until this one makes its own (see `from`). */
  private previous: {
    catalog: Catalog | null;
    counts: ContextCounts | null;
    articles: readonly Article[];
    ends: ArticleEnds;
  } | null = null;

  constructor(
    private readonly corpus: Corpus,
    private readonly index: PassageIndex,
  ) {}

  /** Events, outlets and date order of the corpus, made on first use (see `warmUp`). */
  get catalog(): Catalog {
    const previous = this.previous;
    this.catalogMade ??=
      previous?.catalog == null
        ? Catalog.of(this.corpus)
        : Catalog.after(previous.catalog, previous.articles, this.corpus, previous.ends);
    this.dropPrevious();
    return this.catalogMade;
  }

  /**
   * Outlets, event ids and the years of dates, for reading questions, made on first use: like the
   * catalogue, a pass over every article that a change need not wait for.
   */
  get questionContext(): QuestionContext {
    this.questionContextMade ??= contextOf(this.contextCounts, this.corpus.events, (word) =>
      terms(word).some((t) => this.index.termId(t) !== undefined),
    );
    return this.questionContextMade;
  }

  /** The counts the question context is made of, from the engine before a change when it made them. */
  private get contextCounts(): ContextCounts {
    const previous = this.previous;
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

  /** Once both are made, the summaries before a change are not needed any more. */
  private dropPrevious(): void {
    if (this.catalogMade !== null && this.contextCountsMade !== null) this.previous = null;
  }

  /**
   * Makes these summaries, when first needed, from `previous` (those of the corpus before a
   * change) if it made them: only the articles the change touched are read then (`ends`:
   * `sameEnds` of the two corpora's articles). Does nothing once these made their own.
   */
  from(previous: CorpusSummaries, ends: ArticleEnds): void {
    if (this.catalogMade !== null || this.contextCountsMade !== null) return;
    this.previous = {
      catalog: previous.catalogMade,
      counts: previous.contextCountsMade,
      articles: previous.corpus.articles,
      ends,
    };
  }

  /** Makes now what the first question would otherwise make (the catalogue, the question context). */
  warmUp(): void {
    void this.catalog;
    void this.questionContext;
  }
}
