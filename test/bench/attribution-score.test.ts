import { describe, expect, it } from 'vitest';
import {
  type AttributionLabel,
  type ExtractedAttribution,
  holdsLabel,
  scoreAttributions,
} from '../../bench/lib/attribution-score.ts';

const label = (id: string, statement: string, speaker: string | null, article = 'a'): AttributionLabel => ({
  id,
  article,
  statement,
  speaker,
  kind: 'direct',
});
const found = (text: string, speaker: string | null, article = 'a'): ExtractedAttribution => ({
  article,
  text,
  speaker,
  kind: 'direct',
});

describe('attribution scoring', () => {
  it('matches a label inside a longer statement, across curly and straight quotes and spaces', () => {
    expect(
      holdsLabel(
        found('said “we\u00a0will not rush,” and left', 'X'),
        label('1', '"we will  not rush,"', 'X'),
      ),
    ).toBe(true);
    expect(holdsLabel(found('we will', 'X'), label('1', 'we will not rush at all', 'X'))).toBe(false);
    expect(holdsLabel(found('we will not rush', 'X', 'b'), label('1', 'we will not rush', 'X'))).toBe(false);
  });

  it('counts recall by speaker, keeps a null speaker null, and precision over labelled articles only', () => {
    const labels = [
      label('1', 'alpha beta', 'John Kerry'),
      label('2', 'gamma delta', null),
      label('3', 'eps', 'X'),
    ];
    const extracted = [
      found('“alpha beta”', 'john kerry'),
      found('“gamma delta”', 'Sergei Lavrov'),
      found('unlabelled words', 'Y'),
      found('other article', 'Z', 'elsewhere'),
    ];
    const score = scoreAttributions(labels, extracted);
    expect(score.attributed).toBe(1);
    expect(score.recall).toBeCloseTo(1 / 3, 12);
    expect(score.extracted).toBe(3);
    expect(score.correct).toBe(1);
    expect(score.precision).toBeCloseTo(1 / 3, 12);
    expect(score.misses.map((m) => [m.label.id, m.found])).toEqual([
      ['2', ['Sergei Lavrov']],
      ['3', []],
    ]);
    expect(score.extras.map((e) => e.text)).toEqual(['“gamma delta”', 'unlabelled words']);
  });
});
