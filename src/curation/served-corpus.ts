/** What curation needs of the holder that serves the corpus; the live layer provides it. */
import type { Corpus } from '../corpus/types.ts';
import type { ChangeReport } from '../store/change-report.ts';
import type { CorpusStore, StoreTransaction } from '../store/types.ts';

/** A served corpus that changes through its store, one change at a time, swapping what it serves. */
export interface ServedCorpus {
  /** What is served now. */
  readonly engine: { readonly corpus: Corpus };
  /** Where the corpus lives. */
  readonly store: CorpusStore;
  /** Runs one change to the store and serves its result; resolves with the change's report. */
  change<T>(mutate: (tx: StoreTransaction) => Promise<T>): Promise<{ result: T; report: ChangeReport }>;
}
