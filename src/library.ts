/**
 * The public face of the retrieval core: load a corpus, build an index, ask it questions.
 * Nothing here knows about Discord or terminals; both render the `Answer` it returns.
 */
export {
  AnswerEngine,
  type AskOptions,
  buildIndex,
  DEFAULT_RESULT_COUNT,
  type EventSummary,
  type IndexParts,
  MAX_RESULT_COUNT,
  type SourceSummary,
} from './answer/engine.ts';
export type { AlsoReported, Answer, Excerpt, Filters, Span } from './answer/types.ts';
export { isValidDate } from './corpus/dates.ts';
export { loadCorpus } from './corpus/load.ts';
export { corpusFromRecords } from './corpus/records.ts';
export type { Article, Corpus, CorpusProblem, CoverageEvent } from './corpus/types.ts';
export { LiveEngine } from './live/live-engine.ts';
export type { ChangeReport } from './store/change-report.ts';
