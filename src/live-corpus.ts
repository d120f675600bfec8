/**
 * The live index a running bot or chat session answers from. A refresh reads the corpus folder
 * again, builds a new index beside the live one and swaps it in at once; refreshes never
 * interleave, and one that fails keeps the old index serving.
 */
import { createHash } from 'node:crypto';
import type { CoverageIndex } from './answer/coverage-index.ts';
import type { Article, CorpusProblem } from './corpus/types.ts';
import { corpusVersion } from './corpus/version.ts';
import { type OpenedIndex, type OpenIndexOptions, openCoverageIndex } from './index-store.ts';

/** What a refresh changed, for the moderator who asked for it. */
export interface RefreshReport {
  /** False when the refresh failed entirely and the previous index is still serving. */
  ok: boolean;
  added: string[];
  updated: string[];
  removed: string[];
  /** Articles and passages now served. */
  documents: number;
  passages: number;
  problems: CorpusProblem[];
  /** Why the refresh failed, when `ok` is false. */
  error: string | null;
  durationMs: number;
}

/** Holds the live index; refreshes are serialised and swap atomically. */
export class LiveCorpus {
  private live: CoverageIndex;
  private queue: Promise<unknown> = Promise.resolve();
  private lastRefresh: RefreshReport | null = null;

  private constructor(
    readonly dir: string,
    initial: OpenedIndex,
    private readonly options: OpenIndexOptions,
  ) {
    this.live = initial.index;
    this.opened = initial;
  }

  /** How the index served now was obtained (saved or built, how long it took, any warning). */
  opened: OpenedIndex;

  /**
   * Opens the corpus folder: its saved index when `options.cacheDir` holds one that matches,
   * otherwise a fresh build. Problems in files are kept in the index's corpus.
   */
  static async open(dir: string, options: OpenIndexOptions = {}): Promise<LiveCorpus> {
    return new LiveCorpus(dir, await openCoverageIndex(dir, options), options);
  }

  /** The index questions are answered from right now. */
  get index(): CoverageIndex {
    return this.live;
  }

  /** A short identifier of the corpus served now: equal across processes serving the same corpus. */
  get version(): string {
    return corpusVersion(this.live.corpus);
  }

  /** The report of the last refresh, or null before the first. */
  get lastReport(): RefreshReport | null {
    return this.lastRefresh;
  }

  /**
   * Re-reads the folder and swaps in a new index. Good documents are served even when some files
   * have problems; when the folder cannot be read or yields no document at all while the live
   * index has some, the live index is kept and the report says why.
   */
  refresh(): Promise<RefreshReport> {
    const run = this.queue.then(() => this.doRefresh());
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async doRefresh(): Promise<RefreshReport> {
    const started = performance.now();
    const before = this.live.corpus.articles;
    const failed = (error: string, problems: CorpusProblem[] = []): RefreshReport => {
      const report = {
        ok: false,
        added: [],
        updated: [],
        removed: [],
        documents: before.length,
        passages: this.live.passageCount,
        problems,
        error,
        durationMs: performance.now() - started,
      };
      this.lastRefresh = report;
      return report;
    };
    let opened: OpenedIndex;
    try {
      opened = await openCoverageIndex(this.dir, this.options);
      if (opened.index.corpus.articles.length === 0 && before.length > 0) {
        return failed(
          'the corpus folder has no readable article now; the previous index is still serving',
          opened.index.corpus.problems,
        );
      }
    } catch (error) {
      return failed(
        `the corpus could not be loaded (${(error as Error).message}); the previous index is still serving`,
      );
    }
    const next = opened.index;
    const diff = diffArticles(before, next.corpus.articles);
    this.live = next;
    this.opened = opened;
    const report: RefreshReport = {
      ok: true,
      ...diff,
      documents: next.corpus.articles.length,
      passages: next.passageCount,
      problems: next.corpus.problems,
      error: null,
      durationMs: performance.now() - started,
    };
    this.lastRefresh = report;
    return report;
  }
}

function fingerprint(a: Article): string {
  return createHash('sha256')
    .update(JSON.stringify([a.title, a.source, a.date, a.dateApprox, a.url, a.event, a.language, a.text]))
    .digest('hex');
}

/** Ids of articles added, changed and removed between two versions of a corpus. */
export function diffArticles(
  before: Article[],
  after: Article[],
): { added: string[]; updated: string[]; removed: string[] } {
  const old = new Map(before.map((a) => [a.id, fingerprint(a)]));
  const added: string[] = [];
  const updated: string[] = [];
  for (const a of after) {
    const previous = old.get(a.id);
    if (previous === undefined) added.push(a.id);
    else if (previous !== fingerprint(a)) updated.push(a.id);
    old.delete(a.id);
  }
  return { added, updated, removed: [...old.keys()] };
}
