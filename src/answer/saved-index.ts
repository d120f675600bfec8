/**
 * A saved index, so a restart or a chat session does not rebuild when nothing changed. One file
 * holds everything an index is made of (articles, sentences, passages, postings, statements), keyed by a hash
 * of the corpus files and of the ranking configuration, with a checksum of its payload: a file of
 * another corpus is never served, and a corrupt or truncated one is detected and rebuilt.
 */
import { createHash } from 'node:crypto';
import type { Corpus } from '../corpus/types.ts';
import type { Passage } from '../passages/passages.ts';
import { decodeSpans, type SentenceSpan } from '../passages/sentences.ts';
import type { PostingData } from '../search/bm25-index.ts';
import { INDEX_FORMAT_VERSION, type RankingConfig } from '../search/ranking-config.ts';
import { articlesFromColumns, articlesToColumns } from '../search/saved-articles.ts';
import { rowCount, type TermTable } from '../util/term-table.ts';
import type { IndexParts } from './engine.ts';

const MAGIC = 'COVIDX01';

/** Why a saved index could not be used. */
export class SavedIndexError extends Error {
  override name = 'SavedIndexError';
}

/** The key a saved index must carry to be served for this corpus and configuration. */
export function indexKey(corpusFingerprint: string, config: RankingConfig): string {
  return createHash('sha256')
    .update(JSON.stringify({ corpusFingerprint, config, format: INDEX_FORMAT_VERSION }))
    .digest('hex');
}

/** The part of the key that depends only on the ranking configuration (and the index format). */
export function rankingKey(config: RankingConfig): string {
  return createHash('sha256')
    .update(JSON.stringify({ config, format: INDEX_FORMAT_VERSION }))
    .digest('hex');
}

interface Section {
  name: string;
  kind: 'json' | 'utf8' | 'uint8' | 'int32' | 'float64';
  offset: number;
  length: number;
}

interface Header {
  key: string;
  /** The corpus version it was saved for, in clear, so a loader knows which saved changes follow it. */
  version?: string;
  payloadBytes: number;
  sha256: string;
  sections: Section[];
}

/**
 * Serialises index parts under `key` (and `version`, kept in clear): MAGIC, header length, JSON
 * header, then the sections.
 */
export function serialiseIndex(parts: IndexParts, key: string, version?: string): Buffer {
  const { postings } = parts;
  const terms: string[] = new Array(postings.termIds.size);
  for (const [term, id] of postings.termIds) terms[id] = term;
  const sentenceCounts = Int32Array.from(parts.sentences, (spans) => spans.length);
  const sentenceSpans = new Int32Array(3 * sentenceCounts.reduce((sum, n) => sum + n, 0));
  let at = 0;
  for (const spans of parts.sentences) {
    for (const span of spans) {
      sentenceSpans[at++] = span.start;
      sentenceSpans[at++] = span.end;
      sentenceSpans[at++] = span.paragraph;
    }
  }
  const passages = new Int32Array(5 * parts.passages.length);
  parts.passages.forEach((p, i) => {
    passages.set([p.article, p.start, p.end, p.firstSentence, p.lastSentence], 5 * i);
  });
  const { articles, ...corpusRest } = parts.corpus;
  const columns = articlesToColumns(articles);
  const blobs: Array<[string, Section['kind'], Buffer]> = [
    ['corpus', 'json', Buffer.from(JSON.stringify(corpusRest))],
    ['articleText', 'utf8', Buffer.from(columns.text)],
    ['articleSpans', 'int32', bytes(columns.spans)],
    ['articleDateApprox', 'uint8', bytes(columns.dateApprox)],
    ['config', 'json', Buffer.from(JSON.stringify(parts.config))],
    ['sentenceCounts', 'int32', bytes(sentenceCounts)],
    ['sentenceSpans', 'int32', bytes(sentenceSpans)],
    ['sentenceKinds', 'uint8', bytes(sentenceKindsOf(parts.sentenceTerms))],
    ['terms', 'json', Buffer.from(JSON.stringify(terms))],
    ['passages', 'int32', bytes(passages)],
    ['idf', 'float64', bytes(postings.idf)],
    ['offsets', 'int32', bytes(postings.offsets)],
    ['postingPassages', 'int32', bytes(postings.passages)],
    ['weights', 'float64', bytes(postings.weights)],
    ['sentenceTermOffsets', 'int32', bytes(parts.sentenceTerms.offsets)],
    ['sentenceTermIds', 'int32', bytes(parts.sentenceTerms.ids)],
    ['titleTermOffsets', 'int32', bytes(parts.titleTerms.offsets)],
    ['titleTermIds', 'int32', bytes(parts.titleTerms.ids)],
    ['statements', 'json', Buffer.from(JSON.stringify(parts.statements))],
  ];
  const sections: Section[] = [];
  let offset = 0;
  for (const [name, kind, blob] of blobs) {
    // Typed arrays are read in place, so each section starts on an 8-byte boundary.
    offset = align8(offset);
    sections.push({ name, kind, offset, length: blob.length });
    offset += blob.length;
  }
  const payload = Buffer.alloc(offset);
  blobs.forEach(([, , blob], i) => {
    blob.copy(payload, sections[i]?.offset ?? 0);
  });
  const header: Header = { key, version, payloadBytes: payload.length, sha256: sha256(payload), sections };
  const headerBytes = Buffer.from(JSON.stringify(header));
  const prefix = Buffer.alloc(align8(MAGIC.length + 4 + headerBytes.length));
  prefix.write(MAGIC, 0, 'latin1');
  prefix.writeUInt32LE(headerBytes.length, MAGIC.length);
  headerBytes.copy(prefix, MAGIC.length + 4);
  return Buffer.concat([prefix, payload]);
}

/** The corpus version a saved index says it was saved for (unchecked: its key is), or null. */
export function savedIndexVersion(buffer: Buffer): string | null {
  try {
    return readHeader(buffer).version ?? null;
  } catch {
    return null;
  }
}

function readHeader(buffer: Buffer): Header {
  if (buffer.length < MAGIC.length + 4 || buffer.toString('latin1', 0, MAGIC.length) !== MAGIC) {
    throw new SavedIndexError('not a saved index (wrong magic number)');
  }
  const headerLength = buffer.readUInt32LE(MAGIC.length);
  try {
    return JSON.parse(buffer.toString('utf8', MAGIC.length + 4, MAGIC.length + 4 + headerLength)) as Header;
  } catch {
    throw new SavedIndexError('its header is unreadable (truncated or corrupt)');
  }
}

/**
 * Reads index parts from a buffer written by `serialiseIndex`. Throws SavedIndexError when the
 * file is not a saved index, was saved for another key, is truncated or fails its checksum.
 */
export function deserialiseIndex(buffer: Buffer, expectedKey: string): IndexParts {
  const header = readHeader(buffer);
  const headerLength = buffer.readUInt32LE(MAGIC.length);
  if (header.key !== expectedKey)
    throw new SavedIndexError('it was saved for another corpus or ranking configuration');
  const start = align8(MAGIC.length + 4 + headerLength);
  if (buffer.length - start !== header.payloadBytes) {
    throw new SavedIndexError(
      `it is truncated or padded (${buffer.length - start} payload bytes, expected ${header.payloadBytes})`,
    );
  }
  const payload = buffer.subarray(start);
  if (sha256(payload) !== header.sha256) throw new SavedIndexError('its checksum does not match (corrupt)');
  const section = (name: string): Buffer => {
    const s = header.sections.find((x) => x.name === name);
    if (s === undefined) throw new SavedIndexError(`section ${name} is missing`);
    return payload.subarray(s.offset, s.offset + s.length);
  };
  const json = <T>(name: string): T => JSON.parse(section(name).toString('utf8')) as T;
  // Copies (a few milliseconds), so the index does not keep the whole file's buffer alive.
  const int32 = (name: string) => {
    const b = section(name);
    return new Int32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.length));
  };
  const float64 = (name: string) => {
    const b = section(name);
    return new Float64Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.length));
  };
  const terms = json<string[]>('terms');
  const flatPassages = int32('passages');
  const passages: Passage[] = new Array(flatPassages.length / 5);
  for (let i = 0, p = 0; i + 4 < flatPassages.length; i += 5, p++) {
    passages[p] = {
      article: flatPassages[i] as number,
      start: flatPassages[i + 1] as number,
      end: flatPassages[i + 2] as number,
      firstSentence: flatPassages[i + 3] as number,
      lastSentence: flatPassages[i + 4] as number,
    };
  }
  const sentenceSpans = int32('sentenceSpans');
  const counts = int32('sentenceCounts');
  const kinds = new Uint8Array(section('sentenceKinds'));
  if (3 * kinds.length !== sentenceSpans.length)
    throw new SavedIndexError(
      `it holds ${kinds.length} sentence kinds for ${sentenceSpans.length / 3} sentences`,
    );
  let at = 0;
  const sentences: SentenceSpan[][] = Array.from(counts, (count) => {
    const spans = decodeSpans(sentenceSpans, at, count);
    at += 3 * count;
    return spans;
  });
  const articles = articlesFromColumns({
    text: section('articleText').toString('utf8'),
    spans: int32('articleSpans'),
    dateApprox: new Uint8Array(section('articleDateApprox')),
  });
  const postings: PostingData = {
    passageCount: passages.length,
    termIds: new Map(terms.map((t, i) => [t, i])),
    idf: float64('idf'),
    offsets: int32('offsets'),
    passages: int32('postingPassages'),
    weights: float64('weights'),
  };
  return {
    corpus: { ...json<Omit<Corpus, 'articles'>>('corpus'), articles },
    config: json('config'),
    sentences,
    passages,
    postings,
    sentenceTerms: { offsets: int32('sentenceTermOffsets'), ids: int32('sentenceTermIds'), tags: kinds },
    titleTerms: { offsets: int32('titleTermOffsets'), ids: int32('titleTermIds') },
    statements: json('statements'),
  };
}

/** The kind of each sentence row of `table` (its tags), 0 for a table without them. */
function sentenceKindsOf(table: TermTable): Uint8Array {
  const rows = rowCount(table);
  return table.tags === undefined ? new Uint8Array(rows) : table.tags.subarray(0, rows);
}

function bytes(array: Uint8Array | Int32Array | Float64Array): Buffer {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength);
}

function align8(n: number): number {
  return (n + 7) & ~7;
}

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
