/**
 * An engine's parts taken back out of its state: as they are in memory (for a change to build on)
 * and as a build would make them (for saving).
 */
import type { Passage } from '../passages/passages.ts';
import { joinRows, type RowRun, type TermTable } from '../util/term-table.ts';
import { type EngineState, passageAt } from './engine-state.ts';
import type { EngineParts, IndexParts } from './index-build.ts';

/** The parts as they are in memory, passages numbered as the index numbers them (see engine-update.ts). */
export function partsInMemory(state: EngineState): EngineParts {
  return {
    corpus: state.corpus,
    config: state.config,
    sentences: state.sentences,
    passages: state.passages,
    articleOf: state.articleOf,
    sentenceTerms: state.sentenceTerms,
    sentenceRows: state.sentenceBase,
    titleTerms: state.titleTerms,
    titleRows: state.titleRow,
    statements: state.statements.copy(),
  };
}

/**
 * The parts to save: deleted passages left out and the others numbered in order, so that they
 * load as one build's index that ranks as this one does.
 */
export function partsToSave(state: EngineState): IndexParts {
  const { sentenceRows: _rows, titleRows: _titles, articleOf: _articles, ...parts } = partsInMemory(state);
  return {
    ...parts,
    sentenceTerms: rowsInOrder(
      state.sentenceTerms,
      state.sentenceBase,
      (a) => state.sentences[a]?.length ?? 0,
    ),
    titleTerms: rowsInOrder(state.titleTerms, state.titleRow, () => 1),
    passages: livePassages(state),
    postings: state.index.postingData(),
  };
}

/** The passages the index holds, in slot order, each with its article as the state numbers them. */
function livePassages(state: EngineState): Passage[] {
  const live: Passage[] = [];
  for (let slot = 0; slot < state.passages.length; slot++)
    if (state.index.isLive(slot)) live.push(passageAt(state, slot));
  return live;
}

/**
 * The rows of `table` that articles use (article a's `count(a)` rows from `first[a]`), exactly, in
 * article order, as a build makes them: `table` itself when it is that already.
 */
function rowsInOrder(table: TermTable, first: Int32Array, count: (a: number) => number): TermTable {
  const runs: RowRun[] = [];
  let last: RowRun | null = null;
  for (let a = 0; a < first.length; a++) {
    const row = first[a] as number;
    const rows = count(a);
    if (last !== null && last.from + last.count === row) last.count += rows;
    else {
      last = { table, from: row, count: rows };
      runs.push(last);
    }
  }
  const rows = runs.reduce((n, r) => n + r.count, 0);
  const { offsets, ids } = table;
  const exact =
    runs.length <= 1 &&
    (runs[0]?.from ?? 0) === 0 &&
    offsets.length === rows + 1 &&
    ids.length === offsets[rows];
  return exact ? table : joinRows(runs);
}
