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

  it('refuses a question asking for a number when its best passage holds none and lacks some of it', () => {
    // The passages name the ministers, but no number: not how many there were, nor their age.
    expect(index.queryMatch('How many foreign ministers met in Geneva?')).toMatchObject({
      missingNumber: true,
    });
    expect(index.ask('How old are the foreign ministers who met in Geneva?').noAnswer).toBe(true);
    // A passage holding a number may answer it; a question asking for none is not concerned.
    expect(index.ask('How many days of meetings did the ministers have in Moscow?').noAnswer).toBe(false);
    expect(index.queryMatch('Where did the foreign ministers meet?').missingNumber).toBe(false);
  });

  it('reads a model fitted on fewer features as giving the others weight 0', () => {
    const match = index.queryMatch('Where did the ministers meet?');
    expect(noAnswerFeatures(match)).toHaveLength(11);
    expect(NO_ANSWER_MODEL.weights.length).toBeLessThanOrEqual(11);
  });
});
