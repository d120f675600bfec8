import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AnswerEngine, buildIndex } from '../src/answer/engine.ts';
import { deserialiseIndex, indexKey, SavedIndexError, serialiseIndex } from '../src/answer/saved-index.ts';
import { loadCorpus } from '../src/corpus/load.ts';
import { corpusFromRecords } from '../src/corpus/records.ts';
import type { Article } from '../src/corpus/types.ts';
import { openAnswerEngine, savedIndexPath } from '../src/live/open-engine.ts';
import { DEFAULT_RANKING_CONFIG } from '../src/search/ranking-config.ts';
import { kindsByArticle } from './core/helpers.ts';

const CORPUS = path.join(import.meta.dirname, '..', 'corpus');
const QUESTION = 'What did Lavrov say about terrorists?';

let work: string;
let corpusDir: string;
let cacheDir: string;

beforeEach(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'saved-index-'));
  corpusDir = path.join(work, 'corpus');
  cacheDir = path.join(work, 'cache');
  await cp(CORPUS, corpusDir, { recursive: true });
});

afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('saved index', () => {
  it('round-trips to an index that answers exactly as the built one', async () => {
    const built = buildIndex(await loadCorpus(corpusDir));
    const key = indexKey('fingerprint', DEFAULT_RANKING_CONFIG);
    const parts = deserialiseIndex(serialiseIndex(built.parts(), key), key);
    const original = built.parts();
    expect(parts.corpus).toEqual(original.corpus);
    expect(parts.sentences).toEqual(original.sentences);
    expect(kindsByArticle(parts)).toEqual(kindsByArticle(original));
    expect(kindsByArticle(parts).some((kinds) => kinds.some((k) => k !== 0))).toBe(true);
    expect(parts.passages).toEqual(original.passages);
    expect(parts.postings).toEqual(original.postings);
    const loaded = new AnswerEngine(parts);
    expect(loaded.passageCount).toBe(built.passageCount);
    expect(loaded.ask(QUESTION, { count: 5 })).toEqual(built.ask(QUESTION, { count: 5 }));
    expect(loaded.events()).toEqual(built.events());
  });

  it('round-trips articles with missing metadata, approximate dates and text outside Latin-1', () => {
    const corpus = corpusFromRecords([
      {
        id: 'a',
        title: 'Ünïcödé “quotes” — 😀',
        text: 'Text with emoji 😀 and ’quotes’. Second sentence here.',
      },
      {
        id: 'b',
        title: 'Plain',
        text: 'Plain text. More text.',
        source: 'Outlet',
        date: '2016-03-04',
        url: 'https://x.test/b',
      },
      { id: 'c', title: 'Third', text: 'Third article text. It has words.', event: null, language: 'en' },
    ]);
    corpus.articles[1] = { ...(corpus.articles[1] as Article), dateApprox: true };
    const built = buildIndex(corpus);
    const key = indexKey('fingerprint', DEFAULT_RANKING_CONFIG);
    expect(deserialiseIndex(serialiseIndex(built.parts(), key), key).corpus).toEqual(built.corpus);
  });

  it('builds on first open, then loads the saved index while the corpus is unchanged', async () => {
    const first = await openAnswerEngine(corpusDir, { cacheDir });
    expect(first.from).toBe('built');
    const second = await openAnswerEngine(corpusDir, { cacheDir });
    expect(second.from).toBe('saved');
    expect(second.warning).toBeNull();
    expect(second.index.ask(QUESTION)).toEqual(first.index.ask(QUESTION));
  });

  it('rebuilds when a corpus file changes, and never serves the old corpus', async () => {
    await openAnswerEngine(corpusDir, { cacheDir });
    const [file] = (await readdir(corpusDir)).filter((f) => f.includes('ndtv'));
    const full = path.join(corpusDir, file as string);
    const text = await readFile(full, 'utf8');
    await writeFile(full, text.replace('290,000 people', '300,000 people'));
    const reopened = await openAnswerEngine(corpusDir, { cacheDir });
    expect(reopened.from).toBe('built');
    const answer = reopened.index.ask('How many people have been killed in the Syrian conflict?');
    expect(answer.results[0]?.text).toContain('300,000 people');
  });

  it('rebuilds when the ranking configuration changes', async () => {
    await openAnswerEngine(corpusDir, { cacheDir });
    const other = { ...DEFAULT_RANKING_CONFIG, k1: 1.5 };
    expect((await openAnswerEngine(corpusDir, { cacheDir, config: other })).from).toBe('built');
  });

  it('detects a corrupt saved index, reports it and rebuilds', async () => {
    await openAnswerEngine(corpusDir, { cacheDir });
    const file = savedIndexPath(cacheDir, corpusDir);
    const bytes = await readFile(file);
    bytes[bytes.length - 10] = (bytes[bytes.length - 10] ?? 0) ^ 0xff;
    await writeFile(file, bytes);
    const reopened = await openAnswerEngine(corpusDir, { cacheDir });
    expect(reopened.from).toBe('built');
    expect(reopened.warning).toMatch(/checksum/);
    expect((await openAnswerEngine(corpusDir, { cacheDir })).from).toBe('saved');
  });

  it('detects a truncated saved index, reports it and rebuilds', async () => {
    await openAnswerEngine(corpusDir, { cacheDir });
    const file = savedIndexPath(cacheDir, corpusDir);
    const bytes = await readFile(file);
    await writeFile(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const reopened = await openAnswerEngine(corpusDir, { cacheDir });
    expect(reopened.from).toBe('built');
    expect(reopened.warning).toMatch(/truncated/);
  });

  it('refuses a saved index of another key', async () => {
    const built = buildIndex(await loadCorpus(corpusDir));
    const saved = serialiseIndex(built.parts(), indexKey('a', DEFAULT_RANKING_CONFIG));
    expect(() => deserialiseIndex(saved, indexKey('b', DEFAULT_RANKING_CONFIG))).toThrow(SavedIndexError);
    expect(() => deserialiseIndex(Buffer.from('not an index at all'), 'x')).toThrow(/not a saved index/);
  });
});
