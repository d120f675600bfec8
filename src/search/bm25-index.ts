/**
 * The BM25F passage index. wink-bm25-text-search is the model: its field weights, BM25
 * parameters, IDF and consolidation (rounding to four decimals) define every weight. We compute
 * those weights in typed arrays with wink's arithmetic in wink's order (wink's own addDoc and
 * consolidate cost more than everything else in a build), check them against wink's own model in
 * a verification mode (`keepEngine`, run by the tests on the real corpus and on SQuAD, and by
 * `npm run eval`), and answer queries with a top-k scorer that returns exactly what wink's
 * `search` returns (same order, same scores) — with exact filters.
 */
import bm25, { type Bm25Engine } from 'wink-bm25-text-search';
import { float64Array, int32Array } from '../util/shared-arrays.ts';
import { TermTableBuilder } from '../util/term-table.ts';
import { countFieldTerms, forEachPassageTerms, type PassageFields } from './field-terms.ts';
import type { PassageIndex, PostingData } from './passage-index.ts';
import { addPositive, allPositive, positiveFactors } from './positive-scores.ts';
import type { RankingConfig } from './ranking-config.ts';
import { TermVocabulary, terms } from './tokenize.ts';
import { type ScoredPassage, TopHeap } from './top-heap.ts';

/** What is indexed for each passage: its fields as index terms (see `terms`), in order, with repeats. */
export interface IndexedText {
  title: string[];
  body: string[];
}

export type { PostingData } from './passage-index.ts';
export type { ScoredPassage } from './top-heap.ts';

/** Error raised for misuse of the index, with a message a developer can act on. */
export class IndexError extends Error {
  override name = 'IndexError';
}

export type { PassageFields } from './field-terms.ts';

/** Options of a build. */
export interface BuildOptions {
  /**
   * Also build wink-bm25-text-search's own model from the same terms, check that every
   * consolidated weight and IDF equals ours (IndexError if one does not), and keep it for
   * `winkSearch`. Slow: for tests and `npm run eval`, not for serving.
   */
  keepEngine?: boolean;
}

/** A built index and, for each id of the input vocabulary, its id in the index (-1 if unused). */
export interface BuiltIndex {
  index: Bm25Index;
  termIdOf: Int32Array;
}

/** wink's `consolidate` precision: weights are rounded to this many decimals. */
export const FREQ_PRECISION = 4;
/** 10 ** FREQ_PRECISION. */
const FREQ_SCALE = 1e4;

/** The fields of passages given as term lists, as ids into a vocabulary of their own terms. */
export function passageFieldsOf(texts: readonly IndexedText[]): PassageFields {
  const vocabulary = new TermVocabulary();
  const field = (pick: (t: IndexedText) => string[]) => {
    const table = new TermTableBuilder();
    for (const text of texts) {
      for (const term of pick(text)) table.ids.push(vocabulary.idOf(term));
      table.endRow();
    }
    const { offsets, ids: flat } = table.build();
    return { ids: flat, start: offsets.subarray(0, texts.length), end: offsets.subarray(1) };
  };
  const title = field((t) => t.title);
  const body = field((t) => t.body);
  return {
    count: texts.length,
    vocabulary: vocabulary.terms,
    titleIds: title.ids,
    titleStart: title.start,
    titleEnd: title.end,
    bodyIds: body.ids,
    bodyStart: body.start,
    bodyEnd: body.end,
  };
}

/**
 * Builds the index from string terms (see `indexPassages`). Needs at least one passage (wink
 * itself needs three to consolidate; smaller corpora are padded with empty passages that can never
 * match).
 */
export function buildPassageIndex(
  texts: IndexedText[],
  config: RankingConfig,
  options: BuildOptions = {},
): Bm25Index {
  return indexPassages(passageFieldsOf(texts), config, options).index;
}

/**
 * Builds the index: the BM25F weights of wink-bm25-text-search (its `addDoc` then
 * `consolidate(4)` with our field weights and BM25 parameters), computed here in typed arrays with
 * the same arithmetic in the same order, so every weight and IDF is equal to wink's, bit for bit.
 * Term ids are numbered as wink numbers them (order of first appearance, title before body).
 * wink itself builds the model only with `keepEngine`, which checks the equality (tests and
 * `npm run eval` run it on the real corpus and on SQuAD).
 */
export function indexPassages(
  fields: PassageFields,
  config: RankingConfig,
  options: BuildOptions = {},
): BuiltIndex {
  const count = fields.count;
  const wTitle = config.fieldWeights.title;
  const wBody = config.fieldWeights.body;
  // Pass 1: wink's term numbering, passage lengths, document frequencies.
  const counts = countFieldTerms(fields, wTitle, wBody);
  const { termCount, termOf: termIdOf, passageCounts: df, titleLengths, bodyLengths } = counts;
  const lengths = float64Array(count);
  let totalLength = 0;
  for (let p = 0; p < count; p++) {
    // As wink: each field adds (its term count × |weight|) to the passage and corpus lengths.
    const titleLength = titleLengths[p] as number;
    const bodyLength = bodyLengths[p] as number;
    lengths[p] = 0 + titleLength + bodyLength;
    totalLength += titleLength;
    totalLength += bodyLength;
  }
  const totalDocs = Math.max(3, count);
  const { k1, b, k } = config;
  const idf = float64Array(termCount);
  const offsets = int32Array(termCount + 1);
  for (let t = 0; t < termCount; t++) {
    const n = df[t] as number;
    idf[t] = Math.log((totalDocs - n + 0.5) / (n + 0.5) + k);
    offsets[t + 1] = (offsets[t] as number) + n;
  }
  // Pass 2: each passage's weighted term frequencies, then its consolidated weights, appended to
  // the postings of each term (passages ascending).
  const size = offsets[termCount] as number;
  const passages = int32Array(size);
  const weights = float64Array(size);
  const fill = offsets.slice(0, termCount);
  const avgLength = totalLength / totalDocs;
  forEachPassageTerms(fields, counts, wTitle, wBody, (p, distinct, n, freq) => {
    const k1Norm = k1 * (1 - b + b * ((lengths[p] as number) / avgLength));
    for (let j = 0; j < n; j++) {
      const t = distinct[j] as number;
      const f = freq[t] as number;
      const at = fill[t] as number;
      passages[at] = p;
      weights[at] = postingWeight(f, k1, k1Norm, idf[t] as number);
      fill[t] = at + 1;
    }
  });
  // Terms in id order, so that the map does not depend on how the vocabulary was numbered.
  const termOf: string[] = new Array(termCount);
  fields.vocabulary.forEach((term, raw) => {
    const t = termIdOf[raw] as number;
    if (t >= 0) termOf[t] = term;
  });
  const termIds = new Map<string, number>();
  for (let t = 0; t < termCount; t++) termIds.set(termOf[t] as string, t);
  const data: PostingData = { passageCount: count, termIds, idf, offsets, passages, weights };
  let engine: Bm25Engine | null = null;
  if (options.keepEngine) {
    engine = winkEngine(fields, config);
    const disagreements = winkDisagreements(data, engine);
    if (disagreements.length > 0)
      throw new IndexError(`Bm25Index: weights differ from wink's: ${disagreements.join('; ')}`);
  }
  return { index: new Bm25Index(data, engine), termIdOf };
}

/**
 * A posting's BM25F weight as wink's consolidated model holds it, rounded as `toFixed(4)` rounds:
 * `f` the field-weighted term frequency, `k1Norm` k1 × the passage's length normalisation.
 * Every index computes it here, so that segments score exactly as a full build.
 */
export function postingWeight(f: number, k1: number, k1Norm: number, idf: number): number {
  return Math.sign(f) * roundLikeToFixed(Math.abs((f * (k1 + 1)) / (k1Norm + f)) * idf, FREQ_PRECISION);
}

/**
 * `Number(x.toFixed(digits))`, as wink rounds, without making a string when it need not: when
 * x × 10^digits is clearly away from a half, Math.round finds the same integer m as toFixed, and
 * m / 10^digits is the double nearest to the decimal toFixed writes (both are correctly rounded).
 */
export function roundLikeToFixed(x: number, digits: number): number {
  const scale = digits === FREQ_PRECISION ? FREQ_SCALE : 10 ** digits;
  const scaled = x * scale;
  const fraction = scaled - Math.floor(scaled);
  if (scaled < 1e15 && Math.abs(fraction - 0.5) > 1e-6) return Math.round(scaled) / scale;
  return Number(x.toFixed(digits));
}

/** wink-bm25-text-search's own model over the same passages (verification only). */
function winkEngine(fields: PassageFields, config: RankingConfig): Bm25Engine {
  const engine = bm25();
  engine.defineConfig({
    fldWeights: { title: config.fieldWeights.title, body: config.fieldWeights.body },
    bm25Params: { k1: config.k1, b: config.b, k: config.k },
  });
  // Fields arrive as terms already; questions go through the same tokeniser.
  const asTerms = (input: unknown): unknown => input;
  engine.definePrepTasks([(input: unknown) => terms(String(input))]);
  engine.definePrepTasks([asTerms], 'title');
  engine.definePrepTasks([asTerms], 'body');
  const slice = (ids: Int32Array, from: number, to: number) =>
    Array.from(ids.subarray(from, to), (id) => fields.vocabulary[id] as string);
  for (let p = 0; p < fields.count; p++) {
    const title = slice(fields.titleIds, fields.titleStart[p] as number, fields.titleEnd[p] as number);
    const body = slice(fields.bodyIds, fields.bodyStart[p] as number, fields.bodyEnd[p] as number);
    engine.addDoc({ title, body } as unknown as Record<string, string>, p);
  }
  for (let pad = fields.count; pad < 3; pad++)
    engine.addDoc({ title: [], body: [] } as unknown as Record<string, string>, pad);
  engine.consolidate(FREQ_PRECISION);
  return engine;
}

/**
 * Where posting data differs from a consolidated wink model (at most 10 descriptions; empty when
 * every term, its id and IDF, and every passage's weight of every term are equal).
 */
export function winkDisagreements(data: PostingData, engine: Bm25Engine): string[] {
  const out: string[] = [];
  const report = (what: string) => {
    if (out.length < 10) out.push(what);
  };
  const tokens = engine.getTokens();
  const idf = engine.getIDF();
  const docs = engine.getDocs();
  let winkTerms = 0;
  for (const term in tokens) {
    winkTerms++;
    const id = tokens[term] as number;
    if (data.termIds.get(term) !== id) report(`term "${term}" has id ${data.termIds.get(term)}, wink ${id}`);
    else if (data.idf[id] !== idf[id]) report(`IDF of "${term}" is ${data.idf[id]}, wink ${idf[id]}`);
  }
  if (winkTerms !== data.termIds.size) report(`${data.termIds.size} terms, wink ${winkTerms}`);
  let winkPostings = 0;
  for (let p = 0; p < data.passageCount; p++) for (const _ in docs[p]?.freq ?? {}) winkPostings++;
  if (winkPostings !== data.passages.length)
    report(`${data.passages.length} (passage, term) weights, wink ${winkPostings}`);
  for (const [term, t] of data.termIds) {
    for (let i = data.offsets[t] ?? 0, end = data.offsets[t + 1] ?? 0; i < end; i++) {
      const p = data.passages[i] ?? 0;
      const wink = docs[p]?.freq[t];
      if (wink !== data.weights[i])
        report(`weight of "${term}" in passage ${p} is ${data.weights[i]}, wink ${wink}`);
    }
  }
  return out;
}

/** A built index: fast exact top-k search over wink's BM25F weights. */
export class Bm25Index implements PassageIndex {
  private scores: Float64Array;
  private touched: Int32Array;
  private seen: Uint8Array;
  private readonly heap = new TopHeap();
  /** Every weight is above 0: a search can tell new passages by their score (see positive-scores.ts). */
  private readonly positive: boolean;

  constructor(
    readonly data: PostingData,
    private readonly engine: Bm25Engine | null = null,
  ) {
    this.positive = allPositive(data.weights);
    this.scores = new Float64Array(data.passageCount);
    this.touched = new Int32Array(data.passageCount);
    this.seen = new Uint8Array(data.passageCount);
  }

  get passageCount(): number {
    return this.data.passageCount;
  }

  get termCount(): number {
    return this.data.idf.length;
  }

  /** Every passage of a single build is live. */
  isLive(_p: number): boolean {
    return true;
  }

  postingData(): PostingData {
    return this.data;
  }

  /** The first `limit` passages holding a term, in order. */
  passagesWith(term: string, limit: number): number[] {
    const id = this.data.termIds.get(term);
    if (id === undefined) return [];
    const from = this.data.offsets[id] as number;
    const end = Math.min(this.data.offsets[id + 1] as number, from + Math.max(0, limit));
    return Array.from(this.data.passages.subarray(from, end));
  }

  /** The id of a term some passage holds, or undefined. */
  termId(term: string): number | undefined {
    return this.data.termIds.get(term);
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
  search(
    queryTerms: string[],
    limit: number,
    allowed: Uint8Array | null = null,
    termWeights: ArrayLike<number> | null = null,
  ): ScoredPassage[] {
    const { termIds, offsets, passages, weights } = this.data;
    const scores = this.scores;
    const touched = this.touched;
    const seen = this.seen;
    let touchedCount = 0;
    if (this.positive && positiveFactors(termWeights, queryTerms.length)) {
      for (let q = 0; q < queryTerms.length; q++) {
        const t = termIds.get(queryTerms[q] as string);
        if (t === undefined) continue;
        const factor = termWeights === null ? 1 : (termWeights[q] ?? 1);
        const from = offsets[t] as number;
        touchedCount = addPositive(
          passages,
          weights,
          from,
          offsets[t + 1] as number,
          factor,
          allowed,
          scores,
          touched,
          touchedCount,
        );
      }
      return this.best(limit, touchedCount);
    }
    for (let q = 0; q < queryTerms.length; q++) {
      const t = termIds.get(queryTerms[q] as string);
      if (t === undefined) continue;
      const factor = termWeights === null ? 1 : (termWeights[q] ?? 1);
      const end = offsets[t + 1] ?? 0;
      for (let i = offsets[t] ?? 0; i < end; i++) {
        const p = passages[i] ?? 0;
        if (allowed !== null && allowed[p] !== 1) continue;
        if (seen[p] === 0) {
          seen[p] = 1;
          touched[touchedCount++] = p;
        }
        scores[p] = (factor === 1 ? (weights[i] ?? 0) : factor * (weights[i] ?? 0)) + (scores[p] ?? 0);
      }
    }
    for (let i = 0; i < touchedCount; i++) seen[touched[i] as number] = 0;
    return this.best(limit, touchedCount);
  }

  /** The `limit` best of the first `count` touched passages, best first; their scores are reset to 0. */
  private best(limit: number, count: number): ScoredPassage[] {
    const { heap, scores, touched } = this;
    heap.reset(Math.max(1, limit));
    heap.takeScores(touched, count, scores);
    return heap.sorted();
  }

  /**
   * Where this index' weights and IDF differ from wink-bm25-text-search's own consolidated model
   * (only with `keepEngine`): empty when every term and every passage's weight are equal.
   */
  winkDisagreements(): string[] {
    return winkDisagreements(this.data, this.requireEngine());
  }

  /** wink-bm25-text-search's own search over the same model (only with `keepEngine`); for verification. */
  winkSearch(text: string, limit: number): ScoredPassage[] {
    return this.requireEngine()
      .search(text, limit)
      .map(([id, score]) => ({ passage: Number(id), score }));
  }
  private requireEngine(): Bm25Engine {
    if (this.engine === null)
      throw new IndexError('Bm25Index: comparing with wink needs an index built with keepEngine: true');
    return this.engine;
  }
}
