/** One article of the coverage, cleaned of page furniture, with the metadata its file declares or implies. */
export interface Article {
  /** Stable id: the file path relative to the corpus folder without extension, or a JSONL record's `id`. */
  id: string;
  title: string;
  /** The outlet, or null when the file does not say. Never guessed. */
  source: string | null;
  /** Publication date as YYYY-MM-DD, or null when unknown. */
  date: string | null;
  /** True when `date` is an approximation (the front matter says `dateApprox: true`). */
  dateApprox: boolean;
  url: string | null;
  /** Event id from the events file, or null. */
  event: string | null;
  language: string | null;
  /** The cleaned article text; passages and excerpts are verbatim slices of it. */
  text: string;
  /** Path of the file it came from, relative to the corpus folder (with `:line` for JSONL records). */
  path: string;
}

/** An event the coverage is about, as defined in the corpus' events file. */
export interface CoverageEvent {
  id: string;
  name: string;
  /** First day of the event, YYYY-MM-DD. */
  start: string;
  /** Last day of the event, YYYY-MM-DD. */
  end: string;
  description: string;
}

/** Something wrong in a corpus file: where it is and what a person should fix. */
export interface CorpusProblem {
  /** Path relative to the corpus folder. */
  path: string;
  /** 1-based line number when known. */
  line: number | null;
  message: string;
}

/** The result of reading a corpus folder: the good articles, the events, and every problem found. */
export interface Corpus {
  /** Where it was read from, for people and logs: a folder, or the database address without its password. */
  label: string;
  articles: Article[];
  events: CoverageEvent[];
  problems: CorpusProblem[];
}

/** Result of parsing one file: its articles and its problems. */
export interface ParsedFile {
  articles: Article[];
  problems: CorpusProblem[];
}

/** One file of the corpus as the folder format holds it: its relative path and its text. */
export interface StoredFile {
  /** Path relative to the corpus folder, with forward slashes. */
  path: string;
  content: string;
  /** MD5 (hex) of its UTF-8 bytes, when the store has it without hashing the content. */
  md5?: string;
}

/** Everything the loader reads, at one version of the corpus. */
export interface CorpusSnapshot {
  /** The corpus version these files are (folder: the content fingerprint; database: a counter). */
  version: string;
  /** The events file's text, or null when there is none. */
  events: string | null;
  /** The article files (.md, .txt, .jsonl), sorted by path. */
  files: StoredFile[];
  /** Files that could not be read (folder only). */
  problems: CorpusProblem[];
}
