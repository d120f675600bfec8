import { beforeAll, describe, expect, it } from 'vitest';
import { type AnswerEngine, buildIndex } from '../../src/answer/engine.ts';
import { formatUnderstood } from '../../src/answer/wording.ts';
import { loadCorpus } from '../../src/corpus/load.ts';
import { LiveEngine } from '../../src/live/live-engine.ts';
import { CORPUS_DIR, copyOfCorpus, TRUCE_ARTICLE } from './helpers.ts';

let index: AnswerEngine;
beforeAll(async () => {
  index = buildIndex(await loadCorpus(CORPUS_DIR));
});

describe('typing slips in a question', () => {
  it('are read as the words the coverage uses, and the answer quotes what the right spelling gets', () => {
    const typed = index.ask('What did Lavorv say about terorists?');
    const right = index.ask('What did Lavrov say about terrorists?');
    expect(typed.noAnswer).toBe(false);
    expect(typed.results.map((r) => r.text)).toEqual(right.results.map((r) => r.text));
    expect(typed.corrections).toEqual([
      { typed: 'Lavorv', read: 'Lavrov' },
      { typed: 'terorists', read: 'terrorists' },
    ]);
    expect(formatUnderstood(typed)).toBe(
      'Read from your question: “Lavorv” as “Lavrov” · “terorists” as “terrorists”',
    );
  });

  it('let the date, the outlet or the question word be read through a slip', () => {
    const dated = index.ask('Where did Kerry and Lavrov meet in Agust 2016?');
    expect(dated.corrections).toEqual([{ typed: 'Agust', read: 'August' }]);
    expect(dated.understood.map((m) => m.kind)).toContain('date');
    expect(dated.results[0]?.date?.startsWith('2016-08')).toBe(true);
    const framed = index.ask('Waht happened in Aleppo?');
    expect(framed.corrections).toEqual([{ typed: 'Waht', read: 'What' }]);
    expect(framed.noAnswer).toBe(false);
    expect(framed.results[0]?.text).toContain('Aleppo');
    // An outlet's name is never read as another word ("brics" is not "bricks"); an everyday word is
    // read as itself when the coverage has nothing nearer.
    const outlet = index.ask('what did the brics post say about putn');
    expect(outlet.corrections).toEqual([{ typed: 'putn', read: 'putin' }]);
    expect(outlet.understood.map((m) => m.kind)).toEqual(['source']);
    expect(outlet.results[0]?.text).toContain('Putin');
    const everyday = index.ask('What hapened to Jarabulus?');
    expect(everyday.corrections).toEqual([{ typed: 'hapened', read: 'happened' }]);
    expect(everyday.results[0]?.text).toContain('Jarabulus');
    // Only a question's first word is read as a question word: "Kery" is Kerry, not "very".
    expect(index.ask('What does Kery want?').corrections).toEqual([{ typed: 'Kery', read: 'Kerry' }]);
    // The first word after a greeting is a question's first word too.
    const greeted = index.ask('Hi! Waht did Lavrov say about terorists?');
    expect(greeted.corrections).toEqual([
      { typed: 'Waht', read: 'What' },
      { typed: 'terorists', read: 'terrorists' },
    ]);
    expect(greeted.results[0]?.text).toContain('terrorists');
    // A possessive's word is read through its slip, its "'s" kept.
    const possessive = index.ask("What is Lavorv's view of the terrorists?");
    expect(possessive.corrections).toEqual([{ typed: 'Lavorv', read: 'Lavrov' }]);
    expect(possessive.results[0]?.text).toContain('Lavrov');
  });

  it('read a slipped word of how a request is put, which neither the coverage nor the lexicon holds', () => {
    const summary = index.ask('Can you sumarize what NDTV wrote?');
    expect(summary.corrections).toEqual([{ typed: 'sumarize', read: 'summarize' }]);
    expect(summary.noAnswer).toBe(false);
    for (const r of summary.results) expect(r.source).toContain('NDTV');
    expect(index.ask('overveiw of the Geneva talks').corrections).toEqual([
      { typed: 'overveiw', read: 'overview' },
    ]);
  });

  it("read a slipped word of an outlet's name as the outlet, even in capitals", () => {
    const caps = index.ask('What did NDVT report about Aleppo?');
    expect(caps.corrections).toEqual([{ typed: 'NDVT', read: 'NDTV' }]);
    expect(caps.understood.map((m) => m.kind)).toEqual(['source']);
    for (const r of caps.results) expect(r.source).toContain('NDTV');
    const post = index.ask('What did the BRICS Psot say?');
    expect(post.corrections).toEqual([{ typed: 'Psot', read: 'Post' }]);
    expect(post.results[0]?.source).toBe('The BRICS Post');
  });

  it('are looked for in a handful of words at most, so that no question can make the answer slow', () => {
    const many = index.ask('Lavorv Kery Agust terorists Sryia Mocsow Alepo Geenva?');
    expect(many.corrections.length).toBe(3);
    expect(many.corrections.at(-1)).toEqual({ typed: 'Geenva', read: 'Geneva' });
  });

  it('never touch a word the coverage uses or a dictionary knows: an off-topic name stays off-topic', () => {
    const iran = index.ask('What did Lavrov say about Iran?');
    expect(iran.corrections).toEqual([]);
    expect(iran.noAnswer).toBe(true);
    // "Frédéric"'s stem is a slip from Federation's, but the word is far from it.
    expect(index.ask('On what date was Frédéric born?').corrections).toEqual([]);
    // A short word two letters from the coverage's is no slip: "issg" is not "issue".
    expect(index.ask('what is the issg').corrections).toEqual([]);
    expect(index.ask('What did Lavrov say about terrorists?').corrections).toEqual([]);
    expect(formatUnderstood(index.ask('What did Lavrov say about terrorists?'))).toBeNull();
  });

  it('leave a word in capitals as typed (an acronym), unless the whole question is in capitals', () => {
    // "ISSG" is not in the coverage; it is never read as "ISSUES".
    const acronym = index.ask('what is the ISSG');
    expect(acronym.corrections).toEqual([]);
    expect(acronym.noAnswer).toBe(true);
    const shouted = index.ask('WHAT DID LAVORV SAY ABOUT TERORISTS?');
    expect(shouted.corrections.map((c) => c.read)).toEqual(['LAVROV', 'TERRORISTS']);
    expect(shouted.noAnswer).toBe(false);
  });
});

describe('typing slips after changes', () => {
  it('are read as words of an article a change added, and no longer once it is removed', async () => {
    const { dir, remove } = await copyOfCorpus();
    try {
      const live = await LiveEngine.open(dir);
      await live.change((tx) => tx.write('truce.md', TRUCE_ARTICLE));
      const typed = live.engine.ask('What happens at sundwon on Eid al-Adha?');
      expect(typed.corrections).toEqual([{ typed: 'sundwon', read: 'sundown' }]);
      expect(typed.results[0]?.docId).toBe('truce');
      await live.change((tx) => tx.remove('truce.md'));
      expect(live.engine.ask('What happens at sundwon on Eid al-Adha?').corrections).toEqual([]);
    } finally {
      await remove();
    }
  });
});
