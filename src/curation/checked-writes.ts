/**
 * The curator's writes, each checked first with the schema and parser the loader uses, so that a
 * change the loader would skip (a blank event name, a date that is no real day) is refused before
 * anything is written, whichever store holds the corpus.
 */
import { EVENTS_FILE, parseEvents } from '../corpus/events.ts';
import { parseArticleFile } from '../corpus/load.ts';
import { describeIssues, eventSchema } from '../corpus/schema.ts';
import type { CoverageEvent } from '../corpus/types.ts';
import type { StoreTransaction } from '../store/types.ts';
import { CurationError } from './errors.ts';

/**
 * Writes the events file holding `events`, after checking `changed` (the event created or
 * renamed) and the whole file as the loader reads them. Throws CurationError, writing
 * nothing, when either would not load.
 */
export async function writeEvents(
  tx: StoreTransaction,
  events: CoverageEvent[],
  changed: CoverageEvent,
): Promise<void> {
  const event = eventSchema.safeParse(changed);
  if (!event.success)
    throw new CurationError(
      `The event \`${changed.id}\` cannot be written: ${describeIssues(event.error)}. Nothing was changed.`,
    );
  const content = `${JSON.stringify(events, null, 2)}\n`;
  const problem = parseEvents(content).problems[0];
  if (problem !== undefined)
    throw new CurationError(`${EVENTS_FILE} cannot be written: ${problem.message}. Nothing was changed.`);
  await tx.write(EVENTS_FILE, content);
}

/**
 * Writes an article file after reading it back as the loader will (its front matter through the
 * loader's schema). Throws CurationError, writing nothing, when it would not load as one
 * article.
 */
export async function writeArticle(tx: StoreTransaction, path: string, content: string): Promise<void> {
  const parsed = parseArticleFile(path, content);
  const problem = parsed.problems[0];
  if (problem !== undefined || parsed.articles.length !== 1) {
    const why = (problem?.message ?? 'it holds no article')
      .replace(/^front matter: /, '')
      .replace(/; file skipped$/, '');
    throw new CurationError(`The article cannot be written: ${why}. Nothing was changed.`);
  }
  await tx.write(path, content);
}
