/**
 * The live index a running bot or chat session answers from. A refresh or a change reads the
 * corpus store again, makes the new index beside the live one — indexing only the articles that
 * are new or rewritten, as a new segment (see answer/engine-update.ts) — and swaps it in at once;
 * they never interleave, and one that fails keeps the old index serving. Over a shared database, a
 * change made by another process arrives as a notification and is made and swapped in the same
 * way, from the change's saved change when the store has it (without reading the store's files).
 * A change saves only what it did (see answer/saved-change.ts); the whole index is saved in the
 * background after a merge, or after MAX_CHANGES_UNSAVED changes, for the next start.
 */
import { AnswerEngine } from '../answer/engine.ts';
import { mergeEngine, segmentedEngine, updateEngine } from '../answer/engine-update.ts';
import { practiseChange } from '../answer/practice-change.ts';
import { corpusChange, serialiseChange } from '../answer/saved-change.ts';
import { rankingKey } from '../answer/saved-index.ts';
import { diffArticles, sameCorpus } from '../corpus/diff.ts';
import { ParsedFiles } from '../corpus/parsed-files.ts';
import type { Article, Corpus, CorpusProblem } from '../corpus/types.ts';
import { DEFAULT_RANKING_CONFIG, type RankingConfig } from '../search/ranking-config.ts';
import type { ChangeReport } from '../store/change-report.ts';
import { FolderStore } from '../store/folder-store.ts';
import { type CorpusStore, type StoreTransaction, StoreUnavailableError } from '../store/types.ts';
import { collectGarbage } from '../util/collect-garbage.ts';
import { PhaseTimer } from '../util/phase-timer.ts';
import { SerialQueue } from '../util/serial-queue.ts';
import {
  corpusAfterChanges,
  indexBlob,
  type OpenedIndex,
  type OpenIndexOptions,
  openStoreIndex,
} from './open-engine.ts';

/** How long after a merge the served index is saved whole: changes in a burst are saved once. */
export const INDEX_SAVE_DELAY_MS = 1000;

/**
 * The longest slice of idle time readying the served index' term weights takes at once (ms): a
 * question arriving meanwhile waits at most this long.
 */
export const WEIGHTS_SLICE_MS = 4;

/**
 * Changes made through a process after which it saves its whole index even without a merge (a
 * start loads the last whole index and applies every saved change made since).
 */
export const MAX_CHANGES_UNSAVED = 20;

/** How the served corpus was updated: a refresh, a change through this process, or catching up with another's. */
export type CorpusUpdateKind = 'refresh' | 'change' | 'catch_up';

/** Told of each update with its report (`ok` false: it failed and the previous index serves on). */
export type CorpusUpdateListener = (kind: CorpusUpdateKind, report: ChangeReport) => void;

/** A refresh that would serve nothing while something is served now is refused. */
class EmptyCorpusRefused extends Error {
  constructor(readonly problems: CorpusProblem[]) {
    super('LiveEngine: the store has no readable article now');
  }
}

/** Holds the live index; refreshes and changes are serialised and swap atomically. */
export class LiveEngine {
  private live: AnswerEngine;
  private readonly changes = new SerialQueue();
  private lastRefresh: ChangeReport | null = null;
  private readonly config: RankingConfig;
  private readonly updateListeners: CorpusUpdateListener[] = [];
  /** The files' parses, so that a change parses only the files it touched. */
  private readonly parsedFiles = new ParsedFiles();
  /** The due background save of the served index (see `saveSoon`), and the one under way. */
  private saveTimer: NodeJS.Timeout | null = null;
  private saving: Promise<void> = Promise.resolve();
  /** The served engine over a segmented index, made ahead of the first change (see `prepareSoon`). */
  private prepared: { from: AnswerEngine; engine: AnswerEngine } | null = null;
  private preparing: Promise<void> = Promise.resolve();
  /** The readying of the served index' term weights in idle time (see `readyWeights`). */
  private weighing: Promise<void> = Promise.resolve();
  /** The background merge of small segments, when one is queued (see `mergeSoon`). */
  private merging: Promise<void> | null = null;
  /** Changes made through this process since it last saved its whole index. */
  private changesUnsaved = 0;
  private closed = false;

  /** Bytes the last change made through this process saved for the index (its saved change). */
  lastChangeBytes = 0;

  /**
   * Where the time of the last change or catch-up went, phase by phase, up to its warm-up after
   * the swap (for the log and benchmarks).
   */
  lastTimer: PhaseTimer | null = null;

  private constructor(
    /** Where the corpus lives: a folder, or a database shared with other processes. */
    readonly store: CorpusStore,
    initial: OpenedIndex,
    config: RankingConfig | undefined,
  ) {
    this.live = initial.index;
    this.opened = initial;
    this.config = config ?? DEFAULT_RANKING_CONFIG;
  }

  /** How the index served now was obtained (saved or built, how long it took, any warning). */
  opened: OpenedIndex;

  /**
   * Opens the corpus folder: its saved index when `options.cacheDir` holds one that matches,
   * otherwise a fresh build. Problems in files are kept in the index's corpus.
   */
  static open(dir: string, options: OpenIndexOptions = {}): Promise<LiveEngine> {
    return LiveEngine.openStore(new FolderStore(dir, options.cacheDir ?? null), options.config);
  }

  /**
   * Opens a corpus store (its saved index when one matches, otherwise a build) and follows the
   * changes other processes make to it.
   */
  static async openStore(store: CorpusStore, config?: RankingConfig): Promise<LiveEngine> {
    const live = new LiveEngine(store, await openStoreIndex(store, config), config);
    store.watch(() => void live.catchUp().catch(() => undefined));
    live.prepareSoon();
    return live;
  }

  /** The engine questions are answered from right now. */
  get engine(): AnswerEngine {
    return this.live;
  }

  /** The corpus version served now (folder: its fingerprint; database: the version counter). */
  get version(): string {
    return this.opened.version;
  }

  /** Calls `listener` after every refresh, every change, and every catch-up that loaded a new version. */
  onUpdate(listener: CorpusUpdateListener): void {
    this.updateListeners.push(listener);
  }

  private updated(kind: CorpusUpdateKind, report: ChangeReport): ChangeReport {
    for (const listener of this.updateListeners) listener(kind, report);
    return report;
  }

  /** The report of the last refresh or change, or null before the first. */
  get lastReport(): ChangeReport | null {
    return this.lastRefresh;
  }

  /**
   * Reads the store again and, when it holds something else than is served, swaps in a new engine
   * (over a database this is then a change: every process reloads). Good articles are served even
   * when some files have problems; when the store cannot be read or yields no article while the
   * live engine has some, the live engine is kept and the report says why. Throws StoreUnavailableError when the database is down.
   */
  async refresh(): Promise<ChangeReport> {
    const started = performance.now();
    try {
      const done = await this.changes.run(() =>
        this.doChange(async () => undefined, { refusesEmpty: true, skipsUnchanged: true }),
      );
      if (done !== null) return this.updated('refresh', done.report);
      // Nothing to rebuild; over a database, the version stays and no process reloads.
      const served = this.live;
      const ms = performance.now() - started;
      return this.updated(
        'refresh',
        this.swap(this.opened, served.corpus.articles, ms, served.corpus.problems),
      );
    } catch (error) {
      if (error instanceof StoreUnavailableError) throw error;
      const served = this.live;
      const report: ChangeReport = {
        ok: false,
        added: [],
        updated: [],
        removed: [],
        articles: served.corpus.articles.length,
        passages: served.passageCount,
        problems: error instanceof EmptyCorpusRefused ? error.problems : [],
        error:
          error instanceof EmptyCorpusRefused
            ? 'the corpus store has no readable article now; the previous index is still serving'
            : `the corpus could not be loaded (${(error as Error).message}); the previous index is still serving`,
        durationMs: performance.now() - started,
      };
      this.lastRefresh = report;
      return this.updated('refresh', report);
    }
  }

  /**
   * Runs one change to the store (`mutate`), makes the index of the result (indexing only what
   * changed) and swaps it in. In a database the change and its version land in one transaction,
   * and every other process is told; the whole index is saved later (`saveSoon`). Changes and
   * refreshes run one after the other.
   */
  async change<T>(
    mutate: (tx: StoreTransaction) => Promise<T>,
  ): Promise<{ result: T; report: ChangeReport }> {
    const done = await this.changes.run(() =>
      this.doChange(mutate, { refusesEmpty: false, skipsUnchanged: false }),
    );
    if (done === null) throw new Error('LiveEngine: a change that cannot be skipped was skipped');
    this.updated('change', done.report);
    return done;
  }

  /**
   * Serves the store's current version when it differs from the one served (a change made by
   * another process, or missed while disconnected): reads it and indexes only the articles that
   * differ from those served, as the change did. Failures keep the current index.
   */
  catchUp(): Promise<boolean> {
    const timer = new PhaseTimer();
    return this.changes.run(async () => {
      timer.lap('queued');
      const version = await this.store.version();
      timer.lap('version read');
      if (version === this.version) return false;
      const started = performance.now();
      const base = this.changeBase();
      const saved = await this.savedChanges(base.corpus, this.version, version, timer);
      let corpus: Corpus;
      let to = version;
      if (saved !== null) corpus = saved;
      else {
        const snapshot = await this.store.read(this.parsedFiles);
        if (snapshot.version === this.version) return false;
        corpus = this.parsedFiles.corpus(this.store.label, snapshot);
        this.parsedFiles.committed(snapshot.version);
        to = snapshot.version;
        timer.lap('files read and assembled');
      }
      const index = updateEngine(base, corpus);
      timer.lap('engine updated');
      const ms = performance.now() - started;
      const opened: OpenedIndex = { index, version: to, from: 'updated', warning: null, ms };
      this.updated('catch_up', this.swap(opened, base.corpus.articles, ms, corpus.problems, timer));
      this.mergeSoon();
      return true;
    });
  }

  /**
   * The corpus of version `to` made from `corpus` (that of version `from`) and the saved changes
   * between them, or null when the store has not got them all (or one is corrupt).
   */
  private async savedChanges(
    corpus: Corpus,
    from: string,
    to: string,
    timer?: PhaseTimer,
  ): Promise<Corpus | null> {
    try {
      return await corpusAfterChanges(this.store, corpus, from, to, this.config, timer);
    } catch {
      return null;
    }
  }

  /**
   * Saves the served index whole for its version a little later (INDEX_SAVE_DELAY_MS), in the
   * background, so that the next process to start loads it and fewer saved changes: a change is
   * served without waiting for it. A save that fails costs the next start more work, nothing else.
   */
  private saveSoon(): void {
    if (this.store.indexLocation === null || this.closed || this.saveTimer !== null) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      this.saving = this.saving.then(() => this.saveServed());
    }, INDEX_SAVE_DELAY_MS);
    this.saveTimer.unref();
  }

  /** Saves the index served now under its version (nothing when the store has it already). */
  private async saveServed(): Promise<void> {
    if (this.closed) return;
    const { index, version } = this.opened;
    this.changesUnsaved = 0;
    try {
      await this.store.saveIndex(version, indexBlob(index, version, this.config));
    } catch {
      // The index serves from memory; a process that finds no saved index builds one.
    }
  }

  /**
   * Readies the first change, in the background after opening (queued like a change, so never
   * beside one): the served engine's index turned into a segment (as fast to query, see
   * `SegmentedIndex.withWeights`), and every file of the store parsed once, its articles taken as
   * the prepared engine's when they are the served ones (the same objects the next parse gives, so
   * that a change compares only what it changed), so that the first change, here or in another
   * process, costs what later ones do; its term tables get room to append into and its catalogue
   * is made. Then a change is practised and dropped (see practice-change.ts), the prepared engine
   * is served in place of the one the process opened with (it answers alike), and the start's
   * temporaries and that engine are collected (a full collection, once), so that the first
   * change, and the questions after it, pay for none of them.
   */
  private prepareSoon(): void {
    this.preparing = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() =>
        this.changes.run(async () => {
          if (this.closed) return;
          await this.prepareFirstChange();
          // Out of the function that held it: the engine the process opened with is collected too.
          collectGarbage();
        }),
      )
      .catch(() => undefined);
  }

  /** The preparation `prepareSoon` describes, up to its collection. */
  private async prepareFirstChange(): Promise<void> {
    const from = this.live;
    let engine = segmentedEngine(from);
    let same = false;
    const snapshot = await this.store.read();
    if (snapshot.version === this.version) {
      const parsed = this.parsedFiles.corpus(this.store.label, snapshot);
      this.parsedFiles.committed(snapshot.version);
      same = sameCorpus(from.corpus, parsed);
      if (same) engine = new AnswerEngine({ ...engine.engineParts(), corpus: parsed }, engine.index);
    }
    // The catalogue and question context, which the first change's engine then carries over.
    engine.warmUp();
    practiseChange(engine);
    // Served from now on when it holds what is served (it answers alike), so that the engine the
    // process opened with — its index, its own copy of the articles — is collected with the
    // start's temporaries, not by a collection the first change's questions wait for.
    if (same && this.live === from) {
      this.live = engine;
      this.opened = { ...this.opened, index: engine };
    } else this.prepared = { from, engine };
  }

  /** Waits for the background preparation of the first change (for tests and benchmarks). */
  async flushPrepare(): Promise<void> {
    await this.preparing;
  }

  /**
   * The engine a change starts from: the served one, or the one prepared from it (see
   * `prepareSoon`), which answers alike. Its corpus is what the change compares the new one with.
   */
  private changeBase(): AnswerEngine {
    const prepared = this.prepared;
    return prepared?.from === this.live ? prepared.engine : this.live;
  }

  /**
   * Merges the small segments changes left, when the tiered policy asks for it (see
   * `SegmentedIndex.mergeCandidate`), after the change that called it has returned: queued behind
   * changes, so the merged engine is swapped in over exactly the engine it was made from, and
   * questions are answered from the engine served until then (merging changes no score).
   */
  private mergeSoon(): void {
    if (this.merging !== null || this.closed) return;
    this.merging = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() =>
        this.changes.run(async () => {
          let mergedAny = false;
          for (let merged = mergeEngine(this.live); merged !== null; merged = mergeEngine(merged)) {
            this.live = merged;
            this.prepared = null;
            this.opened = { ...this.opened, index: merged };
            mergedAny = true;
          }
          if (mergedAny) this.weighing = this.readyWeights(this.live);
          // The merged index is what the next start should load: saved by a process that made changes.
          if (mergedAny && this.changesUnsaved > 0) this.saveSoon();
        }),
      )
      .catch(() => undefined)
      .finally(() => {
        this.merging = null;
      });
  }

  /**
   * Readies the term weights of `engine`'s index — those every change moves, which its first
   * questions would otherwise compute — in idle time, a slice of at most WEIGHTS_SLICE_MS at a
   * time, questions answered between slices; it stops when another engine is served.
   */
  private readyWeights(engine: AnswerEngine, timer?: PhaseTimer): Promise<void> {
    return new Promise<void>((resolve) => {
      const slice = () => {
        if (this.closed || this.live !== engine) return resolve();
        if (!engine.readyIndex(performance.now() + WEIGHTS_SLICE_MS)) return void setImmediate(slice);
        timer?.lap('term weights readied');
        resolve();
      };
      setImmediate(slice);
    });
  }

  /** Waits until the served index' term weights are readied (for tests and benchmarks). */
  async flushWeights(): Promise<void> {
    await this.weighing;
  }

  /** Waits for the background merge, if one is queued (for tests and benchmarks). */
  async flushMerge(): Promise<void> {
    await this.merging;
  }

  /** Waits for the background save of the served index, if one is due (for tests and shutdown). */
  async flushSave(): Promise<void> {
    if (this.saveTimer !== null) {
      clearTimeout(this.saveTimer);
      this.saveTimer = null;
      this.saving = this.saving.then(() => this.saveServed());
    }
    await this.saving;
  }

  /**
   * One change, then the build and swap of its result; null when `skipsUnchanged` and the store
   * holds exactly what is served (nothing is built, swapped or, in a database, bumped).
   */
  private async doChange<T>(
    mutate: (tx: StoreTransaction) => Promise<T>,
    { refusesEmpty, skipsUnchanged }: { refusesEmpty: boolean; skipsUnchanged: boolean },
  ): Promise<{ result: T; report: ChangeReport } | null> {
    const started = performance.now();
    const timer = new PhaseTimer();
    const baseEngine = this.changeBase();
    const beforeCorpus = baseEngine.corpus;
    const before = beforeCorpus.articles;
    let next: AnswerEngine | null = null;
    let unchanged = false;
    const from = this.version;
    let changeBytes = 0;
    let changed: { result: T; version: string };
    try {
      changed = await this.store.change(
        mutate,
        async (snapshot, storeBefore) => {
          timer.lap('edited and files read');
          const corpus = this.parsedFiles.corpus(this.store.label, snapshot);
          timer.lap('corpus assembled');
          unchanged = skipsUnchanged && sameCorpus(beforeCorpus, corpus);
          // Thrown only to end the store's change, so that a database rolls its version bump back.
          if (unchanged) throw new Error('LiveEngine: nothing changed');
          next = updateEngine(baseEngine, corpus);
          timer.lap('engine updated');
          if (refusesEmpty && next.corpus.articles.length === 0 && before.length > 0)
            throw new EmptyCorpusRefused(next.corpus.problems);
          // Only what the change did is saved with it; the whole index later (saveSoon).
          if (this.store.indexLocation === null || snapshot.version === from) return null;
          // It follows on from the version the store held, so that the saved changes stay one
          // chain: changes of other processes not yet served here are applied from theirs first.
          const chainFrom = storeBefore ?? from;
          const base =
            chainFrom === from ? beforeCorpus : await this.savedChanges(beforeCorpus, from, chainFrom);
          // Without them, nothing saved: the next start builds (as after a change that died).
          if (base === null) return null;
          const data = serialiseChange(
            corpusChange(base.articles, corpus),
            chainFrom,
            snapshot.version,
            this.config,
          );
          changeBytes = data.length;
          timer.lap('saved change made');
          const change = { rankingKey: rankingKey(this.config), from: chainFrom, to: snapshot.version, data };
          return { change };
        },
        this.parsedFiles,
      );
    } catch (error) {
      if (unchanged) return null;
      throw error;
    }
    timer.lap('saved and committed');
    const { result, version } = changed;
    this.parsedFiles.committed(version);
    const index = next as AnswerEngine | null;
    if (index === null) throw new Error('LiveEngine: the store did not build the changed index');
    const ms = performance.now() - started;
    const opened: OpenedIndex = { index, version, from: 'updated', warning: null, ms };
    const report = this.swap(opened, before, ms, index.corpus.problems, timer);
    this.lastChangeBytes = changeBytes;
    this.changesUnsaved++;
    if (this.changesUnsaved >= MAX_CHANGES_UNSAVED) this.saveSoon();
    this.mergeSoon();
    return { result, report };
  }

  /** Swaps in an index (possibly the one served) and records the report of what changed. */
  private swap(
    opened: OpenedIndex,
    before: Article[],
    ms: number,
    problems: CorpusProblem[],
    timer?: PhaseTimer,
  ): ChangeReport {
    if (opened.index !== this.live) this.prepared = null;
    this.live = opened.index;
    this.opened = opened;
    timer?.lap('swapped');
    // What the first question would make, made just after the swap unless a question comes first.
    this.weighing = new Promise<void>((resolve) =>
      setImmediate(() => {
        timer?.lap('waited for the event loop');
        opened.index.warmUp();
        timer?.lap('warmed up');
        resolve(this.readyWeights(opened.index, timer));
      }),
    );
    const report: ChangeReport = {
      ok: true,
      ...diffArticles(before, opened.index.corpus.articles),
      articles: opened.index.corpus.articles.length,
      passages: opened.index.passageCount,
      problems,
      error: null,
      durationMs: ms,
    };
    timer?.lap('report made');
    if (timer !== undefined) this.lastTimer = timer;
    this.lastRefresh = report;
    return report;
  }

  /** Stops following the store and closes it (a save under way is finished first, a due one dropped). */
  async close(): Promise<void> {
    this.closed = true;
    if (this.saveTimer !== null) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    await Promise.all([this.saving, this.preparing, this.merging, this.weighing]);
    await this.store.close();
  }
}
