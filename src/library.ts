/**
 * The public face of the retrieval core: load a corpus, build an index, ask it questions.
 * Nothing here knows about Discord or terminals; both render the `Answer` it returns.
 */
export type { AlsoReported, Answer, Excerpt, Filters, Span } from './answer/types.ts';
export type { Article, Corpus, CorpusProblem, CoverageEvent } from './corpus/types.ts';
