/**
 * The parse of every article file of the last snapshot read, so that a change parses only the
 * files it touched: a file whose content is the same string is not parsed again, and its
 * articles are the very objects served before (which lets later steps skip them cheaply).
 */
import { createHash } from 'node:crypto';
import { CorpusAssembly } from './assemble.ts';
import { parseArticleFile } from './load.ts';
import type { Corpus, CorpusSnapshot, ParsedFile, StoredFile } from './types.ts';

interface Entry {
  content: string;
  parsed: ParsedFile;
  /** MD5 of the content (hex): the store's, or made when first asked for. */
  md5?: string;
}

/** Parsed files by path, kept from one snapshot to the next. */
export class ParsedFiles {
  private kept = new Map<string, Entry>();
  private readonly assembly = new CorpusAssembly();
  /** The store version the files last parsed are, once the store said it committed it (see `committed`). */
  private version: string | null = null;

  /**
   * The corpus of a snapshot (as `corpusFromSnapshot` makes it), parsing only the files whose
   * content changed since the last snapshot and putting together only what they give.
   */
  corpus(label: string, snapshot: CorpusSnapshot): Corpus {
    return this.assembly.corpusOf(label, snapshot, this.forSnapshot());
  }

  /**
   * A parser for one snapshot (see `corpusFromSnapshot`): it parses a file only when its content
   * differs from the last snapshot's; files it is not asked for are forgotten.
   */
  forSnapshot(): (path: string, content: string, md5?: string) => ParsedFile {
    const previous = this.kept;
    const next = new Map<string, Entry>();
    this.kept = next;
    this.version = null;
    return (path, content, md5) => {
      const entry = previous.get(path);
      if (entry !== undefined && entry.content === content) {
        entry.md5 ??= md5;
        next.set(path, entry);
        return entry.parsed;
      }
      const parsed = parseArticleFile(path, content);
      next.set(path, { content, parsed, md5 });
      return parsed;
    };
  }

  /**
   * The content of `path` as last parsed, when its MD5 (hex, of its UTF-8 bytes) is `md5`, else
   * null: what a store needs to send only the files that changed (the store's `KnownFiles`).
   */
  contentOf(path: string, md5: string): string | null {
    const entry = this.kept.get(path);
    if (entry === undefined) return null;
    entry.md5 ??= createHash('md5').update(entry.content, 'utf8').digest('hex');
    return entry.md5 === md5 ? entry.content : null;
  }

  /**
   * Says that the files last parsed are those of store version `version`, committed (not those
   * of a change that may still roll back): `held` gives them from then on.
   */
  committed(version: string): void {
    this.version = version;
  }

  /**
   * The files last parsed, in the order they were given (sorted by path), with the store version
   * they are (see `committed`); null when it is not known. What a store needs to send only the
   * files changed since (the store's `KnownFiles`).
   */
  held(): { version: string; files: StoredFile[] } | null {
    if (this.version === null) return null;
    const files: StoredFile[] = [];
    for (const [path, { content, md5 }] of this.kept)
      files.push(md5 === undefined ? { path, content } : { path, content, md5 });
    return { version: this.version, files };
  }
}
