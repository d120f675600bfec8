import { describe, expect, it } from 'vitest';
import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';
import { readQuestion } from '../../src/question/reader.ts';
import { readJsonl } from './helpers.ts';

describe('reading a question with wink', () => {
  it('reads tokens, parts of speech, lemmas and dates as the whole wink pipeline does', async () => {
    const nlp = winkNLP(model);
    const its = nlp.its;
    const questions = [
      ...(await readJsonl<{ question: string }>('squad-sample-questions.jsonl')).map((q) => q.question),
      ...(await readJsonl<{ question: string }>('coverage-dev-questions.jsonl')).map((q) => q.question),
      'Where did Kerry and Lavrov meet on 26 August 2016?',
      "Didn't Lavrov say in March that the talks wouldn't resume? It was not a good day.",
    ];
    expect(questions.length).toBeGreaterThan(40);
    for (const q of questions) {
      const doc = nlp.readDoc(q);
      const read = readQuestion(q);
      expect(
        read.tokens.map((t) => [t.text, t.pos, t.lemma]),
        q,
      ).toEqual(
        doc
          .tokens()
          .out(its.value)
          .map((text, i) => [
            text,
            doc.tokens().out(its.pos)[i],
            (doc.tokens().out(its.lemma as never)[i] as string).toLowerCase(),
          ]),
      );
      const dates = (doc.entities().out(its.detail) as unknown as Array<{ type: string }>).flatMap((d, i) =>
        d.type === 'DATE' ? [(doc.entities().out(its.span) as unknown as Array<[number, number]>)[i]] : [],
      );
      expect(
        read.dates.map((d) => [d.first, d.last]),
        q,
      ).toEqual(dates);
    }
  });
});
