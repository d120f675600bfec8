/**
 * Serving a changed corpus without building it again. Articles whose title and text are unchanged
 * keep their sentences, term ids and indexed passages; the others are cut and indexed as one new
 * segment of the engine's segmented index, and the passages of removed or rewritten articles are
 * deleted from theirs. A move to another event (any change of metadata alone) reindexes nothing.
 * Scores equal a full build's (see `SegmentedIndex`); passages keep the order they were indexed
 * in, so an added article's passages come after the others where a build would put them in corpus
 * order, which only matters between passages of exactly equal score.
 */
import { type ArticleEnds, sameEnds } from '../corpus/diff.ts';
import type { Article, Corpus } from '../corpus/types.ts';
import type { Passage } from '../passages/passages.ts';
import type { SentenceSpan } from '../passages/sentences.ts';
import type { PassageFields } from '../search/bm25-index.ts';
import { SegmentedIndex } from '../search/segmented-index.ts';
import { joinRuns } from '../util/join-lists.ts';
import { appendRows, joinRows, type RowRun, rowCount, type TermTable } from '../util/term-table.ts';
import { cutArticles, renumberTerms } from './cut-articles.ts';
import { AnswerEngine, type EngineParts } from './engine.ts';

/** How many times the room a sentence table needs it gets when copied, for later changes to append into. */
const ROOM = 2;

/** The passage a deleted slot holds: it belongs to no article, and no search returns it. */
const DELETED: Passage = Object.freeze({ article: -1, start: 0, end: 0, firstSentence: 0, lastSentence: -1 });

/** Scratch of `updateEngine`, kept for the next change: arrays of a million entries made anew by each change are work for the collector. */
let scratch = new Int32Array(0);

/** `size` entries of the scratch (their values left from before), grown when too small. */
function scratchOf(size: number): Int32Array {
  if (scratch.length < size) scratch = new Int32Array(Math.ceil(size * 1.25));
  return scratch.subarray(0, size);
}

/**
 * The engine of `corpus`, made from `previous` (the engine of the corpus before a change) by
 * indexing only the articles that are new or whose title or text changed. Statements are left to
 * be read again (`readStatements`), as after a build: who said what is resolved across articles.
 */
export function updateEngine(previous: AnswerEngine, corpus: Corpus): AnswerEngine {
  const before = previous.engineParts();
  const config = before.config;
  const old = before.corpus.articles;
  const next = corpus.articles;
  // The same article objects at both ends are kept as they are; only the middle is looked up.
  const ends = sameEnds(old, next);
  const shift = ends.beforeEnd - ends.afterEnd;
  // Where each article's indexed text comes from: an old article (>= 0) or the new cut (-1 - k).
  const work = scratchOf(next.length + 2 * old.length);
  const source = work.subarray(0, next.length);
  const kept = work.subarray(next.length, next.length + old.length).fill(0);
  for (let a = 0; a < ends.start; a++) source[a] = a;
  for (let a = ends.afterEnd; a < next.length; a++) source[a] = a + shift;
  kept.fill(1, 0, ends.start);
  kept.fill(1, ends.beforeEnd);
  const oldIndexOf = new Map<string, number>();
  for (let o = ends.start; o < ends.beforeEnd; o++) oldIndexOf.set((old[o] as Article).id, o);
  const toIndex: Article[] = [];
  // Whether every article keeps its text and its number: a change of metadata alone.
  let inPlace = old.length === next.length;
  for (let a = ends.start; a < ends.afterEnd; a++) {
    const article = next[a] as Article;
    const o = oldIndexOf.get(article.id);
    const was = o === undefined ? undefined : old[o];
    if (o !== undefined && was !== undefined && sameText(was, article)) {
      source[a] = o;
      kept[o] = 1;
      inPlace &&= o === a;
    } else {
      source[a] = -1 - toIndex.length;
      toIndex.push(article);
      inPlace = false;
    }
  }
  if (inPlace) return withMetadata(previous, before, corpus, ends);
  let index = segmentedIndexOf(previous);
  const oldSlots = before.passages.length;
  const oldArticleOf = before.articleOf ?? Int32Array.from(before.passages, (p) => p.article);
  const gone: number[] = [];
  for (let slot = 0; slot < oldSlots; slot++) {
    const a = oldArticleOf[slot] as number;
    if (a >= 0 && kept[a] === 0) gone.push(slot);
  }
  index = index.without(gone);
  const cut = cutArticles(toIndex, config);
  if (toIndex.length > 0) {
    const added = index.withPassages(cut.fields);
    index = added.index;
    renumberTerms([cut.sentenceTerms, cut.titleTerms], added.termIdOf);
  }
  // The new article number of each old article and of each cut one.
  const newOfOld = work.subarray(next.length + old.length).fill(-1);
  const newOfCut = new Int32Array(toIndex.length);
  for (let a = 0; a < next.length; a++) {
    const from = source[a] as number;
    if (from >= 0) newOfOld[from] = a;
    else newOfCut[-1 - from] = a;
  }
  // Article numbers move in one typed array; the passages' records are kept (see EngineParts),
  // their list copied in one block.
  const passages = before.passages.concat(cut.passages);
  const articleOf = new Int32Array(passages.length);
  for (let slot = 0; slot < oldSlots; slot++) {
    const was = oldArticleOf[slot] as number;
    const a = was < 0 ? -1 : (newOfOld[was] as number);
    articleOf[slot] = a;
    if (a < 0 && was >= 0) passages[slot] = DELETED;
  }
  cut.passages.forEach((p, i) => {
    articleOf[oldSlots + i] = newOfCut[p.article] as number;
  });
  const oldRows = before.sentenceRows ?? rowStarts(before.sentences);
  const cutRows = rowStarts(cut.sentences);
  // The articles at both ends keep their sentence lists in blocks; the middle is looked up.
  const middle: SentenceSpan[][] = [];
  for (let a = ends.start; a < ends.afterEnd; a++) {
    const from = source[a] as number;
    middle.push((from >= 0 ? before.sentences[from] : cut.sentences[-1 - from]) as SentenceSpan[]);
  }
  const sentences = joinRuns([
    { list: before.sentences, from: 0, to: ends.start },
    { list: middle, from: 0, to: middle.length },
    { list: before.sentences, from: ends.beforeEnd, to: before.sentences.length },
  ]);
  const titles = titleRowsOf(source, before, cut.titleTerms, toIndex.length);
  // The cut articles' sentence rows (with their kinds, the table's tags) go after the table's own,
  // in its room when it has some left; otherwise the rows still used are copied, in article order,
  // into a table with room to spare.
  const appended =
    toIndex.length === 0 ? before.sentenceTerms : appendRows(before.sentenceTerms, cut.sentenceTerms);
  let sentenceTerms: TermTable;
  let sentenceRows: Int32Array | undefined;
  if (appended !== null) {
    const cutBase = rowCount(before.sentenceTerms);
    sentenceTerms = appended;
    sentenceRows = new Int32Array(next.length);
    for (let a = 0; a < next.length; a++) {
      const from = source[a] as number;
      sentenceRows[a] = from >= 0 ? (oldRows[from] as number) : cutBase + (cutRows[-1 - from] as number);
    }
  } else {
    sentenceTerms = joinRows(
      sentenceRuns(source, sentences, oldRows, cutRows, before.sentenceTerms, cut.sentenceTerms),
      ROOM,
    );
  }
  const parts: EngineParts = {
    corpus,
    config,
    sentences,
    passages,
    articleOf,
    sentenceTerms,
    ...(sentenceRows === undefined ? {} : { sentenceRows }),
    titleTerms: titles.titleTerms,
    ...(titles.titleRows === undefined ? {} : { titleRows: titles.titleRows }),
    statements: null,
  };
  const engine = new AnswerEngine(parts, index);
  engine.summariesFrom(previous, ends);
  return engine;
}

/**
 * The engine of `corpus`, whose articles have the text and place of `previous`'s (an event renamed,
 * an article moved to another event): every per-passage and per-article table is shared, and the
 * filters made before are kept when the articles are the very same objects.
 */
function withMetadata(
  previous: AnswerEngine,
  before: EngineParts,
  corpus: Corpus,
  ends: ArticleEnds,
): AnswerEngine {
  const engine = new AnswerEngine({ ...before, corpus, statements: null }, previous.index);
  if (ends.start === corpus.articles.length) engine.masksFrom(previous);
  engine.summariesFrom(previous, ends);
  return engine;
}

/**
 * The title rows of the articles `source` names (see `updateEngine`): the cut ones appended to the
 * previous table in its room when it has some, with each article's row; else every title copied,
 * in article order, into a table with room to spare (and no rows needed).
 */
function titleRowsOf(
  source: Int32Array,
  before: EngineParts,
  cutTitles: TermTable,
  cutCount: number,
): { titleTerms: TermTable; titleRows?: Int32Array } {
  const oldRow = (from: number) =>
    before.titleRows === undefined ? from : (before.titleRows[from] as number);
  const appended = cutCount === 0 ? before.titleTerms : appendRows(before.titleTerms, cutTitles);
  if (appended !== null) {
    const cutBase = rowCount(before.titleTerms);
    const titleRows = new Int32Array(source.length);
    for (let a = 0; a < source.length; a++) {
      const from = source[a] as number;
      titleRows[a] = from >= 0 ? oldRow(from) : cutBase - 1 - from;
    }
    return { titleTerms: appended, titleRows };
  }
  const runs: RowRun[] = [];
  let last: RowRun | null = null;
  for (let a = 0; a < source.length; a++) {
    const from = source[a] as number;
    const table = from >= 0 ? before.titleTerms : cutTitles;
    const row = from >= 0 ? oldRow(from) : -1 - from;
    if (last !== null && last.table === table && last.from + last.count === row) last.count++;
    else {
      last = { table, from: row, count: 1 };
      runs.push(last);
    }
  }
  return { titleTerms: joinRows(runs, ROOM) };
}

/** Same id, title and text: the article's passages and terms can be kept. */
function sameText(was: Article, article: Article): boolean {
  return (
    was === article || (was.id === article.id && was.title === article.title && was.text === article.text)
  );
}

/**
 * The same engine over a segmented index, its term tables copied into tables with room (itself
 * when it has one): what the first `updateEngine` of an engine from a build or a saved index
 * would do, done ahead of the first change (see LiveEngine), so that it costs what later ones do.
 */
export function segmentedEngine(engine: AnswerEngine): AnswerEngine {
  if (engine.index instanceof SegmentedIndex) return engine;
  const parts = engine.engineParts();
  // One run of every row keeps the rows' numbers: sentenceRows and titleRows stay valid.
  const roomy = (table: TermTable) => joinRows([{ table, from: 0, count: rowCount(table) }], ROOM);
  const index = segmentedIndexOf(engine);
  return new AnswerEngine(
    { ...parts, sentenceTerms: roomy(parts.sentenceTerms), titleTerms: roomy(parts.titleTerms) },
    index,
  );
}

/**
 * Merges the segments the tiered policy asks to merge now (see `SegmentedIndex.mergeCandidate`):
 * the same engine over fewer segments, passages renumbered; null when there is nothing to merge.
 */
export function mergeEngine(engine: AnswerEngine): AnswerEngine | null {
  if (!(engine.index instanceof SegmentedIndex)) return null;
  const merged = engine.index.mergeOnce();
  if (merged === null) return null;
  const parts = engine.engineParts();
  const passages: Passage[] = new Array(merged.index.slotCount);
  const articleOf = new Int32Array(merged.index.slotCount).fill(-1);
  const oldArticleOf = parts.articleOf ?? Int32Array.from(parts.passages, (p) => p.article);
  parts.passages.forEach((p, slot) => {
    const to = merged.slotOf[slot] as number;
    if (to < 0) return;
    passages[to] = p;
    articleOf[to] = oldArticleOf[slot] as number;
  });
  for (let slot = 0; slot < passages.length; slot++) passages[slot] ??= DELETED;
  return new AnswerEngine({ ...parts, passages, articleOf }, merged.index);
}

/**
 * The engine's index as a segmented one: itself, or (for an engine from a single build or a saved
 * index) one segment over its passages, keeping its term ids, so its term tables stay valid.
 */
function segmentedIndexOf(engine: AnswerEngine): SegmentedIndex {
  if (engine.index instanceof SegmentedIndex) return engine.index;
  const parts = engine.engineParts();
  // Ids no live term holds get a name no question can ask.
  const names = Array.from({ length: engine.index.termCount }, (_, id) => `\u0000${id}`);
  for (const [term, id] of engine.index.postingData().termIds) names[id] = term;
  const rows = parts.sentenceRows ?? rowStarts(parts.sentences);
  const count = parts.passages.length;
  const titleRow = (a: number) => (parts.titleRows === undefined ? a : (parts.titleRows[a] as number));
  const fields: PassageFields = {
    count,
    vocabulary: names,
    titleIds: parts.titleTerms.ids,
    titleStart: new Int32Array(count),
    titleEnd: new Int32Array(count),
    bodyIds: parts.sentenceTerms.ids,
    bodyStart: new Int32Array(count),
    bodyEnd: new Int32Array(count),
  };
  const articleOf = parts.articleOf ?? Int32Array.from(parts.passages, (p) => p.article);
  parts.passages.forEach((p, i) => {
    const a = articleOf[i] as number;
    const base = rows[a] ?? 0;
    fields.titleStart[i] = a < 0 ? 0 : (parts.titleTerms.offsets[titleRow(a)] ?? 0);
    fields.titleEnd[i] = a < 0 ? 0 : (parts.titleTerms.offsets[titleRow(a) + 1] ?? 0);
    fields.bodyStart[i] = parts.sentenceTerms.offsets[base + p.firstSentence] ?? 0;
    fields.bodyEnd[i] = parts.sentenceTerms.offsets[base + p.lastSentence + 1] ?? 0;
  });
  const segmented = SegmentedIndex.build(fields, parts.config, names).index;
  // Same passages, same term ids, same statistics: the build's weights are this index' weights.
  return segmented.withWeights(engine.index.postingData().weights);
}

/** Row of each article's first sentence, when sentences are numbered article by article. */
function rowStarts(sentences: readonly (readonly SentenceSpan[])[]): Int32Array {
  const starts = new Int32Array(sentences.length);
  let row = 0;
  sentences.forEach((spans, a) => {
    starts[a] = row;
    row += spans.length;
  });
  return starts;
}

/**
 * The runs of sentence rows of the articles, in article order: consecutive articles from one table
 * whose rows follow each other make one run.
 */
function sentenceRuns(
  source: Int32Array,
  sentences: readonly SentenceSpan[][],
  oldRows: Int32Array,
  cutRows: Int32Array,
  oldTable: TermTable,
  cutTable: TermTable,
): RowRun[] {
  const runs: RowRun[] = [];
  let last: RowRun | null = null;
  for (let a = 0; a < source.length; a++) {
    const from = source[a] as number;
    const table = from >= 0 ? oldTable : cutTable;
    const row = from >= 0 ? (oldRows[from] as number) : (cutRows[-1 - from] as number);
    const count = (sentences[a] as SentenceSpan[]).length;
    if (last !== null && last.table === table && last.from + last.count === row) last.count += count;
    else {
      last = { table, from: row, count };
      runs.push(last);
    }
  }
  return runs;
}
