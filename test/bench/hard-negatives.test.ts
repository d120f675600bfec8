import { describe, expect, it } from 'vitest';
import { hardNegatives } from '../../bench/lib/hard-negatives.ts';

const kept = [
  { id: 'Nile#0', title: 'Nile', text: 'The Nile flows north through “Egypt” into the sea.' },
  { id: 'Nile#2', title: 'Nile', text: 'Its delta is one of the largest in the world.' },
];
const question = (paragraph: string, answers: string[]) => ({ question: 'q', answers, paragraph });

describe('hard negatives: a question asked of its article without its own paragraph', () => {
  it('keeps a question of a paragraph left out whose answers the text left never holds', () => {
    const q = question('Nile#1', ['6,650 km']);
    expect(hardNegatives(kept, [q])).toEqual([q]);
  });

  it('drops one whose answer is in a paragraph kept, whatever its case and quote marks', () => {
    expect(hardNegatives(kept, [question('Nile#1', ['EGYPT'])])).toEqual([]);
    expect(hardNegatives(kept, [question('Nile#1', ['6,650 km', 'the "largest"'])])).toEqual([]);
  });

  it('drops a question of a paragraph kept, and one without a usable answer', () => {
    expect(hardNegatives(kept, [question('Nile#0', ['6,650 km'])])).toEqual([]);
    expect(hardNegatives(kept, [question('Nile#1', [])])).toEqual([]);
    expect(hardNegatives(kept, [question('Nile#1', ['“”'])])).toEqual([]);
  });
});
