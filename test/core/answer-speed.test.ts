/**
 * The answer path's speed on a large corpus: what a member waits for besides the ranking. Times
 * are compared with the ranking's on the same questions in the same run (medians over many
 * questions), so a loaded machine slows both sides alike.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type AnswerEngine, buildIndex } from '../../src/answer/engine.ts';
import { corpusFromRecords } from '../../src/corpus/records.ts';
import type { CoverageEvent } from '../../src/corpus/types.ts';
import { splitSentences } from '../../src/passages/sentences.ts';
import { readJsonl } from './helpers.ts';

/** Articles in the large corpus: sentence windows of the SQuAD sample, then numbered copies. */
const ARTICLES = 40_000;
const OUTLETS = Array.from({ length: 12 }, (_, i) => `Outlet ${String.fromCharCode(65 + i)} Daily`);
const EVENTS: CoverageEvent[] = Array.from({ length: 40 }, (_, i) => ({
  id: `event-${i}`,
  name: `Event ${i}`,
  start: '2016-01-01',
  end: '2016-12-31',
  description: `Event number ${i}.`,
}));

let index: AnswerEngine;
let questions: string[];

/** Milliseconds of each call of `f` on each question. */
function timings(asked: readonly string[], f: (question: string) => unknown): number[] {
  return asked.map((q) => {
    const started = performance.now();
    f(q);
    return performance.now() - started;
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

beforeAll(async () => {
  const paragraphs = await readJsonl<{ id: string; title: string; text: string }>(
    'squad-sample-paragraphs.jsonl',
  );
  const windows: Array<{ id: string; title: string; text: string }> = [];
  for (const size of [3, 2, 1])
    for (const p of paragraphs) {
      const spans = splitSentences(p.text);
      for (let i = 0; i + size <= spans.length; i += size)
        windows.push({
          id: `${p.id}/${size}/${i}`,
          title: p.title,
          text: p.text.slice(spans[i]?.start ?? 0, spans[i + size - 1]?.end ?? 0),
        });
    }
  const records = Array.from({ length: ARTICLES }, (_, i) => {
    const w = windows[i % windows.length] as (typeof windows)[number];
    const copy = Math.floor(i / windows.length);
    return {
      ...w,
      id: `${w.id}/${copy}`,
      title: copy === 0 ? w.title : `${w.title} ${copy}`,
      source: OUTLETS[i % OUTLETS.length],
      date: `2016-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      event: (EVENTS[i % EVENTS.length] as CoverageEvent).id,
    };
  });
  index = buildIndex(corpusFromRecords(records, EVENTS));
  questions = (await readJsonl<{ question: string }>('squad-sample-questions.jsonl'))
    .filter((_, i) => i % 4 === 0)
    .map((q) => q.question);
  // Warm up both paths (JIT, memos) before anything is timed.
  for (const q of questions.slice(0, 40)) {
    index.ask(q);
    index.rankArticles(q, 10);
  }
}, 120_000);

describe('answer speed on a large corpus', () => {
  it('lists the events and outlets of 100 replies in under 100 ms in all', () => {
    const started = performance.now();
    for (let i = 0; i < 100; i++) {
      expect(index.events()).toHaveLength(EVENTS.length);
      expect(index.sources()).toHaveLength(OUTLETS.length);
    }
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('answers a question filtered by outlet or dates about as fast as an unfiltered one', () => {
    const unfiltered = median(timings(questions, (q) => index.ask(q)));
    const byOutlet = median(
      timings(questions, (q) => index.ask(q, { filters: { source: 'Outlet C Daily' } })),
    );
    const byDates = median(
      timings(questions, (q) => index.ask(q, { filters: { since: '2016-03-01', until: '2016-03-31' } })),
    );
    expect(byOutlet).toBeLessThan(3 * unfiltered + 0.5);
    expect(byDates).toBeLessThan(3 * unfiltered + 0.5);
  });

  it('answers an overview ("What happened in March 2016?") about as fast as a question', () => {
    const unfiltered = median(timings(questions, (q) => index.ask(q)));
    const overview = median(timings(questions, () => index.ask('What happened in March 2016?')));
    const answer = index.ask('What happened in March 2016?');
    expect(answer.results.length).toBe(3);
    expect(answer.results.every((r) => r.date?.startsWith('2016-03'))).toBe(true);
    expect(overview).toBeLessThan(3 * unfiltered + 0.5);
  });

  it('reads a date the coverage lacks ("… in 1998?") without searching every article', () => {
    const plain = median(timings(questions, (q) => index.rankArticles(q, 10)));
    const dated = median(
      timings(questions, (q) => index.rankArticles(`${q.replace(/\?$/, '')} in 1998?`, 10)),
    );
    const answer = index.ask('Which NFL team represented the AFC at Super Bowl 50 in 1998?');
    expect(answer.understood).toEqual([]);
    expect(answer.noAnswer).toBe(false);
    expect(dated).toBeLessThan(1.5 * plain + 0.1);
  });

  it('assembles the whole answer (k = 3) in at most twice the ranking time', () => {
    const ask = median(timings(questions, (q) => index.ask(q, { count: 3 })));
    const rank = median(timings(questions, (q) => index.rankArticles(q, 10)));
    expect(ask).toBeLessThan(2 * rank);
  });
});
