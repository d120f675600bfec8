import { describe, expect, it } from 'vitest';
import { sentenceBreakStrings } from '../../scripts/lib/sentence-break-strings.ts';
import { loadCorpus } from '../../src/corpus/load.ts';
import { buildPassages } from '../../src/passages/passages.ts';
import { directSentenceEnds, hasKnownClasses } from '../../src/passages/sentence-breaks.ts';
import { isTrimmedSpace, splitSentences } from '../../src/passages/sentences.ts';
import { TermVocabulary, terms, termsOfWord, tokenize } from '../../src/search/tokenize.ts';
import { charsWord, charsWordCount, WordTable } from '../../src/search/word-table.ts';
import { IntBuffer } from '../../src/util/term-table.ts';
import { CORPUS_DIR, readJsonl } from './helpers.ts';

const sentencesOf = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('sentence splitting', () => {
  it('finds the sentence boundaries of Intl.Segmenter without it in text of known characters', async () => {
    const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
    const directEnds = (text: string) => {
      const ends = new IntBuffer();
      directSentenceEnds(text, 0, text.length, ends);
      return Array.from(ends.toArray());
    };
    const icuEnds = (text: string) => Array.from(segmenter.segment(text), (s) => s.index + s.segment.length);
    const paragraphs = (await readJsonl<{ text: string }>('squad-sample-paragraphs.jsonl'))
      .map((p) => p.text)
      .filter((t) => hasKnownClasses(t, 0, t.length));
    expect(paragraphs.length).toBeGreaterThan(50);
    const strings = [...sentenceBreakStrings(20000, 7)];
    for (const text of [
      ...paragraphs,
      ...strings,
      'He said "Stop." Then.',
      'e.g. it',
      'U.S. Army. 3.5 x.\r\nY',
    ]) {
      expect(directEnds(text), JSON.stringify(text)).toEqual(icuEnds(text));
    }
  });

  it('trims exactly the white space String.prototype.trim removes', () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (isTrimmedSpace(c) !== (ch.trim() === '')) expect(c.toString(16)).toBe('a trimmed space');
    }
  });

  it('does not break after "U.S.", "a.m.", initials or titles', () => {
    expect(
      sentencesOf(
        'U.S. Secretary of State John Kerry arrived at 10 a.m. Friday. He met Gen. Smith and J. R. Doe there.',
      ),
    ).toEqual([
      'U.S. Secretary of State John Kerry arrived at 10 a.m. Friday.',
      'He met Gen. Smith and J. R. Doe there.',
    ]);
  });

  it('keeps numbers such as 290,000 and 1.8 inside their sentence', () => {
    expect(
      sentencesOf('The war killed more than 290,000 people. The plant serves 1.8 million people.'),
    ).toEqual(['The war killed more than 290,000 people.', 'The plant serves 1.8 million people.']);
  });

  it('ends a sentence after a closing quote and keeps a quote with its attribution', () => {
    expect(sentencesOf('“We will not rush,” he said. He said "no." Then he left.')).toEqual([
      '“We will not rush,” he said.',
      'He said "no."',
      'Then he left.',
    ]);
  });

  it('gives offsets that slice the text exactly, and never joins two paragraphs', () => {
    const text = '  First one. Second one.\n\nThird one, in a new paragraph.\n';
    const spans = splitSentences(text);
    expect(spans.map((s) => [text.slice(s.start, s.end), s.paragraph])).toEqual([
      ['First one.', 0],
      ['Second one.', 0],
      ['Third one, in a new paragraph.', 1],
    ]);
  });
});

describe('passages', () => {
  it('are windows of up to three sentences inside a paragraph, covering every sentence', () => {
    const text = 'A one. A two. A three. A four.\n\nB one.';
    const spans = splitSentences(text);
    const passages = buildPassages(0, spans, { window: 3, stride: 1 });
    expect(passages.map((p) => text.slice(p.start, p.end))).toEqual([
      'A one. A two. A three.',
      'A two. A three. A four.',
      'B one.',
    ]);
    const covered = new Set(
      passages.flatMap((p) =>
        Array.from({ length: p.lastSentence - p.firstSentence + 1 }, (_, i) => p.firstSentence + i),
      ),
    );
    expect(covered.size).toBe(spans.length);
  });

  it('do not overlap when the stride equals the window', () => {
    const text = 'One. Two. Three. Four. Five.';
    const passages = buildPassages(0, splitSentences(text), { window: 2, stride: 2 });
    expect(passages.map((p) => text.slice(p.start, p.end))).toEqual(['One. Two.', 'Three. Four.', 'Five.']);
  });
});

describe('tokeniser', () => {
  it('normalises numbers, possessives, hyphenated words and "U.S."/"US"', () => {
    expect(terms("Syria's 290,000 people, a 48-hour pause, U.S. and US-backed")).toEqual([
      'syria',
      '290000',
      'peopl',
      '48',
      'hour',
      'paus',
      'u.s',
      'u.s',
      'back',
    ]);
  });

  it('drops stop words, stems, and maps irregular forms to their lemma', () => {
    expect(terms('When did the ceasefire come into force? It came into force.')).toEqual([
      'ceasefir',
      'come',
      'forc',
      'come',
      'forc',
    ]);
    expect(terms('they sat down')).toEqual(terms('where did they sit down'));
  });

  it('indexes verbs of reported speech as one term', () => {
    expect(terms('Lavrov told journalists')).toContain('say');
    expect(terms('What did Lavrov say')).toContain('say');
    expect(terms('Kerry said')).toContain('say');
  });

  it('splits an abbreviation run into the next word', () => {
    expect(terms('the U.S.is looking')).toEqual(['u.s', 'look']);
  });

  it('gives each token its offsets in the text', () => {
    const text = 'Lavrov’s “terrorists”, 290,000.';
    expect(tokenize(text).map((t) => text.slice(t.start, t.end))).toEqual([
      'Lavrov’s',
      'terrorists',
      '290,000',
    ]);
  });

  it('gives as term ids exactly the terms of `terms`, in place and on a slice, on the sample paragraphs and the corpus', async () => {
    const paragraphs = [
      ...(await readJsonl<{ title: string; text: string }>('squad-sample-paragraphs.jsonl')),
      ...(await loadCorpus(CORPUS_DIR)).articles,
    ];
    const tricky = [
      'U.S.is 1.8 end.The café naïve co\u0301operate 𝒜𝒷𝒸 emoji 😀x 2,000.5 it’s ’quoted’ a.b.c. e.g. Mr.Smith',
      "trailing dot. and comma, and apostrophe' and a lone \ud800 surrogate",
    ];
    const vocabulary = new TermVocabulary();
    for (const text of [...tricky, ...paragraphs.flatMap((p) => [p.title, p.text])]) {
      const out = new IntBuffer();
      vocabulary.appendIds(text, out);
      expect(Array.from(out.toArray(), (id) => vocabulary.terms[id])).toEqual(terms(text));
      const from = Math.floor(text.length / 3);
      const to = Math.floor((2 * text.length) / 3);
      const part = new IntBuffer();
      vocabulary.appendIds(text, part, from, to);
      expect(Array.from(part.toArray(), (id) => vocabulary.terms[id])).toEqual(terms(text.slice(from, to)));
    }
  });

  it('gives for each raw word the terms `tokenize` finds in it, on the sample paragraphs and the corpus', async () => {
    const paragraphs = [
      ...(await readJsonl<{ title: string; text: string }>('squad-sample-paragraphs.jsonl')),
      ...(await loadCorpus(CORPUS_DIR)).articles,
    ];
    const tricky = 'U.S.is U.S. A. x. 5. 2,000. 1.8. it’s. Syria’s. end.The a.b.c. e.g. Mr.Smith. café. 𝒜𝒷𝒸.';
    const words = new Set<string>();
    for (const text of [tricky, ...paragraphs.flatMap((p) => [p.title, p.text])])
      for (const word of text.match(/[\p{L}\p{N}]+(?:[.,'’][\p{L}\p{N}]+)*\.?/gu) ?? []) words.add(word);
    expect(words.size).toBeGreaterThan(1000);
    for (const word of words)
      expect([word, termsOfWord(word)]).toEqual([word, tokenize(word).map((t) => t.term)]);
  });

  it('numbers raw words as the WORD pattern finds them, and gives each back by its id', () => {
    const words = new WordTable();
    const text = 'U.S.is 1.8 end.The café 𝒜𝒷𝒸 😀x 2,000.5 it’s Syria’s Syria’s a.b.c. e.g. Mr.Smith end.';
    const out = new IntBuffer();
    words.appendWordIds(text, out);
    const found = Array.from(out.toArray(), (id) => words.word(id));
    expect(found).toEqual(text.match(/[\p{L}\p{N}]+(?:[.,'’][\p{L}\p{N}]+)*\.?/gu));
    expect(words.size).toBe(found.length - 1);
    expect(out.at(9)).toBe(out.at(8));
    expect(words.idOf('Syria’s')).toBe(out.at(8));
    expect(words.idOf('unseen')).toBe(words.size - 1);
    const last = words.charsFrom(words.size - 2);
    expect([0, 1].map((k) => charsWord(last, k))).toEqual(['end.', 'unseen']);
    // Words handed over as characters (a worker's) get the ids their strings get, new ones added.
    const other = new WordTable();
    other.appendWordIds(`Zürich ${text} 𝒳-ray novel`, new IntBuffer());
    const handed = other.charsFrom(0);
    const count = charsWordCount(handed);
    const before = words.size;
    const ids = Array.from({ length: count }, (_, k) =>
      words.idOfChars(handed.chars, handed.starts[k] as number, handed.starts[k + 1] as number),
    );
    expect(words.size).toBe(before + 4);
    expect(ids).toEqual(Array.from({ length: count }, (_, k) => words.idOf(charsWord(handed, k))));
    expect(words.word(ids[0] as number)).toBe('Zürich');
  });

  it('finds no terms in a question made only of stop words', () => {
    expect(terms('What is it that they would have been?')).toEqual([]);
  });
});
