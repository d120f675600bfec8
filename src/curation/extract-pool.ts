/**
 * A pool of page-reading worker threads, started once and reused: starting a worker (and loading
 * the reader into it) costs many times what reading an ordinary page does. Each page keeps its own
 * limits: a page that takes longer than its time limit, or more memory than a worker may use, ends
 * only its worker, which is replaced; the pages waiting meanwhile are read by the others.
 */
import { Worker } from 'node:worker_threads';
import { workerScript } from '../search/worker-bundle.ts';
import { type ExtractedPage, PageRefused } from './extract.ts';

/** The worker's TypeScript, and the JavaScript that runs it through tsx when no bundle can be made. */
const EXTRACT_WORKER = new URL('./extract-worker-main.ts', import.meta.url);
const EXTRACT_WORKER_TSX = new URL('./extract-worker.js', import.meta.url);

/** Heap a reading worker may use; a page at the largest fetch size fits several times over. */
const WORKER_HEAP_MB = 256;

/** What a reading worker posts for a page: the page (or null: no article), or why it failed. */
export type ExtractOutcome = { page: ExtractedPage | null } | { refused: string | null; error: string };

/** A page sent to a worker, and the answer it gets. */
export interface ExtractRequest {
  id: number;
  html: string;
}
export interface ExtractReply {
  id: number;
  outcome: ExtractOutcome;
}

/** A page waiting for a worker, or being read by one. */
interface Job {
  id: number;
  html: string;
  timeoutMs: number;
  resolve: (page: ExtractedPage | null) => void;
  reject: (error: Error) => void;
}

/** A worker and the page it is reading, if any. */
interface Slot {
  worker: Worker;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

/** The refusal a page gets for taking longer than `timeoutMs` to read. */
function tooSlow(timeoutMs: number): PageRefused {
  return new PageRefused(
    `That page took longer than ${timeoutMs / 1000} s to read; save its article as a .txt or .md file and attach that instead.`,
  );
}

export class ExtractPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: Job[] = [];
  private nextId = 1;
  /** Workers started in all (replacements included), for tests and the bench. */
  started = 0;

  /** `size` workers at most, started when pages first need them. */
  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1)
      throw new RangeError(`ExtractPool: size must be a whole number ≥ 1, not ${size}`);
  }

  /**
   * The page's article (null when none is found), read by a worker of the pool. PageRefused, with
   * a sentence for the moderator, when the page is nested too deeply, takes longer than
   * `timeoutMs` once a worker has it (that worker is ended and replaced), uses more memory than
   * a worker may, or the reader fails on it.
   */
  extract(html: string, timeoutMs: number): Promise<ExtractedPage | null> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ id: this.nextId++, html, timeoutMs, resolve, reject });
      this.dispatch();
    });
  }

  /** Ends every worker; pages being read or waiting are refused. The pool can be used again. */
  async close(): Promise<void> {
    const slots = this.slots.splice(0);
    for (const job of this.waiting.splice(0)) job.reject(new PageRefused('That page could not be read.'));
    await Promise.all(
      slots.map((slot) => {
        this.finish(slot, (job) => job.reject(new PageRefused('That page could not be read.')));
        return slot.worker.terminate();
      }),
    );
  }

  /** Gives waiting pages to idle workers, starting workers up to the pool's size. */
  private dispatch(): void {
    while (this.waiting.length > 0) {
      let slot = this.slots.find((s) => s.job === null);
      if (slot === undefined && this.slots.length < this.size) slot = this.startWorker();
      if (slot === undefined) return;
      const job = this.waiting.shift() as Job;
      slot.job = job;
      slot.worker.ref();
      slot.timer = setTimeout(() => this.fail(slot, tooSlow(job.timeoutMs)), job.timeoutMs);
      slot.worker.postMessage({ id: job.id, html: job.html } satisfies ExtractRequest);
    }
  }

  private startWorker(): Slot {
    const worker = new Worker(workerScript(EXTRACT_WORKER, EXTRACT_WORKER_TSX), {
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    this.started++;
    const slot: Slot = { worker, job: null, timer: null };
    this.slots.push(slot);
    worker.on('message', (reply: ExtractReply) => {
      if (slot.job?.id !== reply.id) return;
      const { outcome } = reply;
      this.finish(slot, (job) => {
        if ('page' in outcome) job.resolve(outcome.page);
        else
          job.reject(
            new PageRefused(outcome.refused ?? 'That page could not be read.', { cause: outcome.error }),
          );
      });
      worker.unref();
      this.dispatch();
    });
    worker.on('error', (error) =>
      this.fail(
        slot,
        new PageRefused('That page could not be read (it is too large or malformed).', { cause: error }),
      ),
    );
    worker.on('exit', () => this.fail(slot, new PageRefused('That page could not be read.')));
    return slot;
  }

  /** Settles the slot's page with `outcome` and frees the slot. */
  private finish(slot: Slot, outcome: (job: Job) => void): void {
    if (slot.timer !== null) clearTimeout(slot.timer);
    slot.timer = null;
    const job = slot.job;
    slot.job = null;
    if (job !== null) outcome(job);
  }

  /** Refuses the slot's page with `error`, ends its worker and lets a new one take the waiting pages. */
  private fail(slot: Slot, error: PageRefused): void {
    const index = this.slots.indexOf(slot);
    if (index === -1) return;
    this.slots.splice(index, 1);
    this.finish(slot, (job) => job.reject(error));
    void slot.worker.terminate();
    this.dispatch();
  }
}
