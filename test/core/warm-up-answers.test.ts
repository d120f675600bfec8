/**
 * The bot's warm-up at start changes no answer: the same questions asked before it and after it
 * (in a process of their own, so that "before" is a cold process, as the bot's start is).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type AnswerEngine, buildIndex } from '../../src/answer/engine.ts';
import { loadCorpus } from '../../src/corpus/load.ts';
import { CORPUS_DIR } from './helpers.ts';

let index: AnswerEngine;

beforeAll(async () => {
  index = buildIndex(await loadCorpus(CORPUS_DIR));
});

describe('the answer path warmed up at start', () => {
  it('leaves every answer and ranking as it was, and warms up once per process', () => {
    const asked = [
      'Where did Kerry and Lavrov meet in August 2016?',
      'What did NDTV report about Aleppo?',
      'How many died in Syria?',
      'Who is the Secretary General of NATO?',
      'What happened in March 2016?',
    ];
    const before = asked.map((q) => index.ask(q, { count: 3 }));
    const ranked = asked.map((q) => index.rankArticles(q, 10));
    index.warmUp();
    const warmed = index.warmUpAnswers();
    expect(warmed.questions).toBeGreaterThan(100);
    expect(asked.map((q) => index.ask(q, { count: 3 }))).toEqual(before);
    expect(asked.map((q) => index.rankArticles(q, 10))).toEqual(ranked);
    expect(index.warmUpAnswers().questions).toBe(0);
  });
});
