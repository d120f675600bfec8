/**
 * Reads a corpus folder into validated articles and events. A malformed file or line is reported
 * (path, line, what is wrong) and skipped; everything else loads.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { readWholeFile } from '../util/read-whole.ts';
import { assembleCorpus } from './assemble.ts';
import { EVENTS_FILE } from './events.ts';
import { fingerprintFiles } from './fingerprint.ts';
import { parseJsonl } from './jsonl.ts';
import { parseMarkdown } from './markdown.ts';
import { parseText } from './text.ts';
import type { Corpus, CorpusProblem, CorpusSnapshot, ParsedFile, StoredFile } from './types.ts';

/** The file kinds the loader reads, by extension. */
export const ARTICLE_EXTENSIONS = ['.md', '.txt', '.jsonl'] as const;

/** Lists article files under `dir`, recursively, sorted, as paths relative to `dir` with forward slashes. */
export async function listArticleFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    const rel = path.relative(dir, full).split(path.sep).join('/');
    if (isArticlePath(rel)) files.push(rel);
  }
  return files.sort();
}

/** Is a relative path (forward slashes) one the loader reads as an article file: an article extension, no dot-entry on the way? */
export function isArticlePath(rel: string): boolean {
  if (rel.split('/').some((part) => part.startsWith('.'))) return false;
  return (ARTICLE_EXTENSIONS as readonly string[]).includes(path.extname(rel).toLowerCase());
}

/** Parses one article file's content according to its extension. */
export function parseArticleFile(relPath: string, content: string): ParsedFile {
  const ext = path.extname(relPath).toLowerCase();
  const id = relPath.slice(0, relPath.length - ext.length);
  if (ext === '.jsonl') return parseJsonl(relPath, content);
  if (ext === '.md') return parseMarkdown(relPath, id, content);
  return parseText(relPath, id, content);
}

/**
 * Reads a corpus folder as a snapshot: the events file and every article file, with its version
 * (the fingerprint of exactly the bytes read). A file that cannot be read becomes a problem.
 * Throws only when `dir` itself cannot be read.
 */
export async function readCorpusFolder(dir: string): Promise<CorpusSnapshot> {
  const rels = await listArticleFiles(dir);
  const problems: CorpusProblem[] = [];
  let eventsBytes: Buffer | null = null;
  try {
    eventsBytes = await readWholeFile(path.join(dir, EVENTS_FILE));
  } catch {
    // No events file: no events.
  }
  const read: Array<[string, Buffer | null]> = [[EVENTS_FILE, eventsBytes]];
  const files: StoredFile[] = [];
  for (const rel of rels) {
    try {
      const bytes = await readWholeFile(path.join(dir, rel));
      read.push([rel, bytes]);
      files.push({ path: rel, content: bytes.toString('utf8') });
    } catch (error) {
      read.push([rel, null]);
      problems.push({ path: rel, line: null, message: `cannot be read: ${(error as Error).message}` });
    }
  }
  return { version: fingerprintFiles(read), events: eventsBytes?.toString('utf8') ?? null, files, problems };
}

/**
 * Loads every article under `dir` and the events file. Never throws for bad content: problems are
 * collected in `corpus.problems`. Throws only when `dir` itself cannot be read.
 */
export async function loadCorpus(dir: string): Promise<Corpus> {
  return corpusFromSnapshot(dir, await readCorpusFolder(dir));
}

/**
 * Parses a snapshot's files into validated articles and events (`dir` names where they came
 * from), each file with `parse` (a `ParsedFiles` parser reuses unchanged files' parses). Never
 * throws for bad content: problems are collected in `corpus.problems`.
 */
export function corpusFromSnapshot(
  dir: string,
  snapshot: CorpusSnapshot,
  parse: (path: string, content: string) => ParsedFile = parseArticleFile,
): Corpus {
  return assembleCorpus(dir, snapshot, parse);
}
