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
  passages: PassageOptions;
}

/** Defaults chosen by measurement on SQuAD v1.1 dev and the coverage questions (`npm run eval`). */
export const DEFAULT_RANKING_CONFIG: RankingConfig = {
  fieldWeights: { title: 1, body: 3 },
  k1: 1.2,
  b: 0.75,
  k: 1,
  passages: DEFAULT_PASSAGE_OPTIONS,
};

/** A version tag for saved indexes: bump it when tokenisation or the index format changes. */
export const INDEX_FORMAT_VERSION = 1;
