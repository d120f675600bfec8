import { describe, expect, it } from 'vitest';
import { isSameCopy, ShingleCoder, shingles } from '../../src/answer/syndication.ts';
import { readJsonl } from './helpers.ts';

describe('copies told by numbered shingles', () => {
  it('finds the same copies, and the same number of shingles, as string shingles do', async () => {
    const paragraphs = await readJsonl<{ text: string }>('squad-sample-paragraphs.jsonl');
    const texts: string[] = [
      'Café ﬁne “quotes” — and ½ of ΟΔΟΣ in İstanbul™ were there, said the AFP report today.',
      'Cafe fine quotes and 1/2 of οδος in istanbul were there, said the AFP report today…',
      `…${'The ceasefire agreed in Geneva was to begin at sunset on Monday, officials said'}…`,
      'the ceasefire agreed in Geneva was to begin at sunset on Monday',
    ];
    for (const p of paragraphs.slice(0, 60)) {
      texts.push(p.text.slice(0, 300), `…${p.text.slice(40, 260)}…`, p.text.slice(100, 400).toUpperCase());
    }
    const coder = new ShingleCoder();
    const coded = texts.map((t) => coder.code(t));
    // The same texts added to one answer's coder, compared by their numbers there.
    const answer = new ShingleCoder();
    answer.reset();
    const added = texts.map((t) => answer.add(t));
    const strings = texts.map((t) => shingles(t));
    let copies = 0;
    for (let i = 0; i < texts.length; i++) {
      expect(coded[i]?.length, texts[i]).toBe(strings[i]?.size);
      for (let j = 0; j < texts.length; j++) {
        const same = isSameCopy(strings[i] as Set<string>, strings[j] as Set<string>);
        expect(answer.sameCopy(added[i] as number, added[j] as number), `${i} ${j}`).toBe(same);
        if (same && i !== j) copies++;
      }
    }
    expect(copies).toBeGreaterThan(100);
  });
});

describe('an answer’s shingle coder', () => {
  it('holds memory for one answer’s words, not for every word the process has met', () => {
    const coder = new ShingleCoder();
    // Distinct words of letters: a number written in base 26, a to z.
    const word = (n: number) => {
      let w = 'w';
      for (let k = n; k > 0; k = Math.floor(k / 26)) w += String.fromCharCode(97 + (k % 26));
      return w;
    };
    const answer = (from: number) => {
      coder.reset();
      for (let t = 0; t < 10; t++) {
        const words: string[] = [];
        for (let i = 0; i < 50; i++) words.push(word(from + t * 50 + i));
        coder.add(words.join(' '));
      }
    };
    answer(0);
    const before = process.memoryUsage().arrayBuffers;
    // 800 answers of 500 new words each: 400,000 words the process meets once.
    for (let a = 1; a <= 800; a++) answer(a * 500);
    const grown = process.memoryUsage().arrayBuffers - before;
    expect(grown, `${(grown / 2 ** 20).toFixed(1)} MB`).toBeLessThan(2 * 2 ** 20);
  });
});
