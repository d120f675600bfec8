/**
 * Who said what in one engine's corpus: its statements (see statements/), read when first needed
 * or a few articles at a time, and the lookups an answer makes of them — a passage's speaker, a
 * speaker's articles.
 */
import type { Article } from '../corpus/types.ts';
import type { Passage } from '../passages/passages.ts';
import type { SentenceSpan } from '../passages/sentences.ts';
import { extractStatements, extractStatementsInSteps } from '../statements/build.ts';
import type { Statement } from '../statements/types.ts';
import { articleMatches } from './filters.ts';
import type { Filters } from './types.ts';

/** The statements of one corpus, articles in order, and the tables made from them once read. */
export class EngineStatements {
  private list: Statement[] | null;
  private reading: Promise<void> | null = null;
  /** Per article, its statements (made from `list` once read). */
  private ofArticle: Statement[][] | null = null;
  /** Each quoted speaker's articles, in corpus order (made from `list` once read). */
  private speakerArticles: Map<string, number[]> | null = null;

  /** `list` is the statements already read, or null to read them when first needed. */
  constructor(
    private readonly articles: Article[],
    private readonly sentences: SentenceSpan[][],
    list: Statement[] | null,
  ) {
    this.list = list;
  }

  /** Every statement, read now if it is not yet. */
  all(): readonly Statement[] {
    this.list ??= extractStatements(this.articles, this.sentences);
    return this.list;
  }

  /** Whether the statements are read, so that `all` costs nothing. */
  get read(): boolean {
    return this.list !== null;
  }

  /** A copy of the statements read so far, or null while they are not read (for saving). */
  copy(): Statement[] | null {
    return this.list === null ? null : [...this.list];
  }

  /** Reads the statements a few articles at a time, yielding between them (once; later calls wait for it). */
  readInSteps(): Promise<void> {
    this.reading ??= extractStatementsInSteps(this.articles, this.sentences).then((list) => {
      this.list ??= list;
    });
    return this.reading;
  }

  /** Each article's statements, or null while they are not read (nothing reads them for this). */
  byArticle(): Statement[][] | null {
    if (this.list === null) return null;
    if (this.ofArticle === null) {
      const byArticle: Statement[][] = this.articles.map(() => []);
      for (const s of this.list) byArticle[s.article]?.push(s);
      this.ofArticle = byArticle;
    }
    return this.ofArticle;
  }

  /** The speakers the coverage quotes, once its statements are read. */
  speakerNames(): string[] {
    return [...this.articlesOfSpeakers().keys()];
  }

  /** Each speaker the coverage quotes, with the articles that quote them. */
  private articlesOfSpeakers(): Map<string, number[]> {
    if (this.speakerArticles === null) {
      const map = new Map<string, number[]>();
      for (const s of this.list ?? []) {
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
   * The speaker of the statement text[start, end) of an article quotes: `asked` (the speaker a
   * question asks for) when it overlaps a statement of theirs; else, of the statements it
   * overlaps, the one holding most of `matches` (the question's words, article offsets), then the
   * one it overlaps most; null when it quotes none, its speaker is unknown, or the statements are
   * not read yet.
   */
  speakerAt(
    article: number,
    start: number,
    end: number,
    matches: ReadonlyArray<{ start: number; end: number }> = [],
    asked: string | null = null,
  ): string | null {
    let best: Statement | null = null;
    let most = 0;
    let mostMatched = 0;
    for (const s of this.byArticle()?.[article] ?? []) {
      const overlap = Math.min(end, s.end) - Math.max(start, s.start);
      if (overlap <= 0) continue;
      if (asked !== null && s.speaker === asked) return asked;
      // The statement holding the words the question matched says what the excerpt answers.
      let matched = 0;
      for (const m of matches) if (m.start >= s.start && m.end <= s.end) matched += m.end - m.start;
      if (matched > mostMatched || (matched === mostMatched && overlap > most)) {
        best = s;
        most = overlap;
        mostMatched = matched;
      }
    }
    return best?.speaker ?? null;
  }

  /** Does some article inside the filters hold a statement by `speaker`? */
  quotedIn(speaker: string, filters: Filters): boolean {
    return (this.articlesOfSpeakers().get(speaker) ?? []).some((a) =>
      articleMatches(this.articles[a] as Article, filters),
    );
  }

  /** Does the passage hold a statement by `speaker` (by anyone named, when `speaker` is null)? */
  quotes(passage: Passage, speaker: string | null): boolean {
    return (this.byArticle()?.[passage.article] ?? []).some(
      (s) =>
        s.start < passage.end &&
        passage.start < s.end &&
        (speaker === null ? s.speaker !== null : s.speaker === speaker),
    );
  }
}
