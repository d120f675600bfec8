/**
 * The parse of every article file of the last snapshot read, so that a change parses only the
 * files it touched: a file whose content is the same string is not parsed again, and its
 * articles are the very objects served before (which lets later steps skip them cheaply).
 */
import { parseArticleFile } from './load.ts';
import type { ParsedFile } from './types.ts';

interface Entry {
  content: string;
  parsed: ParsedFile;
}

/** Parsed files by path, kept from one snapshot to the next. */
export class ParsedFiles {
  private kept = new Map<string, Entry>();

  /**
   * A parser for one snapshot (see `corpusFromSnapshot`): it parses a file only when its content
   * differs from the last snapshot's; files it is not asked for are forgotten.
   */
  forSnapshot(): (path: string, content: string) => ParsedFile {
    const previous = this.kept;
    const next = new Map<string, Entry>();
    this.kept = next;
    return (path, content) => {
      const entry = previous.get(path);
      if (entry !== undefined && entry.content === content) {
        next.set(path, entry);
        return entry.parsed;
      }
      const parsed = parseArticleFile(path, content);
      next.set(path, { content, parsed });
      return parsed;
    };
  }
}
