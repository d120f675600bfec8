/**
 * Changes to the corpus made by moderators: add, remove (to a removed-articles folder beside the
 * corpus), restore, create and rename events, move an article to another event. Every change is
 * an atomic write, one audit-log line, and one refresh of the live index; changes run one after
 * the other, and nothing is ever deleted from disk.
 */
import { mkdir, readdir, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { EVENTS_FILE, parseEvents } from '../corpus/events.ts';
import type { Article, CoverageEvent } from '../corpus/types.ts';
import type { LiveCorpus, RefreshReport } from '../live-corpus.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { type AuditEntry, appendAudit, readAudit } from './audit-log.ts';
import type { ArticleDraft } from './draft.ts';
import { findDuplicate } from './duplicates.ts';
import { articleMarkdown, fileBaseName } from './markdown-writer.ts';

/** Who asked for a change. */
export interface Moderator {
  id: string;
  name: string;
}

/** A change was refused; the message is for the moderator. */
export class CurationError extends Error {
  override name = 'CurationError';
}

/** The removed-articles folder of a corpus folder: beside it, named after it. */
export function removedDir(corpusDir: string): string {
  const resolved = path.resolve(corpusDir);
  return path.join(path.dirname(resolved), `${path.basename(resolved)}-removed`);
}

export class Curator {
  private queue: Promise<unknown> = Promise.resolve();

  /** `changed` runs after each change that went through (a sharded bot tells its other shards). */
  constructor(
    private readonly live: LiveCorpus,
    private readonly changed: () => void = () => undefined,
  ) {}

  private get dir(): string {
    return this.live.dir;
  }

  /** Runs changes one at a time, in the order asked. */
  private serial<T>(change: () => Promise<T>): Promise<T> {
    const run = this.queue.then(change).then((result) => {
      this.changed();
      return result;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Refuses a draft already in the corpus (same URL or near-identical text), naming the article. */
  checkDuplicate(draft: Pick<ArticleDraft, 'url' | 'text'>): void {
    const duplicate = findDuplicate(this.live.index.corpus.articles, draft);
    if (duplicate) {
      const a = duplicate.article;
      throw new CurationError(
        `This article is already in the corpus (${duplicate.reason}): “${a.title}” (${a.source ?? 'unknown outlet'}, ${a.path}).`,
      );
    }
  }

  /** Writes the draft as a new Markdown article, logs it, refreshes; resolves with the refresh report and the file. */
  add(draft: ArticleDraft, who: Moderator): Promise<{ report: RefreshReport; file: string }> {
    return this.serial(async () => {
      this.checkDuplicate(draft);
      if (draft.event !== null && this.live.index.eventName(draft.event) === null)
        throw new CurationError(`There is no event \`${draft.event}\`.`);
      const base = fileBaseName(draft);
      const existing = new Set(await readdir(this.dir));
      let name = `${base}.md`;
      for (let n = 2; existing.has(name); n++) name = `${base}-${n}.md`;
      await writeFileAtomic(path.join(this.dir, name), articleMarkdown(draft));
      await appendAudit(this.dir, {
        userId: who.id,
        userName: who.name,
        action: 'add',
        file: name,
        detail: draft.title,
      });
      return { report: await this.live.refresh(), file: name };
    });
  }

  /** Articles that can be removed: those with a file of their own (not JSONL records). */
  removable(): Article[] {
    return this.live.index.corpus.articles.filter((a) => !a.path.includes(':'));
  }

  /** The files in the removed-articles folder. */
  async removed(): Promise<string[]> {
    try {
      return (await readdir(removedDir(this.dir))).filter((f) => /\.(md|txt)$/.test(f)).sort();
    } catch {
      return [];
    }
  }

  /** Moves an article's file out of the corpus into the removed-articles folder. */
  remove(docId: string, who: Moderator): Promise<{ report: RefreshReport; article: Article }> {
    return this.serial(async () => {
      const article = this.removable().find((a) => a.id === docId);
      if (!article)
        throw new CurationError(
          `There is no article \`${docId}\` that can be removed (JSONL records are removed by editing their file).`,
        );
      const target = removedDir(this.dir);
      await mkdir(path.join(target, path.dirname(article.path)), { recursive: true });
      await rename(path.join(this.dir, article.path), path.join(target, article.path));
      await appendAudit(this.dir, {
        userId: who.id,
        userName: who.name,
        action: 'remove',
        file: article.path,
        detail: article.title,
      });
      return { report: await this.live.refresh(), article };
    });
  }

  /** Brings a removed file back into the corpus. */
  restore(file: string, who: Moderator): Promise<{ report: RefreshReport }> {
    return this.serial(async () => {
      if (!(await this.removed()).includes(file))
        throw new CurationError(`There is no removed article \`${file}\`.`);
      const destination = path.join(this.dir, file);
      if ((await readdir(this.dir)).includes(file))
        throw new CurationError(`\`${file}\` is in the corpus already.`);
      await rename(path.join(removedDir(this.dir), file), destination);
      await appendAudit(this.dir, {
        userId: who.id,
        userName: who.name,
        action: 'restore',
        file,
        detail: '',
      });
      return { report: await this.live.refresh() };
    });
  }

  private async readEvents(): Promise<CoverageEvent[]> {
    let content = '[]';
    try {
      content = await readFile(path.join(this.dir, EVENTS_FILE), 'utf8');
    } catch {
      // No events file yet.
    }
    const parsed = parseEvents(content);
    if (parsed.problems.length > 0)
      throw new CurationError(`${EVENTS_FILE} has a problem; fix it first: ${parsed.problems[0]?.message}`);
    return parsed.events;
  }

  /** Adds an event to the events file. */
  createEvent(event: CoverageEvent, who: Moderator): Promise<{ report: RefreshReport }> {
    return this.serial(async () => {
      const events = await this.readEvents();
      if (events.some((e) => e.id === event.id))
        throw new CurationError(`The event \`${event.id}\` exists already.`);
      const checked = parseEvents(JSON.stringify([...events, event]));
      if (checked.problems.length > 0)
        throw new CurationError(checked.problems[0]?.message ?? 'invalid event');
      await writeFileAtomic(
        path.join(this.dir, EVENTS_FILE),
        `${JSON.stringify([...events, event], null, 2)}\n`,
      );
      await appendAudit(this.dir, {
        userId: who.id,
        userName: who.name,
        action: 'event-create',
        file: EVENTS_FILE,
        detail: `${event.id}: ${event.name}`,
      });
      return { report: await this.live.refresh() };
    });
  }

  /** Renames an event (its display name; the id stays, so articles keep pointing to it). */
  renameEvent(id: string, name: string, who: Moderator): Promise<{ report: RefreshReport }> {
    return this.serial(async () => {
      const events = await this.readEvents();
      const event = events.find((e) => e.id === id);
      if (!event) throw new CurationError(`There is no event \`${id}\`.`);
      const before = event.name;
      event.name = name.trim();
      await writeFileAtomic(path.join(this.dir, EVENTS_FILE), `${JSON.stringify(events, null, 2)}\n`);
      await appendAudit(this.dir, {
        userId: who.id,
        userName: who.name,
        action: 'event-rename',
        file: EVENTS_FILE,
        detail: `${id}: ${before} → ${event.name}`,
      });
      return { report: await this.live.refresh() };
    });
  }

  /** Changes the event of a Markdown article (its front matter's `event:` line). */
  move(docId: string, eventId: string, who: Moderator): Promise<{ report: RefreshReport; article: Article }> {
    return this.serial(async () => {
      const article = this.removable().find((a) => a.id === docId);
      if (!article?.path.endsWith('.md'))
        throw new CurationError(`There is no Markdown article \`${docId}\` to move.`);
      if (this.live.index.eventName(eventId) === null)
        throw new CurationError(`There is no event \`${eventId}\`.`);
      const file = path.join(this.dir, article.path);
      const content = await readFile(file, 'utf8');
      const end = content.indexOf('\n---', 3);
      const head = content.slice(0, end);
      const newHead = /^event:.*$/m.test(head)
        ? head.replace(/^event:.*$/m, `event: ${eventId}`)
        : `${head}\nevent: ${eventId}`;
      await writeFileAtomic(file, newHead + content.slice(end));
      await appendAudit(this.dir, {
        userId: who.id,
        userName: who.name,
        action: 'move',
        file: article.path,
        detail: `${article.event ?? 'none'} → ${eventId}`,
      });
      return { report: await this.live.refresh(), article };
    });
  }

  /** The latest audit entries, newest first. */
  history(count: number): Promise<AuditEntry[]> {
    return readAudit(this.dir, count);
  }
}
