/**
 * The BM25F passage index. wink-bm25-text-search is the model: it tokenises through our
 * preparation tasks, weights fields, computes IDF and consolidates per-passage term weights. From
 * its consolidated data we build compact posting arrays once, and answer queries with a top-k
 * scorer that returns exactly what wink's own `search` returns (same order, same scores), only
 * without scoring and sorting every candidate into objects — and with exact filters.
 */
import bm25, { type Bm25Engine } from 'wink-bm25-text-search';
import type { RankingConfig } from './ranking-config.ts';
import { terms } from './tokenize.ts';

/** What is indexed for each passage: its fields as index terms (see `terms`), in order, with repeats. */
export interface IndexedText {
  title: string[];
  body: string[];
}

/** A ranked passage: its index in the build order and its BM25F score. */
export interface ScoredPassage {
  passage: number;
  score: number;
}

/** The compact, serialisable form of a built index. */
export interface PostingData {
  passageCount: number;
  /** Term → term id. */
  termIds: Map<string, number>;
  /** IDF of each term id, as wink computed it. */
  idf: Float64Array;
  /** Postings of term t are at [offsets[t], offsets[t + 1]). */
  offsets: Int32Array;
  passages: Int32Array;
  weights: Float64Array;
}

/** Error raised for misuse of the index, with a message a developer can act on. */
export class IndexError extends Error {
  override name = 'IndexError';
}

/**
 * Builds the index with wink-bm25-text-search. Needs at least one passage (wink itself needs three
 * to consolidate; smaller corpora are padded with empty passages that can never match).
 * With `keepEngine`, the wink engine is kept for `winkSearch` (used to verify the fast path).
 */
export function buildPassageIndex(
  texts: IndexedText[],
  config: RankingConfig,
  options: { keepEngine?: boolean } = {},
): Bm25Index {
  const engine = bm25();
  engine.defineConfig({
    fldWeights: { title: config.fieldWeights.title, body: config.fieldWeights.body },
    bm25Params: { k1: config.k1, b: config.b, k: config.k },
  });
  // Fields arrive as terms already (each sentence and title is tokenised once, however many
  // passages share it); questions go through the same tokeniser.
  const asTerms = (input: unknown): unknown => input;
  engine.definePrepTasks([(input: unknown) => terms(String(input))]);
  engine.definePrepTasks([asTerms], 'title');
  engine.definePrepTasks([asTerms], 'body');
  texts.forEach((text, i) => {
    engine.addDoc({ title: text.title, body: text.body } as unknown as Record<string, string>, i);
  });
  for (let pad = texts.length; pad < 3; pad++)
    engine.addDoc({ title: [], body: [] } as unknown as Record<string, string>, pad);
  engine.consolidate(4);
  const data = postingsFromEngine(engine, texts.length);
  return new Bm25Index(data, options.keepEngine ? engine : null);
}

/** Reads wink's consolidated documents and IDF into posting arrays (passage ids ascending). */
function postingsFromEngine(engine: Bm25Engine, passageCount: number): PostingData {
  const tokens = engine.getTokens();
  const docs = engine.getDocs();
  const termIds = new Map<string, number>();
  for (const term in tokens) termIds.set(term, tokens[term] ?? 0);
  const termCount = termIds.size;
  // One pass over wink's per-passage weights, in passage order, then a counting sort by term.
  let size = 0;
  let termOf = new Int32Array(1 << 16);
  let passageOf = new Int32Array(1 << 16);
  let weightOf = new Float64Array(1 << 16);
  const counts = new Int32Array(termCount + 1);
  for (let id = 0; id < passageCount; id++) {
    const freq = docs[id]?.freq ?? {};
    for (const t in freq) {
      if (size === termOf.length) {
        termOf = grow(termOf, new Int32Array(size * 2));
        passageOf = grow(passageOf, new Int32Array(size * 2));
        weightOf = grow(weightOf, new Float64Array(size * 2));
      }
      const term = +t;
      termOf[size] = term;
      passageOf[size] = id;
      weightOf[size] = freq[t] ?? 0;
      counts[term + 1] = (counts[term + 1] ?? 0) + 1;
      size++;
    }
  }
  const offsets = new Int32Array(termCount + 1);
  for (let t = 0; t < termCount; t++) offsets[t + 1] = (offsets[t] ?? 0) + (counts[t + 1] ?? 0);
  const passages = new Int32Array(size);
  const weights = new Float64Array(size);
  const fill = offsets.slice(0, termCount);
  for (let i = 0; i < size; i++) {
    const term = termOf[i] ?? 0;
    const at = fill[term] ?? 0;
    passages[at] = passageOf[i] ?? 0;
    weights[at] = weightOf[i] ?? 0;
    fill[term] = at + 1;
  }
  return { passageCount, termIds, idf: Float64Array.from(engine.getIDF()), offsets, passages, weights };
}

function grow<T extends Int32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** A built index: fast exact top-k search over wink's BM25F weights. */
export class Bm25Index {
  private scores: Float64Array;
  private touched: Int32Array;
  private seen: Uint8Array;

  constructor(
    readonly data: PostingData,
    private readonly engine: Bm25Engine | null = null,
  ) {
    this.scores = new Float64Array(data.passageCount);
    this.touched = new Int32Array(data.passageCount);
    this.seen = new Uint8Array(data.passageCount);
  }

  get passageCount(): number {
    return this.data.passageCount;
  }

  /** The IDF of a term in this index, or null when no passage contains it. */
  idf(term: string): number | null {
    const id = this.data.termIds.get(term);
    return id === undefined ? null : (this.data.idf[id] ?? null);
  }

  /** The IDF a term would have if no passage contained it (the largest possible). */
  maxIdf(k: number): number {
    const n = this.data.passageCount;
    return Math.log((n + 0.5) / 0.5 + k);
  }

  /**
   * The `limit` best passages for already-normalised query terms (repeats count, as in wink),
   * best first, ties broken by passage order. With `allowed`, only passages whose flag is 1 are
   * scored, so the result is the exact top of the filtered set.
   */
  search(queryTerms: string[], limit: number, allowed: Uint8Array | null = null): ScoredPassage[] {
    const { termIds, offsets, passages, weights } = this.data;
    const scores = this.scores;
    const touched = this.touched;
    const seen = this.seen;
    let touchedCount = 0;
    for (const term of queryTerms) {
      const t = termIds.get(term);
      if (t === undefined) continue;
      const end = offsets[t + 1] ?? 0;
      for (let i = offsets[t] ?? 0; i < end; i++) {
        const p = passages[i] ?? 0;
        if (allowed !== null && allowed[p] !== 1) continue;
        if (seen[p] === 0) {
          seen[p] = 1;
          touched[touchedCount++] = p;
        }
        scores[p] = (weights[i] ?? 0) + (scores[p] ?? 0);
      }
    }
    const top = selectTop(scores, touched, touchedCount, Math.max(1, limit));
    for (let i = 0; i < touchedCount; i++) {
      const p = touched[i] ?? 0;
      scores[p] = 0;
      seen[p] = 0;
    }
    return top;
  }

  /** wink-bm25-text-search's own search over the same model (only with `keepEngine`); for verification. */
  winkSearch(text: string, limit: number): ScoredPassage[] {
    if (this.engine === null)
      throw new IndexError('Bm25Index: winkSearch needs an index built with keepEngine: true');
    return this.engine.search(text, limit).map(([id, score]) => ({ passage: Number(id), score }));
  }
}

/**
 * Picks the `limit` highest scores among the touched passages with a bounded min-heap; ties go
 * to the lower passage number, as wink's stable sort over ascending ids does.
 */
function selectTop(scores: Float64Array, touched: Int32Array, count: number, limit: number): ScoredPassage[] {
  const heap: ScoredPassage[] = [];
  // "a is worse than b": lower score, or same score and later passage.
  const worse = (a: ScoredPassage, b: ScoredPassage) =>
    a.score < b.score || (a.score === b.score && a.passage > b.passage);
  const siftDown = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && worse(heap[l] as ScoredPassage, heap[m] as ScoredPassage)) m = l;
      if (r < heap.length && worse(heap[r] as ScoredPassage, heap[m] as ScoredPassage)) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m] as ScoredPassage, heap[i] as ScoredPassage];
      i = m;
    }
  };
  for (let i = 0; i < count; i++) {
    const passage = touched[i] ?? 0;
    const candidate = { passage, score: scores[passage] ?? 0 };
    if (heap.length < limit) {
      heap.push(candidate);
      for (let c = heap.length - 1; c > 0; ) {
        const parent = (c - 1) >> 1;
        if (!worse(heap[c] as ScoredPassage, heap[parent] as ScoredPassage)) break;
        [heap[c], heap[parent]] = [heap[parent] as ScoredPassage, heap[c] as ScoredPassage];
        c = parent;
      }
    } else if (worse(heap[0] as ScoredPassage, candidate)) {
      heap[0] = candidate;
      siftDown(0);
    }
  }
  return heap.sort((a, b) => b.score - a.score || a.passage - b.passage);
}
