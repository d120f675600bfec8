/**
 * Ranked excerpts made into an answer's results: overlaps within an article dropped, at most a
 * few excerpts an article, and copies of one text run by several outlets grouped as one result.
 */
import { byDate } from '../corpus/catalog.ts';
import type { Article } from '../corpus/types.ts';
import type { ScoredPassage } from '../search/bm25-index.ts';
import { grownInts } from '../util/grown.ts';
import type { EngineState } from './engine-state.ts';
import type { TrimMemo } from './excerpt.ts';
import { published } from './published.ts';
import type { Query } from './query.ts';
import { type Candidate, excerptOf } from './ranked-excerpt.ts';
import type { ShingleCoder } from './syndication.ts';
import type { AlsoReported } from './types.ts';

/** At most this many excerpts of one article in a result list. */
export const MAX_EXCERPTS_PER_ARTICLE = 2;
/** Candidates examined after the needed excerpts are found, for copies of them run by other outlets. */
const COPY_LOOKAHEAD = 12;

/**
 * Turns ranked excerpts into result groups: overlapping excerpts of one article are dropped, at
 * most MAX_EXCERPTS_PER_ARTICLE per article, and copies of the same text in different articles
 * become one group shown as its earliest copy, with the best score of its copies.
 */
export function groupExcerpts(
  state: EngineState,
  ranked: ScoredPassage[],
  query: Query,
  needed: number,
): Array<Candidate & { alsoIn: AlsoReported[] }> {
  const groups: Group[] = [];
  state.shingles.reset();
  // Copies of one story in several articles are cut and coded once per answer.
  const trims: TrimMemo = new Map();
  const coded = new Map<string, number>();
  // The spans kept so far, as (article, start, end) triples: few, so read by a loop.
  let kept = state.scratch.keptSpans;
  let keptCount = 0;
  let lookahead = COPY_LOOKAHEAD;
  for (const r of ranked) {
    // Once enough groups are found, look a little further only for copies of them.
    if (groups.length >= needed && lookahead-- <= 0) break;
    const excerpt = excerptOf(state, r.passage, r.score, query, trims);
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
    const quoted = (state.corpus.articles[excerpt.article] as Article).text.slice(start, end);
    let sh = coded.get(quoted);
    if (sh === undefined) {
      sh = state.shingles.add(quoted);
      coded.set(quoted, sh);
    }
    const group = sameCopyGroup(state.shingles, groups, excerpt.article, sh);
    if (group !== undefined) {
      group.copies.push(excerpt);
    } else {
      if (spans >= MAX_EXCERPTS_PER_ARTICLE || groups.length >= needed) continue;
      groups.push({ copies: [excerpt], shingles: sh });
    }
    if (keptCount + 3 > kept.length) {
      kept = grownInts(kept, keptCount + 3);
      state.scratch.keptSpans = kept;
    }
    kept[keptCount++] = excerpt.article;
    kept[keptCount++] = start;
    kept[keptCount++] = end;
  }
  const articles = state.corpus.articles;
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

/** Excerpts of one answer that are copies of one text, and that text's number in the answer's shingle coder. */
interface Group {
  copies: Candidate[];
  shingles: number;
}

/** The group `shingles` is a copy of, unless it already holds an excerpt of `article`. */
function sameCopyGroup(
  coder: ShingleCoder,
  groups: Group[],
  article: number,
  shingles: number,
): Group | undefined {
  for (const g of groups) {
    let inArticle = false;
    for (const c of g.copies) if (c.article === article) inArticle = true;
    if (!inArticle && coder.sameCopy(g.shingles, shingles)) return g;
  }
  return undefined;
}
