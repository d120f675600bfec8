/**
 * Where a scan (article-terms.ts) reads the titles and texts of articles, each as a flat string of
 * its own: copied from the articles (one thread), or read from bytes in shared memory, one buffer
 * per run of articles, which the build's thread writes once and every thread reads its runs'
 * strings from. Posting the strings themselves to a worker copies all of them into its heap (30
 * million characters at 100,000 passages), which it then collects before its first run; shared
 * bytes are not copied, and each thread makes strings of only the runs it scans.
 */

/** The text of an article that is indexed. */
export interface ArticleText {
  title: string;
  text: string;
}

/** Where a scan reads the title and text of article a, each as a flat string of its own. */
export interface ArticleTextSource {
  title(a: number): string;
  text(a: number): string;
}

/** Articles' titles and texts, each copied into a flat string of its own as it is read. */
export function copiedTexts(articles: readonly ArticleText[]): ArticleTextSource {
  return {
    title: (a) => flatString((articles[a] as ArticleText).title),
    text: (a) => flatString((articles[a] as ArticleText).text),
  };
}

/** A character that does not fit in one byte. */
const WIDE_CHAR = /[\u0100-\uffff]/;

/**
 * The same string, as a flat string of its own. A string cut from a larger one (a slice, as a
 * parser or trim gives) is read through its parent; when such strings and flat ones both pass
 * through the scanning code, V8 reads every character more slowly (measured: about 1.7 times the
 * time of scanning the 100k-passage bench corpus). Copying costs about a tenth of that.
 */
function flatString(s: string): string {
  return WIDE_CHAR.test(s)
    ? Buffer.from(s, 'utf16le').toString('utf16le')
    : Buffer.from(s, 'latin1').toString('latin1');
}

/** The titles and texts of runs of articles in shared buffers (plain data, posted to workers). */
export interface SharedTexts {
  /** Run r is articles [bounds[r], bounds[r + 1]). */
  bounds: Int32Array;
  /** Each run's strings, one after another (an article's title, then its text). */
  bytes: SharedArrayBuffer[];
  /** Where string i starts in its run's buffer, in bytes (article a's title is 2a, its text 2a + 1). */
  starts: Int32Array;
  /** Where string i ends in its run's buffer, in bytes. */
  ends: Int32Array;
  /** 1 where string i is written as UTF-16 (it holds a character past U+00FF), 0 as Latin-1. */
  wide: Uint8Array;
  /** In shared memory: 1 once run r's bytes are written (see `writeTexts`). */
  written: Int32Array;
}

/**
 * Room for the titles and texts of articles, run by run (`bounds` as in `SharedTexts`), with
 * where each string goes; `writeTexts` then writes them. Posting this to a worker first lets it
 * start on the first runs while the rest are written.
 */
export function planTexts(articles: readonly ArticleText[], bounds: Int32Array): SharedTexts {
  const strings = 2 * articles.length;
  const starts = new Int32Array(strings);
  const ends = new Int32Array(strings);
  const wide = new Uint8Array(strings);
  const bytes: SharedArrayBuffer[] = [];
  for (let r = 0; r + 1 < bounds.length; r++) {
    let at = 0;
    for (let i = 2 * (bounds[r] as number); i < 2 * (bounds[r + 1] as number); i++) {
      const s = stringAt(articles, i);
      wide[i] = WIDE_CHAR.test(s) ? 1 : 0;
      starts[i] = at;
      at += wide[i] === 1 ? 2 * s.length : s.length;
      ends[i] = at;
    }
    bytes.push(new SharedArrayBuffer(at));
  }
  const written = new Int32Array(new SharedArrayBuffer(4 * bytes.length));
  return { bounds, bytes, starts, ends, wide, written };
}

/** Writes the titles and texts of `planTexts`, run by run, marking each run written. */
export function writeTexts(texts: SharedTexts, articles: readonly ArticleText[]): void {
  const { bounds, bytes, starts, wide, written } = texts;
  for (let r = 0; r < bytes.length; r++) {
    const buffer = Buffer.from(bytes[r] as SharedArrayBuffer);
    for (let i = 2 * (bounds[r] as number); i < 2 * (bounds[r + 1] as number); i++)
      buffer.write(stringAt(articles, i), starts[i] as number, wide[i] === 1 ? 'utf16le' : 'latin1');
    Atomics.store(written, r, 1);
    Atomics.notify(written, r);
  }
}

function stringAt(articles: readonly ArticleText[], i: number): string {
  const article = articles[i >> 1] as ArticleText;
  return (i & 1) === 0 ? article.title : article.text;
}

/**
 * Reads articles' titles and texts back from `SharedTexts`, each as a new flat string (of a run
 * written: see `awaitRun`).
 */
export class SharedTextReader implements ArticleTextSource {
  private readonly runOf: Int32Array;
  private readonly buffers: Buffer[];

  constructor(private readonly texts: SharedTexts) {
    const { bounds } = texts;
    this.runOf = new Int32Array(bounds[bounds.length - 1] ?? 0);
    for (let r = 0; r + 1 < bounds.length; r++) this.runOf.fill(r, bounds[r], bounds[r + 1]);
    this.buffers = texts.bytes.map((shared) => Buffer.from(shared));
  }

  /** Waits (at most `timeoutMs`) until run r is written: false if it is not. */
  awaitRun(r: number, timeoutMs: number): boolean {
    const { written } = this.texts;
    if (Atomics.load(written, r) === 0) Atomics.wait(written, r, 0, timeoutMs);
    return Atomics.load(written, r) === 1;
  }

  /** The title of article a. */
  title(a: number): string {
    return this.string(a, 2 * a);
  }

  /** The text of article a. */
  text(a: number): string {
    return this.string(a, 2 * a + 1);
  }

  private string(a: number, i: number): string {
    const { starts, ends, wide } = this.texts;
    const buffer = this.buffers[this.runOf[a] as number] as Buffer;
    return buffer.toString(wide[i] === 1 ? 'utf16le' : 'latin1', starts[i], ends[i]);
  }
}
