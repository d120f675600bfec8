/**
 * Who-said-what needs the coverage's statements, which are read in steps after each build (see
 * AnswerEngine.readStatements). Until they are, the commands that need them say so.
 */
import type { AnswerEngine } from '../answer/engine.ts';

export const STATEMENTS_PENDING =
  'I am still reading who said what in the coverage (it takes a moment after a start or a refresh); try again shortly.';

/** Null when the index' statements are read; otherwise starts reading them and returns the notice. */
export function statementsPending(index: AnswerEngine): string | null {
  if (index.statementsRead) return null;
  void index.readStatements().catch(() => undefined);
  return STATEMENTS_PENDING;
}
