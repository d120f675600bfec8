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
import type { ArticleDraft } from './draft.ts';
import { CurationError } from './errors.ts';
import { articleMarkdown, fileBaseName } from './markdown-writer.ts';

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

/**
 * Writes `draft` as a new Markdown file under a name no file of `existing` has (its base name,
 * then `-2`, `-3`, …), adds the name to `existing` and audits the addition (with the feed it came
 * from, if any). Returns the name. Throws CurationError, writing nothing, as `writeArticle`.
 */
export async function writeNewArticle(
  tx: StoreTransaction,
  draft: ArticleDraft,
  existing: Set<string>,
  who: { id: string; name: string },
  feed?: string,
): Promise<string> {
  const base = fileBaseName(draft);
  let name = `${base}.md`;
  for (let n = 2; existing.has(name); n++) name = `${base}-${n}.md`;
  await writeArticle(tx, name, articleMarkdown(draft));
  existing.add(name);
  await tx.audit({
    userId: who.id,
    userName: who.name,
    action: 'add',
    file: name,
    detail: draft.title,
    ...(feed === undefined ? {} : { feed }),
  });
  return name;
}
