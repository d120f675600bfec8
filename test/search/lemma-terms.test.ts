import { createRequire } from 'node:module';
import { stem } from 'porter2';
import { afterEach, describe, expect, it, vi } from 'vitest';
import lemmatizer from 'wink-lemmatizer';
import { terms } from '../../src/search/tokenize.ts';
import { readJsonl } from '../core/helpers.ts';

const require = createRequire(import.meta.url);
const verbExceptions = require('wink-lexicon/src/wn-verb-exceptions.js') as Record<string, string>;
const nounExceptions = require('wink-lexicon/src/wn-noun-exceptions.js') as Record<string, string>;

/** The term of a lower-case word as tokenize.ts defines it: its irregular lemma (if any), stemmed. */
function expectedTerm(word: string): string {
  for (const lemma of [lemmatizer.verb(word), lemmatizer.noun(word)]) {
    if (lemma !== word && !word.startsWith(lemma.slice(0, Math.max(2, lemma.length - 1))))
      return lemmaToTerm(lemma);
  }
  return lemmaToTerm(word);
}

/** tokenize.ts' verbs of saying, all indexed as "say". */
const SAYING = new Set(
  'say says said saying tell tells telling stated declare declares declared remark remarked'.split(' '),
);
const lemmaToTerm = (lemma: string) => (SAYING.has(lemma) ? 'say' : stem(lemma));

afterEach(() => {
  vi.restoreAllMocks();
});

describe('lemmas of index terms', () => {
  it('asks the lemmatizer only about words it may change irregularly', () => {
    const irregular = ['outran', 'firemen', 'zing'];
    const expected = irregular.map(expectedTerm);
    const verb = vi.spyOn(lemmatizer, 'verb');
    const noun = vi.spyOn(lemmatizer, 'noun');
    // Words no earlier test normalised (the memo would hide the calls): regular endings only.
    expect(terms('reconvening blorfed quixotically')).toEqual([
      stem('reconvening'),
      stem('blorfed'),
      stem('quixotically'),
    ]);
    expect(verb).not.toHaveBeenCalled();
    expect(noun).not.toHaveBeenCalled();
    // An irregular form, a word ending in "men" and a short word still go to the lemmatizer.
    expect(terms(irregular.join(' '))).toEqual(expected);
    expect(verb.mock.calls.map(([word]) => word)).toEqual(irregular);
    expect(expected[0]).toBe('outrun');
  });

  it('reads a word of ASCII letters as its lower-case form, but "US", the country', () => {
    expect(terms('Governments GOVERNMENTS governments')).toEqual(Array(3).fill(stem('government')));
    expect(terms('US Us us U.S.')).toEqual(['u.s', 'us', 'us', 'u.s']);
    expect(terms("Syria's 290,000 Café café")).toEqual(['syria', '290000', 'cafe', 'cafe']);
  });

  it('gives every word the term of the full lemmatizer rule: exceptions, endings, short words and SQuAD’s words', async () => {
    const words = new Set<string>([
      ...Object.keys(verbExceptions).filter((_, i) => i % 7 === 0),
      ...Object.keys(nounExceptions).filter((_, i) => i % 7 === 0),
      ...['women', 'firemen', 'bing', 'xing', 'lies', 'ties', 'quizzes', 'wolves', 'churches', 'wishes'],
      ...['ozes', 'oves', 'bed', 'ying', 'uses', 'boxes', 'knives', 'studies', 'came', 'went', 'mice'],
    ]);
    const paragraphs = await readJsonl<{ text: string }>('squad-sample-paragraphs.jsonl');
    for (const p of paragraphs)
      for (const w of p.text.toLowerCase().match(/\b[a-z]+\b/g) ?? []) if (!/\d/.test(w)) words.add(w);
    const list = [...words].filter((w) => terms(w).length === 1 && /^[a-z]+$/.test(w));
    expect(list.length).toBeGreaterThan(2000);
    expect(list.map((w) => terms(w)[0])).toEqual(list.map(expectedTerm));
  });
});
