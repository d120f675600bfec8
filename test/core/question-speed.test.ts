/**
 * What reading a question costs besides wink's own reading, on a corpus of many outlets. Times are
 * medians over many questions, each timed right after wink's reading of it, so a loaded machine
 * slows both sides alike.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { analyseQuestion, type QuestionContext, questionContext } from '../../src/question/analyse.ts';
import { readQuestion } from '../../src/question/reader.ts';
import { readJsonl } from './helpers.ts';

/** Outlets of a large coverage: names of one to four words, some with "The", a copy note or a domain. */
const OUTLETS = Array.from(
  { length: 40 },
  (_, i) =>
    [
      `The Daily Courier ${i}`,
      `Agence Nouvelle ${i} (AFP copy)`,
      `Mondial${i}.ca`,
      `Northern Star Herald ${i}`,
    ][i % 4] as string,
);

let questions: string[];
let context: QuestionContext;

/** Medians of `a` and `b` over the questions, timed alternately so that load falls on both. */
function medians(
  asked: readonly string[],
  a: (q: string) => unknown,
  b: (q: string) => unknown,
): [number, number] {
  const timesA: number[] = [];
  const timesB: number[] = [];
  const time = (f: (q: string) => unknown, q: string) => {
    const started = performance.now();
    f(q);
    return performance.now() - started;
  };
  for (const q of asked) {
    timesA.push(time(a, q));
    timesB.push(time(b, q));
  }
  const mid = (t: number[]) => t.sort((x, y) => x - y)[Math.floor(t.length / 2)] ?? 0;
  return [mid(timesA), mid(timesB)];
}

beforeAll(async () => {
  questions = (await readJsonl<{ question: string }>('squad-sample-questions.jsonl')).map((q) => q.question);
  context = questionContext(
    OUTLETS.map((source, i) => ({ source, date: `2016-0${1 + (i % 9)}-1${i % 10}` })),
    [],
    () => false,
  );
  for (const q of questions.slice(0, 50)) analyseQuestion(q, context);
});

describe('question analysis speed', () => {
  it('finds which of 40 outlets a question names in less than twice the time wink takes to read it', () => {
    const asked = questions.slice(0, 300);
    const [wink, whole] = medians(asked, readQuestion, (q) => analyseQuestion(q, context));
    // The analysis reads the question with wink once, then looks for dates, outlets, events.
    expect(whole - wink).toBeLessThan(2 * wink);
  });

  it('still finds an outlet named by a distinctive part of its name', () => {
    const found = analyseQuestion('What did Mondial6 report about Aleppo?', context).mentions;
    expect(found.map((m) => [m.kind, m.text])).toEqual([['source', 'Mondial6']]);
  });
});
