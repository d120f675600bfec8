import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/answer/engine.ts';
import { NO_ANSWER_MODEL, noAnswerFeatures } from '../../src/answer/no-answer.ts';
import { corpusFromRecords } from '../../src/corpus/records.ts';

const index = buildIndex(
  corpusFromRecords([
    { id: 'geneva', title: 'Talks', text: 'The foreign ministers met in Geneva to discuss the ceasefire.' },
    { id: 'moscow', title: 'Visit', text: 'The ministers flew to Moscow for one day of meetings.' },
    { id: 'aleppo', title: 'Siege', text: 'Government troops cut the last road into Aleppo in July.' },
  ]),
);

describe('what the no-answer decision reads of a question and its best passage', () => {
  it('counts the topic terms the index holds at all, apart from those it never mentions', () => {
    const off = index.queryMatch('Which album did the band release in Geneva?');
    expect(off).toMatchObject({ knownTerms: 1, questionTerms: 4, matchedTerms: 1 });
    expect(index.queryMatch('Where did the ministers meet?')).toMatchObject({
      knownTerms: 2,
      questionTerms: 2,
    });
  });

  it('weighs the strongest topic term the best passage lacks, and its lead over the next article', () => {
    // "road" is held by the Aleppo passage only: the Geneva passage lacks it.
    const match = index.queryMatch('Did the ministers meet in Geneva about the road?');
    expect(match.largestMissing).toBeGreaterThan(0);
    expect(match.margin).toBeGreaterThan(1);
    expect(index.queryMatch('Geneva ceasefire ministers').largestMissing).toBe(0);
  });

  it('counts the question’s adjacent word pairs the passage holds side by side', () => {
    expect(index.queryMatch('foreign ministers Geneva').pairShare).toBe(0.5);
    expect(index.queryMatch('ministers foreign').pairShare).toBe(0);
  });

  it('reads a model fitted on fewer features as giving the others weight 0', () => {
    const match = index.queryMatch('Where did the ministers meet?');
    expect(noAnswerFeatures(match)).toHaveLength(11);
    expect(NO_ANSWER_MODEL.weights.length).toBeLessThanOrEqual(11);
  });
});
