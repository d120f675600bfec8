/**
 * Changes to the corpus made by moderators: add, remove (to the removed-articles area), restore,
 * create and rename events, move an article to another event. Every change is one change of the
 * corpus store (a folder, or a shared database) with its audit-log line, and one swap of the live
 * index; changes run one after the other, and nothing is ever deleted.
 */
import { EVENTS_FILE, parseEvents } from '../corpus/events.ts';
import type { Article, CoverageEvent } from '../corpus/types.ts';
import type { AuditEntry } from '../store/audit-log.ts';
import type { ChangeReport } from '../store/change-report.ts';
import type { StoreTransaction } from '../store/types.ts';
import { writeArticle, writeEvents, writeNewArticle } from './checked-writes.ts';
import type { ArticleDraft } from './draft.ts';
import { findDuplicate } from './duplicates.ts';
import { CurationError } from './errors.ts';
import type { ServedCorpus } from './served-corpus.ts';

export { removedDir } from '../store/folder-store.ts';
export { CurationError };

/** Who asked for a change. */
export interface Moderator {
  id: string;
  name: string;
}

/** The moderators' changes to a live corpus, made through its store. */
export class Curator {
  /** `changed` runs after each change that went through (a sharded bot on a folder tells its other shards). */
  constructor(
    private readonly live: ServedCorpus,
    private readonly changed: () => void = () => undefined,
  ) {}

  /** Makes one change through the live corpus, then says so. */
  private async change<T>(
    apply: (tx: StoreTransaction) => Promise<T>,
  ): Promise<{ result: T; report: ChangeReport }> {
    const done = await this.live.change(apply);
    this.changed();
    return done;
  }

  /** Refuses a draft already in the corpus (same URL or near-identical text), naming the article. */
  checkDuplicate(draft: Pick<ArticleDraft, 'url' | 'text'>): void {
    const duplicate = findDuplicate(this.live.engine.corpus.articles, draft);
    if (duplicate) {
      const a = duplicate.article;
      throw new CurationError(
        `This article is already in the corpus (${duplicate.reason}): “${a.title}” (${a.source ?? 'unknown outlet'}, ${a.path}).`,
      );
    }
  }

  /**
   * Writes the draft as a new Markdown article, logs it (with the feed it came from, if a feed
   * brought it), refreshes; resolves with the refresh report and the file.
   */
  async add(
    draft: ArticleDraft,
    who: Moderator,
    origin: { feed?: string } = {},
  ): Promise<{ report: ChangeReport; file: string }> {
    const { result: file, report } = await this.change(async (tx) => {
      this.checkDuplicate(draft);
      if (draft.event !== null && !(await eventExists(tx, draft.event)))
        throw new CurationError(`There is no event \`${draft.event}\`.`);
      return writeNewArticle(tx, draft, new Set(await tx.list('corpus')), who, origin.feed);
    });
    return { report, file };
  }

  /** Articles that can be removed: those with a file of their own (not JSONL records). */
  removable(): Article[] {
    return this.live.engine.corpus.articles.filter((a) => !a.path.includes(':'));
  }

  /** The files in the removed-articles area. */
  removed(): Promise<string[]> {
    return this.live.store.removed();
  }

  /** Moves an article's file out of the corpus into the removed-articles area. */
  async remove(docId: string, who: Moderator): Promise<{ report: ChangeReport; article: Article }> {
    const { result: article, report } = await this.change(async (tx) => {
      const article = this.removable().find((a) => a.id === docId);
      if (!article || (await tx.read(article.path)) === null)
        throw new CurationError(
          `There is no article \`${docId}\` that can be removed (JSONL records are removed by editing their file).`,
        );
      await tx.remove(article.path);
      await tx.audit({
        userId: who.id,
        userName: who.name,
        action: 'remove',
        file: article.path,
        detail: article.title,
      });
      return article;
    });
    return { report, article };
  }

  /** Brings a removed file back into the corpus. */
  async restore(file: string, who: Moderator): Promise<{ report: ChangeReport }> {
    const { report } = await this.change(async (tx) => {
      if (!(await tx.list('removed')).includes(file))
        throw new CurationError(`There is no removed article \`${file}\`.`);
      if ((await tx.read(file)) !== null) throw new CurationError(`\`${file}\` is in the corpus already.`);
      await tx.restore(file);
      await tx.audit({ userId: who.id, userName: who.name, action: 'restore', file, detail: '' });
    });
    return { report };
  }

  /** Adds an event to the events file. */
  async createEvent(event: CoverageEvent, who: Moderator): Promise<{ report: ChangeReport }> {
    const { report } = await this.change(async (tx) => {
      const events = await readEvents(tx);
      if (events.some((e) => e.id === event.id))
        throw new CurationError(`The event \`${event.id}\` exists already.`);
      await writeEvents(tx, [...events, event], event);
      await tx.audit({
        userId: who.id,
        userName: who.name,
        action: 'event-create',
        file: EVENTS_FILE,
        detail: `${event.id}: ${event.name}`,
      });
    });
    return { report };
  }

  /** Renames an event (its display name; the id stays, so articles keep pointing to it). */
  async renameEvent(id: string, name: string, who: Moderator): Promise<{ report: ChangeReport }> {
    const { report } = await this.change(async (tx) => {
      const events = await readEvents(tx);
      const event = events.find((e) => e.id === id);
      if (!event) throw new CurationError(`There is no event \`${id}\`.`);
      const before = event.name;
      event.name = name.trim();
      await writeEvents(tx, events, event);
      await tx.audit({
        userId: who.id,
        userName: who.name,
        action: 'event-rename',
        file: EVENTS_FILE,
        detail: `${id}: ${before} → ${event.name}`,
      });
    });
    return { report };
  }

  /** Changes the event of a Markdown article (its front matter's `event:` line). */
  async move(
    docId: string,
    eventId: string,
    who: Moderator,
  ): Promise<{ report: ChangeReport; article: Article }> {
    const { result: article, report } = await this.change(async (tx) => {
      const article = this.removable().find((a) => a.id === docId);
      if (!article?.path.endsWith('.md'))
        throw new CurationError(`There is no Markdown article \`${docId}\` to move.`);
      if (!(await eventExists(tx, eventId))) throw new CurationError(`There is no event \`${eventId}\`.`);
      const content = await tx.read(article.path);
      if (content === null) throw new CurationError(`There is no Markdown article \`${docId}\` to move.`);
      const end = content.indexOf('\n---', 3);
      const head = content.slice(0, end);
      const newHead = /^event:.*$/m.test(head)
        ? head.replace(/^event:.*$/m, `event: ${eventId}`)
        : `${head}\nevent: ${eventId}`;
      await writeArticle(tx, article.path, newHead + content.slice(end));
      await tx.audit({
        userId: who.id,
        userName: who.name,
        action: 'move',
        file: article.path,
        detail: `${article.event ?? 'none'} → ${eventId}`,
      });
      return article;
    });
    return { report, article };
  }

  /** The latest audit entries, newest first. */
  history(count: number): Promise<AuditEntry[]> {
    return this.live.store.history(count);
  }
}

/**
 * Whether the store's events file (as the change sees it, which may be newer than the index this
 * process serves when another process changed it) defines `id`.
 */
async function eventExists(tx: StoreTransaction, id: string): Promise<boolean> {
  return parseEvents((await tx.read(EVENTS_FILE)) ?? '[]').events.some((e) => e.id === id);
}

/** The events of the store's events file; a broken file must be fixed before events change. */
async function readEvents(tx: StoreTransaction): Promise<CoverageEvent[]> {
  const parsed = parseEvents((await tx.read(EVENTS_FILE)) ?? '[]');
  if (parsed.problems.length > 0)
    throw new CurationError(`${EVENTS_FILE} has a problem; fix it first: ${parsed.problems[0]?.message}`);
  return parsed.events;
}
