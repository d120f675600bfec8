import { beforeAll, describe, expect, it } from 'vitest';
import { type AnswerEngine, buildIndex } from '../../src/answer/engine.ts';
import { formatUnderstood } from '../../src/answer/wording.ts';
import { loadCorpus } from '../../src/corpus/load.ts';
import { CORPUS_DIR } from './helpers.ts';

let index: AnswerEngine;
beforeAll(async () => {
  index = buildIndex(await loadCorpus(CORPUS_DIR));
  await index.readStatements();
});

describe('answers to questions about what someone said, on the built-in corpus', () => {
  it("put the speaker's own statements on the subject first, naming them", () => {
    const [first] = index.ask('What did Lavrov say about the ceasefire?').results;
    expect(first?.speaker).toBe('Sergei Lavrov');
    expect(first?.text).toContain('ceasefire');
  });

  it('answer a speaker asked about with nothing else with what they said, oldest first', () => {
    const answer = index.ask('What did the Russian foreign ministry say?');
    expect(answer.noAnswer).toBe(false);
    expect(answer.results.length).toBeGreaterThan(1);
    for (const r of answer.results) expect(r.speaker).toBe('Russian Foreign Ministry');
    const dates = answer.results.map((r) => r.date ?? '');
    expect(dates).toEqual([...dates].sort());
  });

  it('answer a speaker asked about with nothing else newest first when the question says so', () => {
    for (const q of ['What did Lavrov say most recently?', 'What did Lavrov say lately?']) {
      const answer = index.ask(q, { count: 10 });
      for (const r of answer.results) expect(r.speaker, q).toBe('Sergei Lavrov');
      const dates = answer.results.map((r) => r.date ?? '');
      expect(dates.length, q).toBeGreaterThan(1);
      expect(dates, q).toEqual([...dates].sort().reverse());
      expect(dates[0], q).toBe('2016-08-27');
    }
  });

  it('read a government by its capital, and "position" as how the question is put', () => {
    const [first] = index.ask("What is Moscow's stance on terrorist groups?").results;
    expect(first?.speaker).toBe('Russia');
    expect(first?.text).toMatch(/terrorist/i);
  });

  it('answer "Kerry quotes", "quotes from Kerry about …" and "Lavrov\'s remarks" with their statements', () => {
    for (const q of ['Kerry quotes', 'Kerry statements', 'kerry quotes', 'quotes from kerry']) {
      const answer = index.ask(q);
      expect(answer.noAnswer, q).toBe(false);
      for (const r of answer.results) expect(r.speaker, q).toBe('John Kerry');
    }
    const [about] = index.ask('quotes from Kerry about the ceasefire').results;
    expect(about?.speaker).toBe('John Kerry');
    expect(about?.text).toContain('ceasefire');
    expect(index.ask("What were Lavrov's remarks?").results[0]?.speaker).toBe('Sergei Lavrov');
  });

  it('answer "who said “…”" with the passages quoting those words, even words the index leaves out', () => {
    for (const q of ['Who said "once and for all"?', 'Who said “once and for all”?']) {
      const [first] = index.ask(q).results;
      expect(first?.text, q).toContain('“once and for all”');
      expect(first?.speaker, q).toBe('Sergei Lavrov');
    }
    // Inside the filters only, and refused when no article has the words.
    expect(index.ask('Who said "once and for all"?', { filters: { source: 'NDTV' } }).noAnswer).toBe(true);
    expect(index.ask('who said "and so on"').noAnswer).toBe(true);
    // A quotation the index holds words of: the passage quoting it word for word comes first.
    const [first] = index.ask('Who said "for the first time"?').results;
    expect(first?.text).toContain('for the first time');
    expect(first?.speaker).toBe('Sergei Lavrov');
  });

  it('say so when a name asked what they said is quoted nowhere, rather than pass another off as theirs', () => {
    const obama = index.ask('What did Obama say about Syria?');
    // The passage names "the Obama administration"; the quotation in it is Derek Chollet's.
    expect(obama.unquoted).toBe('Obama');
    expect(formatUnderstood(obama)).toBe('The coverage quotes no statement by Obama');
    for (const r of obama.results) expect(r.speaker).not.toBe('Obama');
    expect(index.ask('What did the Pope say?').unquoted).toBe('the Pope');
    expect(index.ask('What did Lavrov say about terrorists?').unquoted).toBeUndefined();
  });

  it('say so when a speaker the coverage quotes is quoted in none of the excerpts on the subject asked', () => {
    const aleppo = index.ask('What has Lavrov said about Aleppo?');
    expect(aleppo.noAnswer).toBe(false);
    for (const r of aleppo.results) expect(r.speaker).not.toBe('Sergei Lavrov');
    expect(aleppo.notQuotedOn).toBe('Sergei Lavrov');
    expect(formatUnderstood(aleppo)).toBe('No statement by Sergei Lavrov on this');
    expect(index.ask('What did Lavrov say about terrorists?').notQuotedOn).toBeUndefined();
  });

  /** The answer to `q` starts with a quoted statement holding `word`. */
  const expectQuotedFirst = (q: string, word: string) => {
    const answer = index.ask(q);
    expect(answer.noAnswer, q).toBe(false);
    expect(answer.results[0]?.speaker, q).not.toBeNull();
    expect(answer.results[0]?.text, q).toContain(word);
  };

  it('read "what X said" without an auxiliary as asking what X said', () => {
    const told = index.ask('Tell me what Lavrov said about terrorists');
    expect(told.results[0]?.speaker).toBe('Sergei Lavrov');
    expect(told.results[0]?.text).toContain('terrorists');
    const geneva = index.ask('pls summarise what kerry said in geneva');
    expect(geneva.noAnswer).toBe(false);
    for (const r of geneva.results) {
      expect(r.speaker).toBe('John Kerry');
      expect(r.event).toBe('geneva-aug-2016');
    }
  });

  it('answer what an outlet said about a speaker with its passages on them, not its leads', () => {
    // The BRICS Post's title names Lavrov, as "Syria" is named by titles asked of by date.
    const answer = index.ask('What did the BRICS Post say about Lavrov?');
    expect(answer.results[0]?.source).toBe('The BRICS Post');
    expect(answer.results[0]?.text).toContain('Lavrov');
    expect(answer.results[0]?.text).not.toMatch(/^US Secretary of State John Kerry took/);
  });

  it('count the name of the speaker asked about as matched by their statement', () => {
    // The subject in other words ("the gap" for "a fundamental difference") leaves little of the
    // question in the statement but the speaker, whose name must weigh as it does unread.
    const chollet = index.ask(
      'How does Derek Chollet describe the gap between Moscow and Washington over Assad?',
    );
    expect(chollet.noAnswer).toBe(false);
    expect(chollet.results[0]?.speaker).toBe('Derek Chollet');
    expect(chollet.results[0]?.text).toContain('fundamental difference');
    const envoy = index.ask(
      "What was de Mistura's take on how the Kerry-Lavrov talks would affect UN efforts?",
    );
    expect(envoy.noAnswer).toBe(false);
    for (const r of envoy.results) expect(r.speaker).toBe('Staffan de Mistura');
    expect(envoy.results.map((r) => r.text).join('\n')).toContain('influence United Nations initiatives');
  });

  it('answer what people of a kind said ("officials", "the diplomats") with who is quoted on it', () => {
    expectQuotedFirst('What did officials say about the ceasefire?', 'ceasefire');
    expectQuotedFirst('What did the diplomats say about terrorists?', 'terrorist');
    // "people" is no kind of person to WordNet, and wink tags it a verb here.
    expectQuotedFirst('what did people say about assad', 'Assad');
    // "are … called" asks a name, not what anyone said.
    expect(index.ask('What are Russian astronauts called?').noAnswer).toBe(true);
  });

  it('answer "quotes about Y" with what anyone is quoted saying on Y', () => {
    expectQuotedFirst('Give me quotes about terrorists', 'terrorist');
    expectQuotedFirst('quotes on Assad', 'Assad');
  });

  it('read "X quotes in <date>" as what X said then', () => {
    const answer = index.ask('Lavrov quotes in August');
    expect(answer.noAnswer).toBe(false);
    for (const r of answer.results) {
      expect(r.speaker).toBe('Sergei Lavrov');
      expect(r.date).toMatch(/^2016-08/);
    }
  });

  it('answer what an outlet said about a name with its passages naming them, quoted or not', () => {
    // Every NDTV passage carries the title naming Lavrov; "say" must not put its quotes first.
    const answer = index.ask('What did NDTV say about Lavrov?');
    expect(answer.results[0]?.source).toContain('NDTV');
    expect(answer.results[0]?.text).toContain('Lavrov');
  });

  it('read the name before a noun of what was said as the speaker ("the Lavrov statement")', () => {
    const answer = index.ask('What did the Lavrov statement say?');
    expect(answer.unquoted).toBeUndefined();
    expect(answer.results.length).toBeGreaterThan(0);
    for (const r of answer.results) expect(r.speaker).toBe('Sergei Lavrov');
  });

  it('read "Quote X on Y" as a request for what X said on Y', () => {
    const [first] = index.ask('Quote Kerry on the ceasefire').results;
    expect(first?.speaker).toBe('John Kerry');
    expect(first?.text).toContain('ceasefire');
  });

  it('read an outlet asked what it said as what it reported, not as a speaker quoted nowhere', () => {
    const answer = index.ask('What did the BRICS Post say about Russia?');
    expect(answer.unquoted).toBeUndefined();
    expect(formatUnderstood(answer)).toBe('Read from your question: outlet the BRICS Post');
    expect(answer.noAnswer).toBe(false);
    for (const r of answer.results) expect(r.source).toBe('The BRICS Post');
  });

  it('answer "who said …" with a quoted statement and its speaker', () => {
    const [first] = index.ask('Who said that Assad is part of the solution?').results;
    expect(first?.text).toContain('part of the solution');
    expect(first?.speaker).toBe('Derek Chollet');
  });

  it('read the verb asked of a speaker the coverage quotes as how the question is put', () => {
    // "want" is in no passage: asked of Russia, it asks for what Russia said.
    const answer = index.ask('what does russia want');
    expect(answer.noAnswer).toBe(false);
    expect(answer.results[0]?.speaker).toBe('Russia');
    // Asked of someone the coverage never quotes, the verb stays a word to find.
    expect(index.ask('What does the Pope want?').noAnswer).toBe(true);
  });

  it('name, of two statements an excerpt shows, the speaker of the one the question matched', () => {
    // The excerpt holds Kerry's words, then a longer statement by Russia.
    const [kerry] = index.ask('Who said the talks were nearing an end?').results;
    expect(kerry?.text).toMatch(/^Kerry said earlier this week the talks were nearing an end.*Russia/);
    expect(kerry?.speaker).toBe('John Kerry');
    const [russia] = index.ask('What did Russia say about strikes on terrorist groups?').results;
    expect(russia?.speaker).toBe('Russia');
    // /compare by speaker sets one excerpt per speaker it names: Kerry once, not twice.
    const speakers = index
      .compare('Who said the talks were nearing an end?', {}, 10, 'speaker')
      .results.map((r) => r.speaker);
    expect(speakers[0]).toBe('John Kerry');
    expect(new Set(speakers).size).toBe(speakers.length);
  });

  it('ask about a speaker the filters never quote by their name, as words', () => {
    // No statement of Lavrov's in the March coverage: passages naming him answer instead.
    const answer = index.ask('What did Lavrov say?', { filters: { event: 'march-2016-call' } });
    expect(answer.noAnswer).toBe(false);
    for (const r of answer.results) expect(r.event).toBe('march-2016-call');
    expect(answer.results[0]?.text).toMatch(/Lavrov/);
  });

  it('name no speaker where an excerpt quotes no one', () => {
    const [first] = index.ask('How many people have been killed in the conflict?').results;
    expect(first?.text).toContain('290,000');
    expect(first?.speaker).toBeNull();
  });

  it('still answer, naming no one, before the statements are read', async () => {
    const fresh = buildIndex(await loadCorpus(CORPUS_DIR));
    const answer = fresh.ask('What did Lavrov say about terrorists?');
    expect(answer.noAnswer).toBe(false);
    for (const r of answer.results) expect(r.speaker).toBeNull();
  });
});
