/**
 * The filters a question runs under: the explicit ones with the metadata read from the question,
 * kept only when some article lies inside them, and the event an overview's topic names.
 */
import type { Article } from '../corpus/types.ts';
import type { MetadataMention } from '../question/analyse.ts';
import { terms as termsOf } from '../search/tokenize.ts';
import type { EngineState } from './engine-state.ts';
import { articleMatches, sourceMatches } from './filters.ts';
import type { Filters } from './types.ts';

/** The explicit filters with those read from the question; several dates span from first to last. */
export function withMentions(explicit: Filters, mentions: readonly MetadataMention[]): Filters {
  const filters: Filters = { ...explicit };
  for (const { filter } of mentions) {
    if (filter.event) filters.event = filter.event;
    if (filter.source) filters.source = filter.source;
    if (filter.since && (!filters.since || filter.since < filters.since)) filters.since = filter.since;
    if (filter.until && (!filters.until || filter.until > filters.until)) filters.until = filter.until;
  }
  return filters;
}

/** The articles inside the filters, by index: with dates, their range is searched, not the corpus. */
function* articlesIn(state: EngineState, filters: Filters): Generator<number> {
  const { articles } = state.corpus;
  if (filters.since || filters.until) {
    const catalog = state.summaries.catalog;
    const [from, to] = catalog.dateRange(filters.since, filters.until);
    for (let i = from; i < to; i++) {
      const a = catalog.byDate[i] ?? 0;
      if (articleMatches(articles[a] as Article, filters)) yield a;
    }
    return;
  }
  for (const [a, article] of articles.entries()) if (articleMatches(article, filters)) yield a;
}

/** True when some article lies inside the filters: a date range is searched, not the corpus. */
export function anyArticleIn(state: EngineState, filters: Filters): boolean {
  const catalog = state.summaries.catalog;
  if (filters.since || filters.until) return !articlesIn(state, filters).next().done;
  // Every article is counted under its outlet, with its event.
  return catalog.sources.some(
    (s) =>
      (!filters.source || sourceMatches(s.source, filters.source)) &&
      (!filters.event || s.events.includes(filters.event)),
  );
}

/** The one event inside the filters whose name holds every topic term, or null. */
export function eventNamedBy(state: EngineState, topic: Set<string>, filters: Filters): string | null {
  const named = [...state.eventNameTerms].filter(
    ([id, name]) =>
      [...topic].every((t) => name.has(t)) &&
      state.corpus.articles.some((a) => a.event === id && articleMatches(a, filters)),
  );
  return named.length === 1 ? (named[0]?.[0] ?? null) : null;
}

/** Most articles a scope may hold for its titles to be read (see `topicInEveryTitle`). */
const MAX_TITLES_READ = 50;

/**
 * True when the filters hold between one and MAX_TITLES_READ articles and every one's title holds
 * every term of `topic`: "What was published about Syria on 27 August?" when that day's articles
 * are all titled on Syria asks what they say, not which passage says "Syria" most.
 */
export function topicInEveryTitle(state: EngineState, topic: readonly string[], filters: Filters): boolean {
  const ids = topic.map((t) => state.index.termId(t));
  if (ids.length === 0 || ids.some((id) => id === undefined)) return false;
  const { offsets, ids: titleIds } = state.titleTerms;
  let read = 0;
  for (const a of articlesIn(state, filters)) {
    if (++read > MAX_TITLES_READ) return false;
    const row = state.titleRow[a] as number;
    const from = offsets[row] ?? 0;
    const to = offsets[row + 1] ?? 0;
    for (const id of ids) {
      let held = false;
      for (let i = from; i < to && !held; i++) held = titleIds[i] === id;
      if (!held) return false;
    }
  }
  if (read === 0) return false;
  // A speaker the coverage quotes is asked about, not the articles titled on them ("What did the
  // BRICS Post say about Lavrov?"); read last, since titles seldom all hold the topic.
  const speakers = speakerTerms(state);
  return !topic.some((t) => speakers.has(t));
}

/** The terms of the names of the speakers the coverage quotes (none before its statements are read). */
function speakerTerms(state: EngineState): ReadonlySet<string> {
  const names = state.statements.read ? state.statements.speakerNames() : [];
  return new Set(names.flatMap((name) => termsOf(name)));
}
