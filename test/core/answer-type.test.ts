import { describe, expect, it } from 'vitest';
import { AnswerEngine, buildIndex } from '../../src/answer/engine.ts';
import {
  DEFAULT_RERANK_MODEL,
  RERANK_FEATURE_COUNT,
  RERANK_FEATURES,
  RerankModelError,
  rerankWeights,
} from '../../src/answer/rerank.ts';
import { corpusFromRecords } from '../../src/corpus/records.ts';
import { answerType, readAnswerType } from '../../src/question/answer-type.ts';

describe('the kind of answer a question asks for', () => {
  it('reads it from the question word and the noun after it', () => {
    expect(answerType('When did the civil war start?')).toBe('time');
    expect(answerType('In what year did the talks resume?')).toBe('time');
    expect(answerType('Since when has the truce held?')).toBe('time');
    expect(answerType('How many died in Syria?')).toBe('number');
    expect(answerType("What's the death toll in Syria?")).toBe('number');
    expect(answerType('death toll so far?')).toBe('number');
    expect(answerType('What does a toll road cost?')).toBeNull();
    expect(answerType('How long did the siege last?')).toBe('number');
    expect(answerType('What percentage of voters agreed?')).toBe('number');
    expect(answerType('Who is the Secretary General of NATO?')).toBe('person');
    expect(answerType('Whose forces took the town?')).toBe('person');
    expect(answerType('Where did the two diplomats meet in August?')).toBe('place');
    expect(answerType('In which city were the talks held?')).toBe('place');
    expect(answerType('What did Lavrov say about the ceasefire?')).toBe(null);
    expect(answerType('Why did the ceasefire fail?')).toBe(null);
    expect(answerType('How did the talks end?')).toBe(null);
  });
});

describe('the noun that names the kind of answer', () => {
  it('is the word after "what" or "which" that asks for a time or a number, and nothing else', () => {
    const noun = (q: string) => readAnswerType(q).noun;
    expect(noun('What time did the talks start?')).toBe('time');
    expect(noun('In which year was it built?')).toBe('year');
    expect(noun('What percentage of students are women?')).toBe('percentage');
    expect(noun('What city hosted the talks?')).toBeNull();
    expect(noun('When did the talks start?')).toBeNull();
    expect(noun('What did Lavrov say about time?')).toBeNull();
  });
});

describe('the re-ranking model', () => {
  it('loads the committed model, and refuses one fitted for other features, saying what to do', () => {
    expect(rerankWeights(DEFAULT_RERANK_MODEL).length).toBe(RERANK_FEATURE_COUNT);
    const stale = { features: ['coordination'], weights: [1] };
    expect(() => rerankWeights(stale)).toThrow(RerankModelError);
    expect(() => rerankWeights(stale)).toThrow(/re-run npx tsx scripts\/fit-rerank\.ts/);
  });

  it('orders the candidates as its weights say, and gives the fitting script their features', () => {
    const corpus = corpusFromRecords([
      { id: 'scattered', title: 'Stadium', text: 'The stadium bowl was super loud.' },
      {
        id: 'phrase',
        title: 'Stadium',
        text: 'The Super Bowl drew a loud crowd to the new stadium in the city.',
      },
      { id: 'other', title: 'Weather', text: 'Rain fell on the city all week.' },
    ]);
    const only = (name: string, weight: number) => ({
      features: [...RERANK_FEATURES],
      weights: RERANK_FEATURES.map((f) => (f === name ? weight : 0)),
    });
    const built = buildIndex(corpus);
    const question = 'super bowl stadium';
    const withPairs = new AnswerEngine(built.engineParts(), built.index, only('pairs', 2));
    const againstPairs = new AnswerEngine(built.engineParts(), built.index, only('pairs', -2));
    expect(withPairs.rankArticles(question, 10).map((r) => r.docId)).toEqual(['phrase', 'scattered']);
    expect(againstPairs.rankArticles(question, 10).map((r) => r.docId)).toEqual(['scattered', 'phrase']);
    const c = built.rerankCandidates(question);
    const pairs = RERANK_FEATURES.indexOf('pairs');
    expect(c?.articles).toEqual(['scattered', 'phrase']);
    expect(c?.features.length).toBe(2 * RERANK_FEATURE_COUNT);
    // "phrase" holds "super bowl" of the pairs (super bowl), (bowl stadium).
    expect([c?.features[pairs], c?.features[RERANK_FEATURE_COUNT + pairs]]).toEqual([0, 0.5]);
  });
});
