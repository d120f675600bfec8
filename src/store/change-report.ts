/** The report of a change to the served corpus: what moved, what is served now, what went wrong. */
import type { CorpusProblem } from '../corpus/types.ts';

/** What a refresh changed, for the moderator who asked for it. */
export interface ChangeReport {
  /** False when the refresh failed entirely and the previous index is still serving. */
  ok: boolean;
  added: string[];
  updated: string[];
  removed: string[];
  /** Articles and passages now served. */
  articles: number;
  passages: number;
  problems: CorpusProblem[];
  /** Why the refresh failed, when `ok` is false. */
  error: string | null;
  durationMs: number;
}
