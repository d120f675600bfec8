/**
 * The bot's warm-up at start (src/answer/warm-up.ts): questions made of the coverage's own words
 * and metadata, asked once per process before members ask (warm-up-answers.test.ts: answers stay
 * the same). Nothing here asks a question before the warm-up, as in the bot.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type AnswerEngine, buildIndex } from '../../src/answer/engine.ts';
import { swapped, warmUpQuestions } from '../../src/answer/warm-up.ts';
import { loadCorpus } from '../../src/corpus/load.ts';
import { wordNet } from '../../src/search/wordnet.ts';
import { CORPUS_DIR } from './helpers.ts';

let index: AnswerEngine;

beforeAll(async () => {
  index = buildIndex(await loadCorpus(CORPUS_DIR));
});

/** Words of a warm-up question's shapes, not taken from the coverage. */
const SHAPE_WORDS = new Set(
  'what who when did how many where why which happened in on summarise tell me about say report according to'.split(
    ' ',
  ),
);

describe('the answer path warmed up at start', () => {
  it('asks questions of every shape, made of the coverage’s own words, dates, outlets and events', () => {
    const state = (index as unknown as { state: Parameters<typeof warmUpQuestions>[0] }).state;
    const questions = warmUpQuestions(state, 40);
    expect(questions).toHaveLength(40);
    expect(questions).toContain('What happened in March 2016?');
    expect(questions.some((q) => q.startsWith('Summarise '))).toBe(true);
    expect(questions.some((q) => / according to [A-Z]/.test(q))).toBe(true);
    const text = [
      ...index.corpus.articles.flatMap((a) => [a.text, a.source ?? '', a.title]),
      ...index.corpus.events.map((e) => e.name),
      ...index.corpus.articles.map((a) =>
        a.date === null
          ? ''
          : new Date(a.date).toLocaleDateString('en-GB', {
              day: 'numeric',
              month: 'long',
              year: 'numeric',
              timeZone: 'UTC',
            }),
      ),
    ]
      .join(' ')
      .toLowerCase();
    // A name may carry a typing slip (two letters swapped), as members type.
    let slips = 0;
    for (const q of questions)
      for (const word of q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])
        if (!SHAPE_WORDS.has(word) && !text.includes(word)) {
          slips++;
          expect(text, `"${word}" of "${q}"`).toContain(swapped(word));
        }
    expect(slips).toBeGreaterThan(0);
  });

  it('a member’s first question after start waits for nothing to load or to read', () => {
    index.warmUp();
    // A budget no machine reaches here, so that every question of the warm-up is asked.
    expect(index.warmUpAnswers(60_000).questions).toBe(648);
    const started = performance.now();
    index.ask('Where did Kerry and Lavrov meet in August 2016?', { count: 3 });
    // Without the warm-up: ~220 ms (wink's model, chrono, WordNet's files, compiling the path).
    expect(performance.now() - started).toBeLessThan(50);
    // Words as the coverage writes them were read at start ("meet" above was not: it writes "met").
    const searches = wordNet().searches;
    index.ask('What did they say about humanitarian aid and the ceasefire?', { count: 3 });
    index.ask('Why were the Geneva talks postponed?', { count: 3 });
    expect(wordNet().searches - searches).toBe(0);
  });
});
