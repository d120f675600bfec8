import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanArticleText } from '../../src/corpus/clean.ts';
import { parseText } from '../../src/corpus/text.ts';
import type { Article } from '../../src/corpus/types.ts';
import { SEEDS } from './helpers.ts';

const SEED_FILES = [
  '000_1163f8dffe578711.txt',
  '001_d3ebd397d2656eba.txt',
  '002_8e57dfdec601a311.txt',
  '003_4ccb5f400e2ed980.txt',
  '004_311300a3212ac8e7.txt',
];

const raw: Record<string, string> = {};
const articles: Record<string, Article> = {};

beforeAll(async () => {
  for (const file of SEED_FILES) {
    raw[file] = await readFile(path.join(SEEDS, file), 'utf8');
    const parsed = parseText(file, file.replace('.txt', ''), raw[file] as string);
    expect(parsed.problems).toEqual([]);
    articles[file] = parsed.articles[0] as Article;
  }
});

const text = (file: string) => articles[file]?.text ?? '';

describe('cleaning the scraped seeds', () => {
  it.each([
    ['ad markers', '004_311300a3212ac8e7.txt', 'Advertisement'],
    ['ad markers', '003_4ccb5f400e2ed980.txt', 'Advertisement'],
    ['share lines', '003_4ccb5f400e2ed980.txt', 'Share'],
    ['follow lines', '002_8e57dfdec601a311.txt', 'Follow us on'],
    ['"Related Posts"', '001_d3ebd397d2656eba.txt', 'Related Posts'],
    ['photo credits', '000_1163f8dffe578711.txt', 'Courtesy of'],
    ['repeated captions', '002_8e57dfdec601a311.txt', '[Xinhua]'],
    ['repeated captions', '002_8e57dfdec601a311.txt', 'routinely met in recent years'],
    ['file-image captions', '004_311300a3212ac8e7.txt', '(File Image)'],
    ['link residue', '000_1163f8dffe578711.txt', '](#)'],
    ['navigation labels', '000_1163f8dffe578711.txt', 'Région'],
    ['bylines', '000_1163f8dffe578711.txt', 'Par nsnbc'],
    ['the French copyright block', '000_1163f8dffe578711.txt', 'Copyright'],
    ['the French disclaimer block', '000_1163f8dffe578711.txt', 'Avis de non-responsabilité'],
    ['the French reproduction notice', '000_1163f8dffe578711.txt', 'Le Centre de recherche'],
    ['the contact line', '000_1163f8dffe578711.txt', 'media@globalresearch.ca'],
    ['trailing promos', '004_311300a3212ac8e7.txt', 'Listen to the latest songs'],
    ['credit lines', '002_8e57dfdec601a311.txt', 'with inputs from Agencies'],
    ['trailing links to other stories', '003_4ccb5f400e2ed980.txt', 'Kerry, Lavrov meet for talks on Syria'],
    ['a wire-photo caption sentence', '003_4ccb5f400e2ed980.txt', 'speaks during a press conference'],
    ['datelines', '004_311300a3212ac8e7.txt', 'This Article is From'],
    ['datelines', '002_8e57dfdec601a311.txt', '5:25 am'],
  ])('removes %s (%s: %s)', (_kind, file, furniture) => {
    expect(text(file)).not.toContain(furniture);
  });

  it('keeps the article text verbatim: every paragraph is a slice of the scraped file', () => {
    for (const file of SEED_FILES) {
      const source = (raw[file] as string).replace(/\[([^\]\n]*)\]\([^)\s]*\)/g, '$1');
      for (const paragraph of text(file).split('\n\n')) {
        // A rejoined paragraph is two verbatim halves.
        for (const part of paragraph.split(/(?<=more and more of) (?=the smaller armed groups)/)) {
          expect(source).toContain(part);
        }
      }
    }
  });

  it('rejoins the sentence seed 000 splits across a paragraph break', () => {
    expect(text('000_1163f8dffe578711.txt')).toContain(
      'as more and more of the smaller armed groups who either have no ties',
    );
  });

  it('keeps the article body of every seed', () => {
    expect(text('000_1163f8dffe578711.txt')).toContain('United Nations Security Council resolution 2268');
    expect(text('001_d3ebd397d2656eba.txt')).toContain('came to a standstill on February 3');
    expect(text('002_8e57dfdec601a311.txt')).toContain(
      'separation of healthy opposition forces from terrorists',
    );
    expect(text('003_4ccb5f400e2ed980.txt')).toMatch(/^De Mistura noted that the talks/);
    expect(text('004_311300a3212ac8e7.txt')).toContain('killed more than 290,000 people');
  });

  it('takes the headline as the title', () => {
    expect(articles['000_1163f8dffe578711.txt']?.title).toBe(
      'Kerry and Lavrov Agree to Re-Launch Geneva III Talks on Syria as Soon as Possible',
    );
    expect(articles['002_8e57dfdec601a311.txt']?.title).toBe('Kerry-Lavrov move forward on Syria talks');
    expect(articles['004_311300a3212ac8e7.txt']?.title).toBe(
      'John Kerry,Sergei Lavrov Kick Off Syria Talks In Geneva',
    );
  });

  it('infers dates from datelines, French ones too, and never from a photo caption', () => {
    expect(articles['000_1163f8dffe578711.txt']?.date).toBe('2016-03-07');
    expect(articles['002_8e57dfdec601a311.txt']?.date).toBe('2016-08-27');
    expect(articles['004_311300a3212ac8e7.txt']?.date).toBe('2016-08-26');
    // Seed 003's only date is in a caption ("on August 3, 2015 in Doha"): unknown, not invented.
    expect(articles['003_4ccb5f400e2ed980.txt']?.date).toBeNull();
    expect(articles['001_d3ebd397d2656eba.txt']?.date).toBeNull();
  });

  it('never invents an outlet or an event for scraped text', () => {
    for (const file of SEED_FILES) {
      expect(articles[file]?.source).toBeNull();
      expect(articles[file]?.event).toBeNull();
    }
  });

  it('leaves clean text unchanged', () => {
    const clean = 'First paragraph, a full sentence.\n\nSecond paragraph: “a quote,” he said.';
    expect(cleanArticleText(clean).text).toBe(clean);
  });
});
