import { beforeAll, describe, expect, it } from 'vitest';
import { type AnswerEngine, buildIndex } from '../../src/answer/engine.ts';
import type { Filters } from '../../src/answer/types.ts';
import { loadCorpus } from '../../src/corpus/load.ts';
import { corpusFromRecords } from '../../src/corpus/records.ts';
import { type Bm25Index, buildPassageIndex, winkDisagreements } from '../../src/search/bm25-index.ts';
import { DEFAULT_RANKING_CONFIG } from '../../src/search/ranking-config.ts';
import { terms } from '../../src/search/tokenize.ts';
import { CORPUS_DIR, readJsonl } from './helpers.ts';

interface Paragraph {
  id: string;
  title: string;
  text: string;
}
interface Question {
  question: string;
  paragraph: string;
}

let paragraphs: Paragraph[];
let questions: Question[];
let index: Bm25Index;

/**
 * The top `limit` by scoring every posting of every term in query order (`factor × weight` added
 * to the passage's sum, as the index adds it) and sorting all scored passages: no shortcut.
 */
function scoringEveryPassage(
  index: Bm25Index,
  queryTerms: string[],
  factors: number[],
  limit: number,
): Array<{ passage: number; score: number }> {
  const { termIds, offsets, passages, weights } = index.postingData();
  const scores = new Map<number, number>();
  queryTerms.forEach((term, q) => {
    const t = termIds.get(term);
    if (t === undefined) return;
    const factor = factors[q] ?? 1;
    for (let i = offsets[t] ?? 0; i < (offsets[t + 1] ?? 0); i++) {
      const p = passages[i] as number;
      const w = weights[i] as number;
      scores.set(p, (factor === 1 ? w : factor * w) + (scores.get(p) ?? 0));
    }
  });
  return [...scores]
    .map(([passage, score]) => ({ passage, score }))
    .sort((a, b) => b.score - a.score || a.passage - b.passage)
    .slice(0, limit);
}

beforeAll(async () => {
  paragraphs = await readJsonl<Paragraph>('squad-sample-paragraphs.jsonl');
  questions = await readJsonl<Question>('squad-sample-questions.jsonl');
  index = buildPassageIndex(
    paragraphs.map((p) => ({ title: terms(p.title), body: terms(p.text) })),
    DEFAULT_RANKING_CONFIG,
    { keepEngine: true },
  );
});

describe("the index' own BM25F weights (computed in typed arrays, not by wink)", () => {
  it("equal wink-bm25-text-search's consolidated weights and IDF for every passage and term of the SQuAD sample", () => {
    expect(index.passageCount).toBe(paragraphs.length);
    expect(index.winkDisagreements()).toEqual([]);
  });

  it("equal wink's for every passage and term of the real corpus, cut into its passages", async () => {
    const coverage = buildIndex(await loadCorpus(CORPUS_DIR), DEFAULT_RANKING_CONFIG, { keepEngine: true });
    expect(coverage.passageCount).toBeGreaterThan(50);
    expect(coverage.index.winkDisagreements()).toEqual([]);
  });

  it("equal wink's with other field weights and BM25 parameters, and on fewer than three passages", () => {
    const config = {
      ...DEFAULT_RANKING_CONFIG,
      fieldWeights: { title: 0.7, body: 2.3 },
      k1: 1.5,
      b: 0.4,
      k: 0.5,
    };
    const sample = paragraphs.slice(0, 40).map((p) => ({ title: terms(p.title), body: terms(p.text) }));
    const other = buildPassageIndex(sample, config, { keepEngine: true });
    expect(other.winkDisagreements()).toEqual([]);
    const tiny = buildPassageIndex(sample.slice(0, 2), config, { keepEngine: true });
    expect(tiny.winkDisagreements()).toEqual([]);
  });

  it('are checked: one changed weight is reported', () => {
    const other = buildPassageIndex(
      paragraphs.slice(0, 20).map((p) => ({ title: terms(p.title), body: terms(p.text) })),
      DEFAULT_RANKING_CONFIG,
      { keepEngine: true },
    );
    const changed = { ...other.data, weights: other.data.weights.slice() };
    changed.weights[7] = (changed.weights[7] ?? 0) + 1e-12;
    const engine = (other as unknown as { engine: Parameters<typeof winkDisagreements>[1] }).engine;
    expect(winkDisagreements(changed, engine)).toHaveLength(1);
  });
});

describe('the fast top-k path', () => {
  it("returns the same top 10, with the same scores, as wink-bm25-text-search's own search on every question", () => {
    expect(questions.length).toBeGreaterThan(500);
    for (const q of questions) {
      expect(index.search(terms(q.question), 10)).toEqual(index.winkSearch(q.question, 10));
    }
  });

  it('agrees with wink for other limits and on a question with repeated words', () => {
    const q = 'Tesla Tesla alternating current motor';
    expect(index.search(terms(q), 3)).toEqual(index.winkSearch(q, 3));
    expect(index.search(terms(q), 50)).toEqual(index.winkSearch(q, 50));
  });

  it('returns passages whose weights are 0 once each, as wink does, when a term weighs nothing', () => {
    // With k = 0 a term in half the passages has IDF log(1) = 0: its passages score exactly 0.
    const config = { ...DEFAULT_RANKING_CONFIG, k: 0 };
    const texts = ['half one', 'half two', 'three', 'four'].map((t) => ({ title: [], body: terms(t) }));
    const zero = buildPassageIndex(texts, config, { keepEngine: true });
    expect(zero.idf('half')).toBe(0);
    expect(zero.search(terms('half half one'), 10)).toEqual(zero.winkSearch('half half one', 10));
    expect(zero.search(terms('half half'), 10)).toEqual([
      { passage: 0, score: 0 },
      { passage: 1, score: 0 },
    ]);
  });

  it('keeps the exact top 60 and 80 of every question with other words at half weight, as scoring every passage does', () => {
    // Each question's terms, then the next question's as other words at half weight (as the
    // query's expansions are searched).
    let compared = 0;
    questions.forEach((q, i) => {
      const own = terms(q.question);
      const other = terms(questions[(i + 1) % questions.length]?.question ?? '');
      const weights = [...own.map(() => 1), ...other.map(() => 0.5)];
      for (const limit of [60, 80]) {
        const expected = scoringEveryPassage(index, [...own, ...other], weights, limit);
        expect(index.search([...own, ...other], limit, null, weights)).toEqual(expected);
        compared += expected.length;
      }
    });
    expect(compared).toBeGreaterThan(50_000);
  });

  it('returns nothing for words no passage contains', () => {
    expect(index.search(terms('zyxwv qwertyuiop'), 10)).toEqual([]);
  });

  it('ranks the right paragraph first for most questions', () => {
    const first = questions.filter(
      (q) => paragraphs[index.search(terms(q.question), 1)[0]?.passage ?? -1]?.id === q.paragraph,
    );
    expect(first.length / questions.length).toBeGreaterThan(0.7);
  });
});

describe('filters', () => {
  let coverage: AnswerEngine;
  const articleTitle = (id: string) => id.split('#')[0] as string;

  beforeAll(() => {
    // Each SQuAD article becomes an outlet with its own date and event, so filters have something to cut.
    const dates: Record<string, string> = {
      Super_Bowl_50: '2016-02-07',
      Warsaw: '2016-05-01',
      Normans: '2016-08-01',
      Nikola_Tesla: '2016-11-01',
    };
    coverage = buildIndex(
      corpusFromRecords(
        paragraphs.map((p) => ({
          ...p,
          source: `Outlet ${articleTitle(p.id)}`,
          date: dates[articleTitle(p.id)] ?? null,
          event: articleTitle(p.id).toLowerCase().replaceAll('_', '-'),
        })),
      ),
    );
  });

  it('never return anything outside the filter, and return the top matches inside it', () => {
    const sample = questions.filter((_, i) => i % 10 === 0);
    let nonEmpty = 0;
    for (const q of sample) {
      for (const filters of [
        { event: 'warsaw' },
        { source: 'Outlet Nikola_Tesla' },
        { since: '2016-05-01', until: '2016-08-31' },
        { until: '2016-03-01' },
      ]) {
        const filtered = coverage.rankArticles(q.question, 5, filters);
        const all = coverage.rankArticles(q.question, 400);
        nonEmpty += filtered.length > 0 ? 1 : 0;
        const inside = all.filter(({ docId }) => {
          const a = coverage.corpus.articles.find((x) => x.id === docId);
          return a !== undefined && matches(a, filters);
        });
        expect(filtered.map((r) => r.docId)).toEqual(inside.slice(0, 5).map((r) => r.docId));
      }
    }
    expect(nonEmpty).toBeGreaterThan(sample.length * 2);
  });

  function matches(
    a: { event: string | null; source: string | null; date: string | null },
    f: Filters,
  ): boolean {
    if (f.event && a.event !== f.event) return false;
    if (f.source && a.source !== f.source) return false;
    if (f.since && (a.date === null || a.date < f.since)) return false;
    if (f.until && (a.date === null || a.date > f.until)) return false;
    return true;
  }
});
