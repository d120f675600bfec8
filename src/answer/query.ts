/**
 * A question prepared for ranking: its terms and their weights, the filters it runs under, and
 * what was read from it (metadata, a speaker, an overview).
 */
import type { MetadataMention } from '../question/analyse.ts';
import type { Filters } from './types.ts';

/**
 * A prepared question: the terms it is ranked by, the weights of its topic terms (those a passage
 * must contain to answer; framing words such as "say" or "happened" are ranked by but not
 * required), the filters it runs under, and the metadata read from it.
 */
export interface Query {
  terms: string[];
  /** What the index is searched for: `terms`, then other words for the topic's words. */
  searchTerms: string[];
  /** Weight of each of `searchTerms` (1 for the question's own), or null when all weigh 1. */
  searchWeights: number[] | null;
  weights: Map<string, number>;
  filters: Filters;
  /** Metadata read from the question and applied as filters. */
  understood: MetadataMention[];
  /** An overview is asked for and the question names nothing beyond its filters. */
  overview: boolean;
  /** Topic words no passage contains that are not common English words. */
  unknownNames: number;
  /** The speaker whose words it asks for ("What did Lavrov say…": "Sergei Lavrov"), or null. */
  speaker: string | null;
  /** "Who said …?": passages that quote someone come first. */
  asksWho: boolean;
  /** Per passage, the sentence its excerpt must show (a statement's, when the topic weighs nothing). */
  focus: Map<number, number>;
  /** Term ids of the question's multiword names (-1 for a term the index lacks). */
  phrases: Int32Array[];
  /** Its number in the index' QueryMatcher, which holds the ids and IDF of its known terms. */
  number: number;
}
