import { describe, expect, it } from 'vitest';
import { readQuestion } from '../../src/question/reader.ts';
import { roleWords } from '../../src/question/role.ts';

/** The words of the role a question asks the holder of, as typed. */
const role = (q: string) => roleWords(readQuestion(q).tokens).map((s) => q.slice(s.start, s.end));

describe('the role a "who" question asks the holder of', () => {
  it('is the nouns between "who is the" and the preposition or the end', () => {
    expect(role('Who is the Secretary General of NATO?')).toEqual(['Secretary', 'General']);
    expect(role('who is the US ambassador to the UN')).toEqual(['US', 'ambassador']);
    expect(role('Who was the leader of the Islamic State group?')).toEqual(['leader']);
    expect(role('Who is the UN envoy?')).toEqual(['UN', 'envoy']);
  });

  it('is none in a question of another form', () => {
    for (const q of [
      'Who met Lavrov in Geneva?',
      'What is the capital of France?',
      'Who said that the talks failed?',
    ])
      expect(role(q)).toEqual([]);
  });
});
