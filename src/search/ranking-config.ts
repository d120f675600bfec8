/** The ranking model's settings: everything that changes scores, and so keys a saved index. */
import { DEFAULT_PASSAGE_OPTIONS, type PassageOptions } from '../passages/passages.ts';

/** BM25F settings passed to wink-bm25-text-search, plus how passages are cut. */
export interface RankingConfig {
  /** Weight of each field's term frequencies; the title is shared by all passages of an article. */
  fieldWeights: { title: number; body: number };
  /** Term-frequency saturation (wink default 1.2). */
  k1: number;
  /** Length normalisation, 0 (none) to 1 (full) (wink default 0.75). */
  b: number;
  /** Added inside the IDF logarithm so IDF stays positive (wink default 1). */
  k: number;
  /**
   * Weight of coordination in re-ranking the BM25F candidates, 0 (pure BM25F) to 1: a passage's
   * score is multiplied by (1 - c) + c × (share of the question's distinct terms in its text).
   * Titles are shared by every passage of an article, so a speaker named in all titles has almost
   * no IDF; coordination on the passage's own text puts "…,” Lavrov told journalists" above
   * passages that only inherit "Lavrov" from their title. SQuAD alone would set it lower (see
   * scripts/fit-ranking.ts); it is kept for news, where every passage shares its headline.
   */
  coordination: number;
  /**
   * Weight of proximity in re-ranking the BM25F candidates, 0 (none) upwards: a passage's score
   * is multiplied by 1 + p × (share of the question's adjacent term pairs that some sentence of
   * the passage holds adjacent and in order). Stop words are not terms, so "the Super Bowl of
   * 2016" holds the pair "super bowl". BM25F scores terms one by one; this rewards the phrase.
   */
  proximity: number;
  /**
   * Re-rank the BM25F candidates by the model fitted on SQuAD train (answer/rerank.ts: proximity,
   * sentence and title matching, the kind of answer asked) on top of coordination; false re-ranks
   * by coordination and proximity alone.
   */
  rerank: boolean;
  passages: PassageOptions;
}

/**
 * Defaults fitted on SQuAD v1.1 train (`npx tsx scripts/fit-ranking.ts`), then checked on SQuAD dev
 * and the coverage questions (`npm run eval`).
 */
export const DEFAULT_RANKING_CONFIG: RankingConfig = {
  fieldWeights: { title: 3, body: 3 },
  k1: 1.2,
  b: 0.75,
  k: 1,
  coordination: 0.2,
  proximity: 0.5,
  rerank: true,
  passages: DEFAULT_PASSAGE_OPTIONS,
};

/** A version tag for saved indexes: bump it when tokenisation or the index format changes. */
export const INDEX_FORMAT_VERSION = 7;
