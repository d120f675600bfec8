import { describe, expect, it } from 'vitest';
import { buildPassageIndex, type IndexedText, passageFieldsOf } from '../../src/search/bm25-index.ts';
import { DEFAULT_RANKING_CONFIG, type RankingConfig } from '../../src/search/ranking-config.ts';
import { mergeSegments } from '../../src/search/segment.ts';
import { MERGE_FACTOR, SegmentedIndex } from '../../src/search/segmented-index.ts';
import { seededRandom } from '../seeded-random.ts';

const WORDS = Array.from({ length: 60 }, (_, i) => `w${i}`);
const EVENTS = ['geneva', 'summit', 'strike'];

/** An article: a few passages sharing one title, under one event. */
interface Doc {
  key: string;
  event: string;
  text: IndexedText;
}

/**
 * Runs a random sequence of article adds, removes, event moves and merges (some merges read their
 * segments before later removals land, as a background merge does) and after each step compares
 * searches, with and without an event filter, with those of an index built from scratch over the
 * live passages in the same order.
 */
function checkSequence(seed: number, config: RankingConfig, steps: number): number {
  const rand = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  // Skewed word choice: low numbers common, high ones rare, so IDF varies and ties happen.
  const word = () => WORDS[Math.floor(rand() * rand() * WORDS.length)] as string;
  const words = (n: number) => Array.from({ length: n }, word);
  let index = SegmentedIndex.empty(config);
  // What each slot holds (null: deleted) and each article's slots.
  let slots: (Doc | null)[] = [];
  const articles = new Map<string, { slots: number[]; event: string }>();
  let pending: { parts: ReturnType<SegmentedIndex['mergeParts']> } | null = null;
  let compared = 0;
  let made = 0;
  const remap = (slotOf: Int32Array) => {
    const next: (Doc | null)[] = [];
    slots.forEach((doc, old) => {
      const to = slotOf[old] as number;
      if (to >= 0) next[to] = doc;
    });
    slots = Array.from({ length: index.slotCount }, (_, i) => next[i] ?? null);
    for (const article of articles.values()) article.slots = article.slots.map((s) => slotOf[s] as number);
  };
  for (let step = 0; step < steps; step++) {
    const roll = rand();
    if (roll < 0.5 || articles.size < 3) {
      const key = `a${made++}`;
      const event = pick(EVENTS);
      const title = words(1 + Math.floor(rand() * 3));
      const texts = Array.from({ length: 1 + Math.floor(rand() * 4) }, () => ({
        title,
        body: words(Math.floor(rand() * 12)),
      }));
      const added = index.withPassages(passageFieldsOf(texts));
      index = added.index;
      const mine = texts.map((_, i) => added.firstSlot + i);
      texts.forEach((text, i) => {
        slots[added.firstSlot + i] = { key: `${key}#${i}`, event, text };
      });
      articles.set(key, { slots: mine, event });
    } else if (roll < 0.7) {
      const key = pick([...articles.keys()]);
      index = index.without(articles.get(key)?.slots ?? []);
      for (const s of articles.get(key)?.slots ?? []) slots[s] = null;
      articles.delete(key);
    } else if (roll < 0.82) {
      // A move of event: metadata only, the index is untouched.
      const key = pick([...articles.keys()]);
      const article = articles.get(key);
      if (article !== undefined) {
        article.event = pick(EVENTS);
        for (const s of article.slots) slots[s] = { ...(slots[s] as Doc), event: article.event };
      }
    } else if (roll < 0.9 && index.segments.length >= 2) {
      // A merge read now, swapped in later (changes may land in between).
      const from = Math.floor(rand() * (index.segments.length - 1));
      const to = from + 2 + Math.floor(rand() * (index.segments.length - from - 1));
      pending = { parts: index.mergeParts(from, to) };
    } else {
      const done =
        pending !== null ? index.withMerged(pending.parts, mergeSegments(pending.parts)) : index.mergeOnce();
      pending = null;
      if (done !== null) {
        index = done.index;
        remap(done.slotOf);
      }
    }
    // The reference: a full build over the live passages in slot order.
    const live = slots.filter((d): d is Doc => d !== null);
    expect(index.passageCount).toBe(live.length);
    const full = buildPassageIndex(
      live.map((d) => d.text),
      config,
    );
    for (let q = 0; q < 4; q++) {
      const query = [...words(1 + Math.floor(rand() * 4)), ...(rand() < 0.2 ? ['unseen'] : [])];
      const event = rand() < 0.5 ? pick(EVENTS) : null;
      const allowedSlots =
        event === null ? null : Uint8Array.from(slots, (d) => (d?.event === event ? 1 : 0));
      const allowedLive = event === null ? null : Uint8Array.from(live, (d) => (d.event === event ? 1 : 0));
      const got = index
        .search(query, 10, allowedSlots)
        .map((r) => ({ key: slots[r.passage]?.key, score: r.score }));
      const want = full
        .search(query, 10, allowedLive)
        .map((r) => ({ key: live[r.passage]?.key, score: r.score }));
      const where = `seed ${seed}, step ${step}, query ${query.join(' ')}, event ${event}`;
      expect(
        got.map((r) => r.key),
        where,
      ).toEqual(want.map((r) => r.key));
      got.forEach((r, i) => {
        expect(Math.abs(r.score - (want[i]?.score ?? Number.NaN)), where).toBeLessThanOrEqual(1e-9);
      });
      for (const term of query) expect(index.idf(term), where).toBe(full.idf(term));
      compared++;
    }
  }
  return compared;
}

describe('a segmented index (segments, deletion sets, global statistics)', () => {
  it('after random sequences of adds, removes, event moves and merges, ranks and scores every question as a full build does', () => {
    let compared = 0;
    for (let seed = 1; seed <= 12; seed++) compared += checkSequence(seed, DEFAULT_RANKING_CONFIG, 120);
    expect(compared).toBe(12 * 120 * 4);
  });

  it('does so too with other field weights and BM25 parameters (lengths that are not whole numbers)', () => {
    const config = {
      ...DEFAULT_RANKING_CONFIG,
      fieldWeights: { title: 0.7, body: 2.3 },
      k1: 1.5,
      b: 0.4,
      k: 0.5,
    };
    for (let seed = 100; seed <= 105; seed++) checkSequence(seed, config, 120);
  });

  it('never returns a removed passage, and keeps answering from an older value while a change makes a new one', () => {
    const one = (body: string[]) => passageFieldsOf([{ title: ['t'], body }]);
    let index = SegmentedIndex.empty(DEFAULT_RANKING_CONFIG);
    for (const body of [['ceasefire', 'talks'], ['ceasefire'], ['weather'], ['talks']])
      index = index.withPassages(one(body)).index;
    const before = index;
    const after = index.without([1]);
    expect(after.search(['ceasefire'], 10).map((r) => r.passage)).toEqual([0]);
    expect(before.search(['ceasefire'], 10).map((r) => r.passage)).toEqual([1, 0]);
    expect(after.idf('weather')).not.toBe(before.idf('weather'));
  });

  it('readies its weights ahead of searches, a slice at a time; an older index asked after a newer one readied them still scores as a full build', () => {
    const rand = seededRandom(7);
    const many = Array.from({ length: 400 }, (_, i) => `v${i}`);
    const word = () => many[Math.floor(rand() * rand() * many.length)] as string;
    const texts = Array.from({ length: 360 }, () => ({
      title: [word()],
      body: Array.from({ length: 9 }, word),
    }));
    let older = SegmentedIndex.build(passageFieldsOf(texts.slice(0, 200)), DEFAULT_RANKING_CONFIG).index;
    for (let i = 200; i < 300; i += 20)
      older = older.withPassages(passageFieldsOf(texts.slice(i, i + 20))).index;
    // A deadline already past: each call computes one slice of terms, until none is left.
    let slices = 0;
    while (!older.readyWeights(performance.now() - 1)) slices++;
    expect(slices).toBeGreaterThan(2);
    const queries = Array.from({ length: 40 }, () => [word(), word(), word()]);
    const expectFullBuild = (index: SegmentedIndex, live: number[]) => {
      const full = buildPassageIndex(
        live.map((slot) => texts[slot] as IndexedText),
        DEFAULT_RANKING_CONFIG,
      );
      for (const query of queries) {
        const got = index.search(query, 10).map((r) => ({ slot: r.passage, score: r.score }));
        const want = full.search(query, 10).map((r) => ({ slot: live[r.passage], score: r.score }));
        expect(got.map((r) => r.slot)).toEqual(want.map((r) => r.slot));
        got.forEach((r, i) => {
          expect(Math.abs(r.score - (want[i]?.score ?? Number.NaN))).toBeLessThanOrEqual(1e-9);
        });
      }
    };
    expectFullBuild(
      older,
      texts.slice(0, 300).map((_, i) => i),
    );
    expect(older.weightsComputedBySearch).toBe(0);
    // A change: two passages removed, more added; the newer index takes the weights over.
    const newer = older.without([5, 17]).withPassages(passageFieldsOf(texts.slice(300))).index;
    expect(newer.readyWeights()).toBe(true);
    const live = texts.map((_, i) => i).filter((i) => i !== 5 && i !== 17);
    expectFullBuild(newer, live);
    expect(newer.weightsComputedBySearch).toBe(0);
    // The older index, still asked (a question begun before the swap), computes its own again...
    expectFullBuild(
      older,
      texts.slice(0, 300).map((_, i) => i),
    );
    expect(older.weightsComputedBySearch).toBeGreaterThan(0);
    expect(older.readyWeights()).toBe(true);
    // ... in its own array: the newer index's weights stay ready.
    expectFullBuild(newer, live);
    expect(newer.weightsComputedBySearch).toBe(0);
  });

  it('carries its total length through adds and removals of whole lengths: no change sums every passage again', () => {
    const one = (body: string[]) => passageFieldsOf([{ title: ['t'], body }]);
    const totalOf = (index: SegmentedIndex) => (index as unknown as { total: number | null }).total;
    let index = SegmentedIndex.build(
      passageFieldsOf([
        { title: ['a'], body: ['x', 'y'] },
        { title: ['b'], body: ['y'] },
      ]),
      DEFAULT_RANKING_CONFIG,
    ).index;
    for (const body of [['ceasefire', 'talks'], ['ceasefire'], ['weather', 'report', 'today']])
      index = index.withPassages(one(body)).index;
    index = index.without([1, 3]);
    // Known without summing, and equal to a full build's average over the live passages.
    expect(totalOf(index)).not.toBeNull();
    const live = [
      { title: ['a'], body: ['x', 'y'] },
      { title: ['t'], body: ['ceasefire', 'talks'] },
      { title: ['t'], body: ['weather', 'report', 'today'] },
    ];
    const full = buildPassageIndex(live, DEFAULT_RANKING_CONFIG);
    for (const term of ['ceasefire', 'weather', 'x'])
      expect(index.search([term], 3).map((r) => r.score)).toEqual(full.search([term], 3).map((r) => r.score));
    // Title and body terms, 3 each (the field weights): (3 + 3 + 4) × 3 over 3 passages.
    expect(index.averageLength()).toBe(((3 + 3 + 4) * 3) / 3);
  });

  it('merges the small segments at the end once MERGE_FACTOR of them are there, keeping slot order', () => {
    let index = SegmentedIndex.empty(DEFAULT_RANKING_CONFIG);
    for (let i = 0; i < MERGE_FACTOR - 1; i++)
      index = index.withPassages(passageFieldsOf([{ title: ['t'], body: [`w${i}`] }])).index;
    expect(index.mergeCandidate()).toBeNull();
    index = index.withPassages(passageFieldsOf([{ title: ['t'], body: ['w0'] }])).index.without([3]);
    expect(index.mergeCandidate()).toEqual({ from: 0, to: MERGE_FACTOR });
    const merged = index.mergeOnce();
    expect(merged?.index.segments.length).toBe(1);
    expect(merged?.index.slotCount).toBe(MERGE_FACTOR - 1);
    expect(Array.from(merged?.slotOf ?? [])).toEqual([0, 1, 2, -1, 3, 4, 5, 6, 7, 8]);
    expect(merged?.index.search(['w0'], 10).map((r) => r.passage)).toEqual([0, 8]);
  });
});
