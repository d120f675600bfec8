/**
 * Who said what, as plain data for the CLI and the bot: a speaker's statements inside filters,
 * those matching `about` best first, and the speakers the coverage quotes, with counts and outlets.
 */
import type { Article } from '../corpus/types.ts';
import { terms } from '../search/tokenize.ts';
import { matchSpeaker } from '../statements/speaker-match.ts';
import type { Statement, StatementKind } from '../statements/types.ts';
import type { AnswerEngine } from './engine.ts';
import { articleMatches } from './filters.ts';
import { publishedInEvent } from './published.ts';
import type { Filters, PublishedInEvent } from './types.ts';

/** One statement with where it was published. */
export interface Quote extends PublishedInEvent {
  speaker: string | null;
  kind: StatementKind;
  /** Verbatim text of the article: the quotation with its marks, or the reported clause. */
  text: string;
  /** The reporting words ("told journalists"), or null. */
  cue: string | null;
  /** The outlet (or, when unknown, the article id) that names the speaker, when this article does not. */
  attributedBy: string | null;
}

/** A page of a speaker's statements. */
export interface QuotesAnswer {
  speaker: string;
  about: string;
  filters: Filters;
  results: Quote[];
  offset: number;
  hasMore: boolean;
}

/** A speaker the coverage quotes: statements, and the outlets that carry them. */
export interface SpeakerSummary {
  speaker: string;
  statements: number;
  /** Outlets (unknown ones as null) that quote the speaker, most statements first. */
  outlets: Array<{ source: string | null; statements: number }>;
}

/** The quote of a statement of `index`. */
export function quoteOf(index: AnswerEngine, s: Statement): Quote {
  const article = index.corpus.articles[s.article] as Article;
  const by =
    s.attributedBy === null ? null : (index.corpus.articles.find((a) => a.id === s.attributedBy) ?? null);
  return {
    speaker: s.speaker,
    kind: s.kind,
    text: article.text.slice(s.start, s.end),
    cue: s.cue,
    ...publishedInEvent(article, (id) => index.eventName(id)),
    attributedBy: s.attributedBy === null ? null : (by?.source ?? s.attributedBy),
  };
}

/**
 * The speaker a member typed, as the coverage names them: the same name ignoring case, else the
 * one speaker whose name holds the typed words ("lavrov" → "Sergei Lavrov"); null otherwise.
 */
export function findSpeaker(index: AnswerEngine, typed: string): string | null {
  return matchSpeaker(speakerNames(index), typed);
}

function speakerNames(index: AnswerEngine): string[] {
  return [...new Set(index.statements.map((s) => s.speaker).filter((s): s is string => s !== null))];
}

/**
 * The statements of `speaker` inside the filters: with `about`, those sharing its terms first
 * (by the IDF of the terms they hold), then oldest first; `k` from `offset`.
 */
export function findQuotes(
  index: AnswerEngine,
  speaker: string,
  about = '',
  filters: Filters = {},
  k = 3,
  offset = 0,
): QuotesAnswer {
  const wanted = new Set(terms(about));
  const scored = index.statements
    .filter(
      (s) => s.speaker === speaker && articleMatches(index.corpus.articles[s.article] as Article, filters),
    )
    .map((s, order) => {
      const held = new Set(terms(index.corpus.articles[s.article]?.text.slice(s.start, s.end) ?? ''));
      let score = 0;
      for (const t of wanted) if (held.has(t)) score += index.index.idf(t) ?? 0;
      return { s, score, order, date: index.corpus.articles[s.article]?.date ?? '9999' };
    })
    .filter((x) => wanted.size === 0 || x.score > 0)
    .sort((a, b) => b.score - a.score || (a.date < b.date ? -1 : a.date > b.date ? 1 : a.order - b.order));
  return {
    speaker,
    about,
    filters,
    results: scored.slice(offset, offset + k).map((x) => quoteOf(index, x.s)),
    offset,
    hasMore: scored.length > offset + k,
  };
}

/** The speakers quoted inside the filters, most statements first (then by name). */
export function listSpeakers(index: AnswerEngine, filters: Filters = {}): SpeakerSummary[] {
  const bySpeaker = new Map<string, Map<string | null, number>>();
  for (const s of index.statements) {
    const article = index.corpus.articles[s.article] as Article;
    if (s.speaker === null || !articleMatches(article, filters)) continue;
    const outlets = bySpeaker.get(s.speaker) ?? new Map<string | null, number>();
    outlets.set(article.source, (outlets.get(article.source) ?? 0) + 1);
    bySpeaker.set(s.speaker, outlets);
  }
  return [...bySpeaker.entries()]
    .map(([speaker, outlets]) => ({
      speaker,
      statements: [...outlets.values()].reduce((a, b) => a + b, 0),
      outlets: [...outlets.entries()]
        .map(([source, statements]) => ({ source, statements }))
        .sort((a, b) => b.statements - a.statements),
    }))
    .sort((a, b) => b.statements - a.statements || a.speaker.localeCompare(b.speaker));
}
