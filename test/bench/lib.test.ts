import { describe, expect, it } from 'vitest';
import { parseJsonLines } from '../../bench/lib/jsonl.ts';
import { RankMetrics, rankOf } from '../../bench/lib/metrics.ts';
import { containsAnswer, normaliseAnswerText } from '../../bench/lib/normalise.ts';
import { percentile, summariseLatencies } from '../../bench/lib/percentiles.ts';

describe('rank metrics', () => {
  it('computes recall@1, recall@5 and MRR@10 by hand-checked example', () => {
    const m = new RankMetrics();
    m.add(['a', 'b', 'c'], 'a'); // rank 0: r1, r5, rr 1
    m.add(['x', 'y', 'a'], 'a'); // rank 2: r5, rr 1/3
    m.add(['x', 'y', 'z', 'w', 'v', 'u', 'a'], 'a'); // rank 6: rr 1/7
    m.add(['x'], 'a'); // missing
    const r = m.result();
    expect(r.questions).toBe(4);
    expect(r.recall1).toBeCloseTo(1 / 4, 12);
    expect(r.recall5).toBeCloseTo(2 / 4, 12);
    expect(r.mrr10).toBeCloseTo((1 + 1 / 3 + 1 / 7) / 4, 12);
  });

  it('gives no MRR@10 credit at rank 10 or beyond, and counts only the first occurrence', () => {
    const m = new RankMetrics();
    m.addRank(10);
    m.addRank(-1);
    expect(m.result()).toEqual({ questions: 2, recall1: 0, recall5: 0, mrr10: 0 });
    expect(rankOf(['b', 'a', 'a'], 'a')).toBe(1);
  });

  it('is all zeros with no questions', () => {
    expect(new RankMetrics().result()).toEqual({ questions: 0, recall1: 0, recall5: 0, mrr10: 0 });
  });
});

describe('percentiles', () => {
  it('uses the nearest rank', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 0.5)).toBe(50);
    expect(percentile(sorted, 0.95)).toBe(95);
    expect(percentile(sorted, 0.99)).toBe(99);
    expect(percentile(sorted, 1)).toBe(100);
    expect(percentile([7], 0.99)).toBe(7);
    expect(percentile([], 0.5)).toBeNaN();
  });

  it('summarises unsorted durations without changing them', () => {
    const input = [4, 1, 3, 2];
    const s = summariseLatencies(input);
    expect(input).toEqual([4, 1, 3, 2]);
    expect(s).toMatchObject({ count: 4, p50: 2, p99: 4, max: 4 });
    expect(s.perSecond).toBeCloseTo(4 / 0.01, 9);
  });
});

describe('answer normalisation', () => {
  it('ignores case, quote marks and white space', () => {
    expect(normaliseAnswerText('  “Geneva\u00a0III”\n talks ')).toBe('geneva iii talks');
    expect(normaliseAnswerText("Kerry's `plan`")).toBe('kerrys plan');
  });

  it('finds an answer inside an excerpt after normalising both', () => {
    expect(containsAnswer(['He said the "Geneva   III" talks resume.'], ['geneva iii'])).toBe(true);
    expect(containsAnswer(['Kerry’s call on Friday'], ["Kerry's call"])).toBe(true);
    expect(containsAnswer(['nothing here'], ['Geneva'])).toBe(false);
  });

  it('never matches an empty or quote-only answer', () => {
    expect(containsAnswer(['anything'], ['', ' " '])).toBe(false);
    expect(containsAnswer([], ['x'])).toBe(false);
  });
});

describe('JSON Lines', () => {
  it('skips blank lines and names the bad line', () => {
    expect(parseJsonLines<{ a: number }>('{"a":1}\n\n{"a":2}\n')).toEqual([{ a: 1 }, { a: 2 }]);
    expect(() => parseJsonLines('{"a":1}\n{oops', 'f.jsonl')).toThrow(/f\.jsonl:2/);
  });
});
