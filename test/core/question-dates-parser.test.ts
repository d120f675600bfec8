import { beforeEach, describe, expect, it, vi } from 'vitest';
import { analyseQuestion, questionContext } from '../../src/question/analyse.ts';

// chrono-node as it is, with its parse counted.
const parsed = vi.hoisted(() => ({ calls: 0 }));
vi.mock('chrono-node', async (importOriginal) => {
  const real = await importOriginal<typeof import('chrono-node')>();
  return {
    ...real,
    parse: (...args: Parameters<typeof real.parse>) => {
      parsed.calls++;
      return real.parse(...args);
    },
  };
});

describe('the date parser runs only on questions that may name a date', () => {
  const context = questionContext(
    [
      { source: 'NDTV', date: '2016-08-26' },
      { source: 'The BRICS Post', date: '2016-03-04' },
    ],
    [],
    () => true,
  );
  const read = (q: string) => analyseQuestion(q, context);
  beforeEach(() => {
    parsed.calls = 0;
  });

  it('reads a question with no month, year or numeric date without the date parser', () => {
    expect(read('Who is the Secretary General of NATO?').mentions).toEqual([]);
    expect(read('How many refugees fled the fighting?').mentions).toEqual([]);
    expect(read('Who did Kerry meet last week?').mentions).toEqual([]);
    expect(parsed.calls).toBe(0);
  });

  it('still reads every kind of date a question names', () => {
    expect(read('Where did Kerry and Lavrov meet in August 2016?').mentions).toMatchObject([
      { kind: 'date', filter: { since: '2016-08-01', until: '2016-08-31' } },
    ]);
    expect(read('What was said on 26 August 2016?').mentions).toMatchObject([
      { kind: 'date', filter: { since: '2016-08-26', until: '2016-08-26' } },
    ]);
    expect(read('What did the March phone call achieve?').mentions).toMatchObject([
      { kind: 'date', filter: { since: '2016-03-01', until: '2016-03-31' } },
    ]);
    expect(read('Kerry Lavrov Aug 2016').mentions).toMatchObject([
      { kind: 'date', filter: { since: '2016-08-01', until: '2016-08-31' } },
    ]);
    expect(read('What happened in 2011?').mentions).toMatchObject([
      { kind: 'date', filter: { since: '2011-01-01', until: '2011-12-31' } },
    ]);
    expect(parsed.calls).toBeGreaterThan(0);
  });
});
