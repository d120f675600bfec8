import { beforeAll, describe, expect, it } from 'vitest';
import { type AnswerEngine, buildIndex } from '../../src/answer/engine.ts';
import { formatUnderstood } from '../../src/answer/wording.ts';
import { loadCorpus } from '../../src/corpus/load.ts';
import { analyseQuestion, questionContext } from '../../src/question/analyse.ts';
import { CORPUS_DIR } from './helpers.ts';

describe('question analysis', () => {
  const context = questionContext(
    [
      { source: 'NDTV (AFP copy)', date: '2016-08-26' },
      { source: 'The BRICS Post', date: '2016-08-27' },
      { source: 'Syria Times', date: '2016-03-04' },
    ],
    [
      {
        id: 'march-2016-call',
        name: 'Kerry–Lavrov call, March 2016',
        description: 'Kerry and Lavrov agree by phone on 4 March 2016 to relaunch the Geneva talks.',
      },
      {
        id: 'geneva-aug-2016',
        name: 'Kerry–Lavrov talks in Geneva, August 2016',
        description: 'Kerry and Lavrov meet in Geneva on 26 August 2016.',
      },
    ],
    (word) => ['syria', 'talks', 'geneva'].includes(word.toLowerCase()),
  );
  const read = (q: string) => analyseQuestion(q, context);

  it('reads dates as ranges of days, a month without its year in the one year the coverage has it', () => {
    expect(read('What was said on 26 August 2016?').mentions).toMatchObject([
      { kind: 'date', text: '26 August 2016', filter: { since: '2016-08-26', until: '2016-08-26' } },
    ]);
    expect(read('Who met in August?').mentions).toMatchObject([
      { kind: 'date', filter: { since: '2016-08-01', until: '2016-08-31' } },
    ]);
    expect(read('What happened in 2011?').mentions).toMatchObject([
      { kind: 'date', filter: { since: '2011-01-01', until: '2011-12-31' } },
    ]);
    // A day in numbers is read in the order the coverage has articles on: 4 March, not 3 April.
    expect(read('What was reported on 4/3/2016?').mentions).toMatchObject([
      { kind: 'date', filter: { since: '2016-03-04', until: '2016-03-04' } },
    ]);
    expect(read('What was reported on 8/26/2016?').mentions).toMatchObject([
      { kind: 'date', filter: { since: '2016-08-26', until: '2016-08-26' } },
    ]);
    // One date however chrono and wink split it, without its preposition.
    expect(read('What happened on the 26th of August?').mentions).toMatchObject([
      { kind: 'date', text: '26th of August', filter: { since: '2016-08-26', until: '2016-08-26' } },
    ]);
    expect(read('What did NDTV report on Friday 26 August?').mentions).toMatchObject([
      { kind: 'date', text: 'Friday 26 August', filter: { since: '2016-08-26', until: '2016-08-26' } },
      { kind: 'source' },
    ]);
    // Seasons (winter 2016 ends in February 2016) and parts of a month.
    const range = (q: string) => read(q).mentions.find((m) => m.kind === 'date')?.filter;
    expect(range('What happened in summer 2016?')).toEqual({ since: '2016-06-01', until: '2016-08-31' });
    expect(range('What happened in the summer?')).toEqual({ since: '2016-06-01', until: '2016-08-31' });
    expect(range('What happened in winter 2016?')).toEqual({ since: '2015-12-01', until: '2016-02-29' });
    expect(range('What happened in the first week of March 2016?')).toEqual({
      since: '2016-03-01',
      until: '2016-03-07',
    });
    expect(range('What happened in the last week of August?')).toEqual({
      since: '2016-08-25',
      until: '2016-08-31',
    });
    expect(range('What happened in late August 2016?')).toEqual({ since: '2016-08-21', until: '2016-08-31' });
    expect(range('What happened in mid-March 2016?')).toEqual({ since: '2016-03-11', until: '2016-03-20' });
    // A range by its ends, however written; the first end takes the last one's year.
    const ranges: Array<[string, string, string]> = [
      ['What was reported from 25 to 27 August 2016?', '2016-08-25', '2016-08-27'],
      ['What was reported 25-27 August 2016?', '2016-08-25', '2016-08-27'],
      ['What was reported between 25 and 27 August 2016?', '2016-08-25', '2016-08-27'],
      ['What was reported between August 25 and August 27, 2016?', '2016-08-25', '2016-08-27'],
      ['What was reported from March 1 to March 10, 2016?', '2016-03-01', '2016-03-10'],
      ['What happened between March 4 and 7?', '2016-03-04', '2016-03-07'],
      ['What happened between March and August 2016?', '2016-03-01', '2016-08-31'],
    ];
    for (const [q, since, until] of ranges) expect(range(q), q).toEqual({ since, until });
    expect(read('Between 3 and 5 people died in March').mentions).toMatchObject([
      { kind: 'date', text: 'March', filter: { since: '2016-03-01', until: '2016-03-31' } },
    ]);
    // A month the coverage never has carries no year to read; relative dates are not read.
    expect(read('Who met in December?').mentions).toEqual([]);
    expect(read('Who did Kerry meet last month?').mentions).toEqual([]);
    expect(read('What may happen next?').mentions).toEqual([]);
  });

  it('reads outlets by a distinctive part of their name, and a word the text uses only with a cue', () => {
    expect(read('What did NDTV report about Aleppo?').mentions).toMatchObject([
      { kind: 'source', text: 'NDTV', filter: { source: 'ndtv' } },
    ]);
    expect(read('Aleppo according to the BRICS Post').mentions).toMatchObject([
      { kind: 'source', filter: { source: 'brics post' } },
    ]);
    // "Syria" is what most questions are about: it names the outlet only when said to be one.
    expect(read('What happened in Syria?').mentions).toEqual([]);
    expect(read('What did Syria Times report?').mentions).toMatchObject([
      { kind: 'source', filter: { source: 'syria times' } },
    ]);
    // A common word of an outlet's name is not the outlet.
    expect(read('Where was the post office?').mentions).toEqual([]);
  });

  it('reads an event by its id, and the date inside the id as part of it', () => {
    expect(read('geneva-aug-2016').mentions).toMatchObject([
      { kind: 'event', text: 'geneva-aug-2016', filter: { event: 'geneva-aug-2016' } },
    ]);
    expect(
      read('What was said in geneva-aug-2016 on 27 August?')
        .mentions.map((m) => m.kind)
        .sort(),
    ).toEqual(['date', 'event']);
  });

  it('reads an event named by a description of its name and summary ("the March phone call")', () => {
    expect(read('What did the March phone call achieve?').mentions).toMatchObject([
      { kind: 'date', text: 'March' },
      { kind: 'event', text: 'March phone call', filter: { event: 'march-2016-call' } },
    ]);
    expect(read('What came out of the Geneva meeting?').mentions).toMatchObject([
      { kind: 'event', text: 'Geneva meeting', filter: { event: 'geneva-aug-2016' } },
    ]);
    // Names joined by a hyphen are words of the description.
    expect(read('What came out of the Kerry-Lavrov call?').mentions).toMatchObject([
      { kind: 'event', text: 'Kerry-Lavrov call', filter: { event: 'march-2016-call' } },
    ]);
    // Words both events share name neither; a word of neither names none; one word is not a description.
    expect(read('What did the Kerry Lavrov talks achieve?').mentions).toEqual([]);
    expect(read('What did the Kerry-Lavrov talks achieve?').mentions).toEqual([]);
    expect(read('What did the Geneva convention say?').mentions).toEqual([]);
    expect(read('What is the population of Geneva?').mentions).toEqual([]);
  });

  it('marks verbs of saying and happening as framing, not the "report" a question is about', () => {
    const framing = (q: string) => read(q).framing.map((f) => q.slice(f.start, f.end));
    expect(framing('What did Lavrov say about terrorists?')).toEqual(['say']);
    expect(framing('What did NDTV report about Aleppo?')).toEqual(['report']);
    expect(framing('What did the UN report find?')).toEqual([]);
    expect(framing('Give me a summary of the Geneva talks')).toEqual(['Give', 'summary']);
    expect(framing('Any update on the talks?')).toEqual(['update']);
    expect(framing('Kerry vs. Lavrov on terrorists')).toEqual(['vs.']);
    expect(read('timeline of the March call').overview).toBe(true);
    expect(read('What is the most recent news?').newest).toBe(true);
    expect(read('What did the most senior diplomat say?').newest).toBe(false);
    // The coverage itself is no subject: "the media" say what the coverage says.
    expect(framing('What did the media say about Aleppo?')).toEqual(['media', 'say']);
    expect(framing('What did outlets report on 27 August?')).toEqual(['outlets', 'report']);
    expect(framing('What did the papers say about Aleppo?')).toEqual(['papers', 'say']);
    expect(framing('What did the NDTV piece say about Aleppo?')).toEqual(['piece', 'say']);
    expect(framing('Which piece of land did they seize?')).toEqual([]);
    expect(framing('What went down in Geneva?')).toEqual(['went']);
    expect(framing('Why does the ceasefire matter?')).toEqual(['matter']);
    expect(framing('What is the matter with the talks?')).toEqual([]);
    // A modal and an indefinite pronoun say how a request is put: no topic words either.
    const fillers = (q: string) => read(q).fillers.map((f) => q.slice(f.start, f.end));
    expect(fillers('Can you summarize what NDTV wrote?')).toEqual(['Can']);
    expect(fillers('Tell me everything about the Geneva talks')).toEqual(['everything']);
    expect(fillers('Hi! Thanks, what did Lavrov say?')).toEqual(['Hi', 'Thanks', 'did']);
    expect(fillers('stuff from March 7')).toEqual(['stuff']);
    // "The oldest article" asks for the coverage in its own order; "the oldest city" asks a fact.
    expect(framing('What is the oldest article?')).toEqual(['oldest', 'article']);
    expect(read('What is the oldest article?').overview).toBe(true);
    expect(framing('What is the oldest city in Syria?')).toEqual([]);
    // "What is going on…" asks what is happening; "right now" and a closing "now", the newest.
    expect(framing('What is going on in Aleppo right now?')).toEqual(['going', 'right', 'now']);
    expect(read('What is going on in Aleppo right now?').newest).toBe(true);
    expect(read('What is happening in Aleppo now?').newest).toBe(true);
    expect(read('What is now called Syria?').newest).toBe(false);
    expect(read('Summarise the Geneva talks').overview).toBe(true);
    expect(read('Where did they meet?').overview).toBe(false);
  });

  it('reads the words a question quotes, in straight or curly quotes', () => {
    const quoted = (q: string) => read(q).quoted.map((v) => q.slice(v.start, v.end));
    expect(quoted('Who said "once and for all"?')).toEqual(['once and for all']);
    expect(quoted('Who said “once and for all”?')).toEqual(['once and for all']);
    expect(quoted('What did Lavrov say about terrorists?')).toEqual([]);
  });

  it('reads the verb asking where or when an event was, and only in such a question', () => {
    const verbs = (q: string) => read(q).eventVerbs.map((v) => q.slice(v.start, v.end));
    expect(verbs('Where were the talks held?')).toEqual(['held']);
    expect(verbs('Where are the talks being held?')).toEqual(['held']);
    expect(verbs('When did the Geneva meeting take place?')).toEqual(['take', 'place']);
    expect(verbs('Who held the talks?')).toEqual([]);
    expect(verbs('Where do the rebels hold ground?')).toEqual([]);
  });

  it('reads a question asking which outlets covered something, framed by its outlet noun or verb', () => {
    const outlets = (q: string) => read(q).asksOutlets;
    expect(outlets('Which outlets covered the Geneva talks?')).toBe(true);
    expect(outlets('What papers wrote about Aleppo?')).toBe(true);
    expect(outlets('How many sources covered the March call?')).toBe(true);
    expect(outlets('Who reported on Aleppo?')).toBe(true);
    expect(read('Which newspapers reported on Aleppo?').framing.length).toBe(2);
    expect(outlets('What did NDTV report about Aleppo?')).toBe(false);
    expect(outlets('Who said Assad is part of the solution?')).toBe(false);
    expect(outlets('What source of funding did the rebels have?')).toBe(false);
    expect(outlets('What was the source of the funding?')).toBe(false);
  });
});

describe('questions naming dates, outlets and events, on the built-in corpus', () => {
  let index: AnswerEngine;
  beforeAll(async () => {
    index = buildIndex(await loadCorpus(CORPUS_DIR));
  });

  it('answers "what happened" on a date with the leads of that date\'s articles, oldest first', () => {
    const answer = index.ask('What happened in March 2016?');
    expect(answer.noAnswer).toBe(false);
    expect(answer.understood.map((m) => m.text)).toEqual(['March 2016']);
    expect(answer.results.length).toBeGreaterThan(0);
    for (const r of answer.results) expect(r.event).toBe('march-2016-call');
    // Each article's lead, oldest first, before any article's next passage.
    const articles = [...new Set(answer.results.map((r) => r.title))];
    expect(articles.length).toBeGreaterThan(1);
    const leads = answer.results.slice(0, articles.length);
    expect(new Set(leads.map((r) => r.title)).size).toBe(articles.length);
    const dates = leads.map((r) => r.date);
    expect(dates).toEqual([...dates].sort());
    // "Outlets", "the media": the coverage itself, asked for what it says that day.
    const range = index.ask('What was reported between 25 and 27 August 2016?');
    expect(range.noAnswer).toBe(false);
    expect(new Set(range.results.map((r) => r.date))).toEqual(new Set(['2016-08-26', '2016-08-27']));
    for (const q of ['What did outlets say on August 27?', 'What did the papers say on 27 August?']) {
      const outlets = index.ask(q);
      expect(outlets.noAnswer, q).toBe(false);
      for (const r of outlets.results) expect(r.date).toBe('2016-08-27');
    }
    expect(index.ask('What did the media say about Aleppo?').results[0]?.text).toContain('Aleppo');
    // An outlet's possessive goes with it: no stray "s" to look for.
    for (const q of [
      "What was the BRICS Post's take on Lavrov?",
      "What did NDTV's article say about Aleppo?",
    ]) {
      const answer = index.ask(q);
      expect(answer.noAnswer, q).toBe(false);
      expect(answer.understood.map((m) => m.kind)).toEqual(['source']);
    }
    // "The latest": the newest articles' leads first; "New" of a name is no such word.
    for (const q of ['latest news', "What's new?"]) {
      const answer = index.ask(q);
      expect(answer.noAnswer, q).toBe(false);
      expect(answer.results[0]?.date, q).toBe('2016-08-27');
    }
    expect(index.ask('What is the New York Times saying?').noAnswer).toBe(true);
    // Nothing outside the day a question names.
    for (const r of index.ask('Tell me what was reported on 27 August 2016').results)
      expect(r.date).toBe('2016-08-27');
  });

  it('answers a date written with its weekday, a part of a month or a season, which it refused before', () => {
    const friday = index.ask('What did NDTV report on Friday 26 August?');
    expect(friday.noAnswer).toBe(false);
    for (const r of friday.results) expect([r.source, r.date]).toEqual(['NDTV (AFP copy)', '2016-08-26']);
    const week = index.ask('What happened in the first week of March 2016?');
    expect(week.noAnswer).toBe(false);
    for (const r of week.results) expect(r.date?.startsWith('2016-03-0')).toBe(true);
    const summer = index.ask('What happened in summer 2016?');
    expect(summer.noAnswer).toBe(false);
    for (const r of summer.results) expect(r.date?.startsWith('2016-08')).toBe(true);
  });

  it("asks a question naming an outlet of that outlet's articles", () => {
    const answer = index.ask('What did the BRICS Post write about Darayya?');
    expect(answer.noAnswer).toBe(false);
    expect(answer.results[0]?.source).toBe('The BRICS Post');
    expect(answer.results[0]?.text).toContain('Darayya');
    for (const r of answer.results) expect(r.source).toBe('The BRICS Post');
  });

  it('answers where talks were held from the passages naming them, not "rebel-held" ones', () => {
    for (const q of ['Where were the talks held?', 'Where are the talks being held?']) {
      const [first] = index.ask(q).results;
      expect(first?.text, q).toContain('in Geneva');
      expect(first?.text, q).not.toContain('-held');
    }
  });

  it('shows, for "why", the sentence giving a reason among those matching the question alike', () => {
    const [first] = index.ask('Why was the relaunch of the talks delayed?').results;
    expect(first?.text).toContain('postponed to March 9 due to technical reasons');
    // Not a why-question: the first of the two sentences, as before.
    const [when] = index.ask('When was the relaunch of the talks?').results;
    expect(when?.text).not.toContain('due to technical reasons');
  });

  it('answers which outlets covered a subject with the best excerpt of each, on the subject', () => {
    const answer = index.ask('Which newspapers reported on Aleppo?', { count: 10 });
    expect(answer.noAnswer).toBe(false);
    const sources = answer.results.map((r) => r.source ?? r.docId);
    expect(new Set(sources).size).toBe(sources.length);
    expect(sources).toContain('NDTV (AFP copy)');
    // "reported" matches "reporters" in The BRICS Post, which never names Aleppo.
    for (const r of answer.results) expect(r.text).toContain('Aleppo');
    const geneva = index.ask('Which outlets covered the Geneva talks?', { count: 10 }).results;
    expect(geneva.map((r) => r.source)).toEqual(
      expect.arrayContaining(['NDTV (AFP copy)', 'The BRICS Post']),
    );
    expect(new Set(geneva.map((r) => r.source ?? r.docId)).size).toBe(geneva.length);
  });

  it('summarises an event named by its name, every excerpt from it', () => {
    const answer = index.ask('Give me a summary of the Geneva talks');
    expect(answer.noAnswer).toBe(false);
    for (const r of answer.results) expect(r.event).toBe('geneva-aug-2016');
  });

  it('answers from an event a question names by a description, with an overview when it asks nothing else', () => {
    for (const [q, event] of [
      ['What did the March phone call achieve?', 'march-2016-call'],
      ['What did the Geneva meeting accomplish?', 'geneva-aug-2016'],
    ] as const) {
      const answer = index.ask(q);
      expect(answer.noAnswer, q).toBe(false);
      expect(answer.results.length, q).toBeGreaterThan(0);
      for (const r of answer.results) expect(r.event, q).toBe(event);
    }
    // A subject the event's coverage lacks is still refused.
    expect(index.ask('What did the March phone call say about Brexit?').noAnswer).toBe(true);
  });

  it('keeps explicit filters over what the question names, and never leaks past them', () => {
    const answer = index.ask('What did NDTV report in March 2016?', {
      filters: { event: 'geneva-aug-2016' },
    });
    for (const r of answer.results) expect(r.event).toBe('geneva-aug-2016');
  });

  it('reads a date the coverage has no article on as words, not as a filter', () => {
    const answer = index.ask('When did the war erupt in 2011?');
    expect(answer.understood).toEqual([]);
    expect(answer.noAnswer).toBe(false);
    expect(answer.results.some((r) => r.text.includes('2011'))).toBe(true);
    expect(formatUnderstood(answer)).toBe('No article dated 2011: asked of all the coverage');
  });

  it('says when what a question names matches no article together, rather than refusing silently', () => {
    const answer = index.ask('What did the BRICS Post report in March?');
    expect(answer.noAnswer).toBe(true);
    expect(answer.understood).toEqual([]);
    expect(answer.unmatched?.map((m) => m.kind).sort()).toEqual(['date', 'source']);
    expect(formatUnderstood(answer)).toBe(
      'No article from the BRICS Post dated March: asked of all the coverage',
    );
    // Each alone matches: they are applied.
    expect(index.ask('What did the BRICS Post report?').unmatched).toBeUndefined();
  });

  it("still refuses questions off the coverage's subject", () => {
    for (const q of [
      'What is the capital of Australia?',
      'Who composed the Moonlight Sonata?',
      'How do I bake sourdough bread?',
    ])
      expect(index.ask(q).noAnswer, q).toBe(true);
  });
});

describe('questions about what someone said', () => {
  const context = questionContext([], [], () => false);
  const read = (q: string) => analyseQuestion(q, context);
  it('read whom they ask about, as typed, and whether they ask who said something', () => {
    expect(read('What did the Russian foreign ministry say?').speaker?.text).toBe('Russian foreign ministry');
    expect(read('What does Sergei Lavrov think about the ceasefire?').speaker?.text).toBe('Sergei Lavrov');
    expect(read("What is Moscow's position on Assad?").speaker?.text).toBe('Moscow');
    expect(read('How did de Mistura describe the meeting?').speaker?.text).toBe('de Mistura');
    expect(read('Who said Assad is part of the solution?')).toMatchObject({ speaker: null, asksWho: true });
    // An outlet's report and a report as a subject are not someone's words.
    expect(read('What did NDTV report about Aleppo?').speaker).toBeNull();
    expect(read('What did the UN report find?').speaker).toBeNull();
  });

  it('read a speaker named beside the noun of what was said, without a possessive', () => {
    expect(read('Kerry quotes').speaker?.text).toBe('Kerry');
    expect(read('quotes from Kerry about the ceasefire').speaker?.text).toBe('Kerry');
    expect(read('statements by the Russian Foreign Ministry on Aleppo').speaker?.text).toBe(
      'Russian Foreign Ministry',
    );
    expect(read('Lavrov remarks on Aleppo').speaker?.text).toBe('Lavrov');
    // Typed all in lower case, a name is tagged a noun.
    expect(read('lavrov quotes').speaker?.text).toBe('lavrov');
    expect(read('quotes from kerry about the ceasefire').speaker?.text).toBe('kerry');
    expect(read("What were Lavrov's remarks?").speaker?.text).toBe('Lavrov');
    // A verb, a name's other noun, or a noun followed by its own object is not a speaker's words.
    expect(read('How did Luther view Islam?').speaker).toBeNull();
    expect(read('When did the Siege of Antioch take place?').speaker).toBeNull();
    expect(read('What president eliminated the Christian position in the curriculum?').speaker).toBeNull();
  });
});
