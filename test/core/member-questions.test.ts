/**
 * The questions members type, asked of the built-in corpus as `ask` answers them: one of each
 * kind (a date, an outlet, an overview, other words than the text's, a name that must match as a
 * phrase, a question off the coverage's subject).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type AnswerEngine, buildIndex } from '../../src/answer/engine.ts';
import type { Answer } from '../../src/answer/types.ts';
import { loadCorpus } from '../../src/corpus/load.ts';
import { CORPUS_DIR } from './helpers.ts';

let index: AnswerEngine;
beforeAll(async () => {
  index = buildIndex(await loadCorpus(CORPUS_DIR));
});

/** The texts of the top three excerpts, one string. */
const quoted = (a: Answer) =>
  a.results
    .slice(0, 3)
    .map((r) => r.text)
    .join('\n');

describe('questions members type, on the built-in corpus', () => {
  it('a place and a month: quotes the meeting in Geneva', () => {
    const answer = index.ask('Where did Kerry and Lavrov meet in August 2016?');
    expect(answer.noAnswer).toBe(false);
    expect(quoted(answer)).toMatch(/met (?:with his Russian counterpart Sergei Lavrov )?in Geneva/);
    for (const r of answer.results) expect(r.date).toMatch(/^2016-08/);
  });

  it('a month alone: an overview of what the coverage of that month holds', () => {
    const answer = index.ask('What happened in March 2016?');
    expect(answer.noAnswer).toBe(false);
    expect(answer.results.length).toBeGreaterThan(0);
    for (const r of answer.results) expect(r.event).toBe('march-2016-call');
  });

  it('an outlet: quotes that outlet on the subject', () => {
    for (const q of ['What did NDTV report about Aleppo?', 'what did the ndtv piece say about aleppo']) {
      const answer = index.ask(q);
      expect(answer.results[0]?.source).toContain('NDTV');
      expect(answer.results[0]?.text).toContain('Aleppo');
    }
  });

  it('an outlet and a country its articles name only by adjective: quotes that outlet', () => {
    // NDTV writes "Turkish forces" and "Ankara", never "Turkey".
    const answer = index.ask('What did NDTV say about Turkey?');
    expect(answer.noAnswer).toBe(false);
    expect(answer.results[0]?.source).toContain('NDTV');
    expect(answer.results[0]?.text).toContain('Turkish');
    for (const r of answer.results) expect(r.source).toContain('NDTV');
    // Unscoped, the adjective alone stays weaker evidence: an off-topic question is still refused.
    expect(index.ask('Why did the students move to Russia?').noAnswer).toBe(true);
  });

  it('a request put politely: the modal and "everything" are not what it is about', () => {
    const ndtv = index.ask('Can you summarize what NDTV wrote?');
    expect(ndtv.noAnswer).toBe(false);
    for (const r of ndtv.results) expect(r.source).toContain('NDTV');
    const hello = index.ask('Hi! Where did Kerry and Lavrov meet in August?');
    expect(hello.noAnswer).toBe(false);
    expect(quoted(hello)).toContain('Geneva');
    const geneva = index.ask('Tell me everything about the Geneva talks');
    expect(geneva.noAnswer).toBe(false);
    for (const r of geneva.results) expect(r.event).toBe('geneva-aug-2016');
  });

  it('typed as in chat: shorthand is read as its words, and the bot addressed is no subject', () => {
    const chat = index.ask('wat did lavrov say abt terrorists');
    const typed = index.ask('What did Lavrov say about terrorists?');
    expect(chat.noAnswer).toBe(false);
    expect(chat.results.map((r) => r.text)).toEqual(typed.results.map((r) => r.text));
    expect(chat.corrections).toEqual([
      { typed: 'wat', read: 'what' },
      { typed: 'abt', read: 'about' },
    ]);
    const darayya = index.ask('can u tell me what happened in darayya');
    expect(darayya.noAnswer).toBe(false);
    expect(quoted(darayya)).toContain('Darayya');
    // "the us" in lower case is the country: the passages on the US and Russia, not "gave us".
    const us = index.ask('what r the us and russia coordinating');
    expect(us.noAnswer).toBe(false);
    expect(us.results[0]?.text).toMatch(/\bUS\b|USA/);
    for (const q of ['yo bot what happened in geneva', 'bot, what did lavrov say about terrorists']) {
      const addressed = index.ask(q);
      expect(addressed.noAnswer).toBe(false);
      expect(quoted(addressed)).toMatch(/Geneva|terrorist/);
    }
  });

  it('emphasis ("actually", "really") and a closing "or not" are no word a passage must hold', () => {
    const plain = index.ask('Is there a ceasefire?');
    const hedged = index.ask('is there actually a ceasefire or not');
    expect(hedged.noAnswer).toBe(false);
    expect(hedged.results.map((r) => r.text)).toEqual(plain.results.map((r) => r.text));
    expect(index.ask('what does russia really want from the talks').noAnswer).toBe(false);
    const whole = index.ask('how did the whole war start');
    expect(whole.results.map((r) => r.text)).toEqual(
      index.ask('how did the war start').results.map((r) => r.text),
    );
    expect(quoted(whole)).toContain('erupted in 2011');
  });

  it('a number asked of a name the coverage holds, but no number of it, is refused', () => {
    expect(index.ask('How old is John Kerry?').noAnswer).toBe(true);
    expect(index.ask('how many russian soldiers are based in syria').noAnswer).toBe(true);
    const toll = index.ask('How many people has the war killed?');
    expect(toll.noAnswer).toBe(false);
    expect(toll.results[0]?.text).toContain('290,000');
  });

  it('"why does X matter": the passages on X, "matter" no word a passage must hold', () => {
    const answer = index.ask('why do the geneva talks matter');
    expect(answer.noAnswer).toBe(false);
    expect(quoted(answer)).toContain('Geneva');
  });

  it('"guy" asks for a person, as "who" does: no word a passage must hold', () => {
    const envoy = index.ask('whos the un guy for the syria talks');
    expect(envoy.noAnswer).toBe(false);
    expect(quoted(envoy)).toContain('Staffan de Mistura');
  });

  it('"going to" before a verb is the future, no word a passage must hold; shorthand is read', () => {
    const raids = index.ask('Is Moscow going to stop the raids?');
    expect(raids.noAnswer).toBe(false);
    expect(raids.results[0]?.text).toContain('raids');
    expect(index.ask('are they going to resume the talks').results[0]?.text).toContain('resume');
    const intel = index.ask('are the us and russia going to share intel');
    expect(intel.noAnswer).toBe(false);
    expect(quoted(intel)).toContain('intelligence sharing');
  });

  it('an overview asked as in chat: "tl;dr", "catch me up on", "what went down in"', () => {
    const leads = index.ask('what happened in geneva').results.map((r) => r.text);
    for (const q of ['tl;dr of the geneva talks', 'what went down in geneva']) {
      const answer = index.ask(q);
      expect(answer.noAnswer).toBe(false);
      expect(answer.results.map((r) => r.text)).toEqual(leads);
    }
    expect(index.ask('TLDR geneva talks').corrections).toEqual([{ typed: 'TLDR', read: 'summary' }]);
    for (const q of ['catch me up on the syria talks', 'fill me in on the talks in geneva']) {
      const answer = index.ask(q);
      expect(answer.noAnswer).toBe(false);
      expect(quoted(answer)).toContain('Geneva');
    }
  });

  it('"stuff from" a day: that day’s coverage; "the oldest coverage": the first article’s lead', () => {
    const day = index.ask('stuff from march 7');
    expect(day.noAnswer).toBe(false);
    for (const r of day.results) expect(r.date).toBe('2016-03-07');
    const oldest = index.ask('oldest coverage?');
    expect(oldest.noAnswer).toBe(false);
    expect(oldest.results[0]?.event).toBe('march-2016-call');
    expect(index.ask('show me the newest news').results[0]?.event).toBe('geneva-aug-2016');
  });

  it('what was published on a day: that day’s coverage, the verb no word a passage must hold', () => {
    for (const q of [
      'What was published about Syria on 27 August 2016?',
      'what came out about syria on 7 march 2016',
    ]) {
      const day = index.ask(q);
      expect(day.noAnswer).toBe(false);
      expect(day.understood.map((m) => m.kind)).toEqual(['date']);
      const date = q.includes('August') ? '2016-08-27' : '2016-03-07';
      for (const r of day.results) expect(r.date).toBe(date);
    }
    expect(index.ask('Give me a rundown of the late August 2016 talks').noAnswer).toBe(false);
  });

  it('how long something has been going on: neither "long" nor "going on" is its subject', () => {
    // "long" matched "a long-demanded 48-hour pause", "going" Kerry's "not going to rush".
    const war = index.ask('How many years has the fighting in Syria been going on?');
    expect(quoted(war)).toContain('five-year civil war');
    const long = index.ask('How long has the Syrian war been going on?');
    expect(quoted(long)).not.toMatch(/long-demanded|going to rush/);
  });

  it('"what kind of": the noun asks for a kind, and is no word a passage must hold', () => {
    const fighters = index.ask('what kind of fighters were holed up in darayya');
    expect(fighters.noAnswer).toBe(false);
    expect(quoted(fighters)).toContain('Islamist militia');
  });

  it('a day and the subject its articles are titled on: the lead of that day’s article', () => {
    // "Syria" is in the title of the one article of 27 August: every passage holds it.
    const day = index.ask('What was published about Syria on 27 August 2016?');
    expect(day.results[0]?.text).toMatch(/^US Secretary of State John Kerry took a more cautionary position/);
  });

  it('names and a month without a question: the event of that month', () => {
    const answer = index.ask('Kerry Lavrov August 2016');
    expect(answer.noAnswer).toBe(false);
    for (const r of answer.results) expect(r.event).toBe('geneva-aug-2016');
  });

  it('the outcome of an event as one outlet reported it: that outlet’s account of the event', () => {
    const answer = index.ask('What was the outcome of the Geneva meeting according to The BRICS Post?');
    expect(answer.noAnswer).toBe(false);
    // One article: its lead and what it says next, not its first lines alone.
    expect(answer.results.length).toBeGreaterThanOrEqual(2);
    for (const r of answer.results) {
      expect(r.source).toBe('The BRICS Post');
      expect(r.event).toBe('geneva-aug-2016');
    }
  });

  it('other words: an uprising that the text calls a revolt', () => {
    const answer = index.ask('When did the uprising against Assad begin?');
    expect(answer.results[0]?.text).toContain('erupted in 2011');
  });

  it('a when-question: keeps the passage with the date among the excerpts, though re-ranked below two others', () => {
    // The re-ranker puts two BRICS Post passages holding "civil war" far above it; its BM25F
    // score is close enough to theirs to stay an answer.
    const answer = index.ask('When did the civil war start?');
    expect(quoted(answer)).toContain('erupted in 2011');
  });

  it('other words: the dead, where the text says how many the war killed', () => {
    const answer = index.ask('How many died in Syria?');
    expect(answer.noAnswer).toBe(false);
    expect(quoted(answer)).toContain('has killed more than 290,000 people');
  });

  it('the death toll: "toll" asks for the number, which the text gives as how many were killed', () => {
    const answer = index.ask("what's the death toll in syria");
    expect(answer.noAnswer).toBe(false);
    expect(answer.results[0]?.text).toContain('290,000');
  });

  it('other words: deaths, where the text says how many the war killed', () => {
    const answer = index.ask('How many deaths has the conflict caused?');
    expect(answer.noAnswer).toBe(false);
    expect(quoted(answer)).toContain('has killed more than 290,000 people');
  });

  it('a country and its adjective: the president of Russia is the Russian President', () => {
    const answer = index.ask('Who is the president of Russia?');
    expect(quoted(answer)).toContain('Russian President Vladimir Putin');
  });

  it('a role asked of a name: answered only by a passage naming the role', () => {
    // Each name is in the coverage, and the passages on it hold most of the question; none
    // names the role, so none says who holds it.
    for (const q of [
      'Who is the Secretary General of NATO?',
      'Who is the president of Turkey?',
      'who is the US ambassador to the UN',
      'Who is the prime minister of Turkey?',
    ])
      expect(index.ask(q).noAnswer, q).toBe(true);
    const envoy = index.ask('Who is the UN special envoy for Syria?');
    expect(envoy.noAnswer).toBe(false);
    expect(envoy.results[0]?.text).toContain('Staffan de Mistura');
  });

  it('a word written whole that the text hyphenates: relaunch, where it says re-launch', () => {
    const answer = index.ask('Why was the relaunch of the talks postponed?');
    expect(answer.noAnswer).toBe(false);
    expect(quoted(answer)).toContain('postponed to March 9 due to technical reasons');
  });

  it('a subject the coverage never mentions: refuses, though one word of it is in the text', () => {
    expect(index.ask('Who finally won the election?').noAnswer).toBe(true);
  });
});
