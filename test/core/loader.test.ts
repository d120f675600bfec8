import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.ts';
import { CORPUS_DIR, tempDir } from './helpers.ts';

let dir: string;
let remove: () => Promise<void>;

beforeEach(async () => {
  ({ dir, remove } = await tempDir());
  await writeFile(
    path.join(dir, 'events.json'),
    JSON.stringify([
      { id: 'talks', name: 'The talks', start: '2016-08-26', end: '2016-08-27', description: 'Talks.' },
    ]),
  );
});
afterEach(() => remove());

const GOOD_MD = `---
title: "A good article"
source: "The Daily"
date: "2016-08-26"
url: "https://example.com/a"
event: talks
language: en
---
The ministers met in Geneva on Friday. They talked for hours.
`;

async function write(rel: string, content: string): Promise<void> {
  await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
  await writeFile(path.join(dir, rel), content);
}

describe('loading a corpus folder', () => {
  it('loads the built-in corpus with no problem, its five articles and two events', async () => {
    const corpus = await loadCorpus(CORPUS_DIR);
    expect(corpus.problems).toEqual([]);
    expect(corpus.articles).toHaveLength(5);
    expect(corpus.events.map((e) => e.id)).toEqual(['march-2016-call', 'geneva-aug-2016']);
    const unknown = corpus.articles.filter((a) => a.source === null).map((a) => a.title);
    expect(unknown).toEqual([
      'Syria: Kerry and Lavrov Discuss peace talks between Assad and Opposition',
      'Lavrov, Kerry begin talks in Geneva',
    ]);
    expect(corpus.articles.every((a) => a.event !== null && a.language === 'en')).toBe(true);
  });

  it('reads Markdown with front matter, recursively, with its metadata', async () => {
    await write('2016/08/good.md', GOOD_MD);
    const corpus = await loadCorpus(dir);
    expect(corpus.problems).toEqual([]);
    expect(corpus.articles).toEqual([
      {
        id: '2016/08/good',
        title: 'A good article',
        source: 'The Daily',
        date: '2016-08-26',
        dateApprox: false,
        url: 'https://example.com/a',
        event: 'talks',
        language: 'en',
        text: 'The ministers met in Geneva on Friday. They talked for hours.',
        path: '2016/08/good.md',
      },
    ]);
  });

  it('keeps unknown metadata unknown and marks approximate dates', async () => {
    await write(
      'a.md',
      '---\ntitle: Untold\nsource: null\ndate: "2016-03-04"\ndateApprox: true\n---\nSome text here.\n',
    );
    const [article] = (await loadCorpus(dir)).articles;
    expect(article).toMatchObject({
      source: null,
      date: '2016-03-04',
      dateApprox: true,
      url: null,
      event: null,
    });
  });

  it('accepts a date written without quotes', async () => {
    await write('a.md', '---\ntitle: Dated\ndate: 2016-08-26\n---\nSome text here.\n');
    expect((await loadCorpus(dir)).articles[0]?.date).toBe('2016-08-26');
  });

  it('reads .txt with front matter as Markdown, and without it infers title and date', async () => {
    await write('with.txt', GOOD_MD);
    await write(
      'scraped.txt',
      'Advertisement\nThis Article is From Aug 26, 2016\n\nKerry Meets Lavrov\n\nThey met today. It went well.\n',
    );
    const corpus = await loadCorpus(dir);
    expect(corpus.problems).toEqual([]);
    const scraped = corpus.articles.find((a) => a.id === 'scraped');
    expect(scraped).toMatchObject({
      title: 'Kerry Meets Lavrov',
      date: '2016-08-26',
      source: null,
      text: 'They met today. It went well.',
    });
    expect(corpus.articles.find((a) => a.id === 'with')?.source).toBe('The Daily');
  });

  it('reads JSONL records with their own ids, one article a line', async () => {
    await write(
      'bulk.jsonl',
      [
        JSON.stringify({ id: 'r1', title: 'One', text: 'First record text.' }),
        '',
        JSON.stringify({
          id: 'r2',
          title: 'Two',
          text: 'Second record text.',
          source: 'Wire',
          date: '2016-08-27',
          event: 'talks',
        }),
      ].join('\n'),
    );
    const corpus = await loadCorpus(dir);
    expect(corpus.problems).toEqual([]);
    expect(corpus.articles.map((a) => [a.id, a.source, a.date, a.event, a.path])).toEqual([
      ['r1', null, null, null, 'bulk.jsonl:1'],
      ['r2', 'Wire', '2016-08-27', 'talks', 'bulk.jsonl:3'],
    ]);
  });

  it.each([
    [
      'bad YAML',
      'bad.md',
      '---\ntitle: "unclosed\ndate: [\n---\nText.\n',
      /bad\.md:\d+: front matter is not valid YAML/,
    ],
    ['a missing title', 'notitle.md', '---\nsource: X\n---\nText.\n', /notitle\.md:1: front matter: title/],
    [
      'an invalid date',
      'baddate.md',
      '---\ntitle: T\ndate: "2016-02-30"\n---\nText.\n',
      /baddate\.md:3: front matter: date: must be a real date/,
    ],
    [
      'a URL that is not http(s)',
      'badurl.md',
      '---\ntitle: T\nurl: "ftp://x"\n---\nText.\n',
      /badurl\.md:3: front matter: url: must be an http\(s\) URL/,
    ],
    ['Markdown without front matter', 'plain.md', 'Just text.\n', /plain\.md:1: has no front matter/],
    ['an empty body', 'empty.md', '---\ntitle: T\n---\n\n', /empty\.md: has no article text/],
    [
      'a text file without a headline',
      'nohead.txt',
      'A first line that is a sentence.\nMore text.\n',
      /nohead\.txt:1: has no headline/,
    ],
  ])(
    'reports %s with its path and line, skips the file and loads the rest',
    async (_what, file, content, message) => {
      await write('good.md', GOOD_MD);
      await write(file, content);
      const corpus = await loadCorpus(dir);
      expect(corpus.articles.map((a) => a.id)).toEqual(['good']);
      expect(corpus.problems).toHaveLength(1);
      const [p] = corpus.problems;
      expect(`${p?.path}${p?.line === null ? '' : `:${p?.line}`}: ${p?.message}`).toMatch(message);
    },
  );

  it('reports a bad JSONL line by number and keeps the good lines', async () => {
    await write(
      'bulk.jsonl',
      [
        JSON.stringify({ id: 'a', title: 'A', text: 'Good.' }),
        '{"id": "b", "title": ',
        JSON.stringify({ id: 'c', title: 'C' }),
        JSON.stringify({ id: 'd', title: 'D', text: 'Good too.', date: 'yesterday' }),
        JSON.stringify({ id: 'e', title: 'E', text: 'Fine.' }),
      ].join('\n'),
    );
    const corpus = await loadCorpus(dir);
    expect(corpus.articles.map((a) => a.id)).toEqual(['a', 'e']);
    expect(corpus.problems.map((p) => [p.path, p.line])).toEqual([
      ['bulk.jsonl', 2],
      ['bulk.jsonl', 3],
      ['bulk.jsonl', 4],
    ]);
    expect(corpus.problems[0]?.message).toMatch(/not valid JSON/);
    expect(corpus.problems[1]?.message).toMatch(/text/);
    expect(corpus.problems[2]?.message).toMatch(/date: must be a real date/);
  });

  it('reports a duplicate id and keeps the first', async () => {
    await write(
      'bulk.jsonl',
      `${JSON.stringify({ id: 'x', title: 'First', text: 'One.' })}\n${JSON.stringify({ id: 'x', title: 'Second', text: 'Two.' })}\n`,
    );
    const corpus = await loadCorpus(dir);
    expect(corpus.articles.map((a) => a.title)).toEqual(['First']);
    expect(corpus.problems[0]).toMatchObject({ path: 'bulk.jsonl:2', line: 2 });
    expect(corpus.problems[0]?.message).toMatch(/duplicate id "x"/);
  });

  it('reports an article whose event is not in the events file, and still serves it', async () => {
    await write('a.md', GOOD_MD.replace('event: talks', 'event: no-such-event'));
    const corpus = await loadCorpus(dir);
    expect(corpus.articles).toHaveLength(1);
    expect(corpus.problems[0]?.message).toMatch(/unknown event "no-such-event"/);
  });

  it('reports a malformed events file with its line', async () => {
    await writeFile(path.join(dir, 'events.json'), '[\n  {"id": "x",\n  oops\n]');
    await write('a.md', GOOD_MD);
    const corpus = await loadCorpus(dir);
    expect(corpus.events).toEqual([]);
    expect(corpus.problems[0]).toMatchObject({ path: 'events.json', line: 3 });
    expect(corpus.problems[0]?.message).toMatch(/not valid JSON/);
  });

  it('reports an event with an invalid date span', async () => {
    await writeFile(
      path.join(dir, 'events.json'),
      JSON.stringify([{ id: 'x', name: 'X', start: '2016-09-01', end: '2016-08-01' }]),
    );
    const corpus = await loadCorpus(dir);
    expect(corpus.problems[0]?.message).toMatch(/start must not be after end/);
  });

  it('ignores hidden folders and files of other kinds', async () => {
    await write('.cache/x.md', GOOD_MD);
    await write('notes.html', '<p>no</p>');
    await write('a.md', GOOD_MD);
    expect((await loadCorpus(dir)).articles.map((a) => a.id)).toEqual(['a']);
  });
});

describe('front matter is YAML and data only', () => {
  /** A front matter block in another language whose code, if run, leaves a mark on globalThis. */
  const hostile = (fence: string, code: string) =>
    `${fence}\n${code}\n---\nThe ministers met in Geneva on Friday. They talked for hours.\n`;
  const mark = globalThis as { frontMatterRan?: string };
  afterEach(() => {
    delete mark.frontMatterRan;
  });

  it.each([
    ['---js', '{ title: (globalThis.frontMatterRan = "js", "Ran") }'],
    ['---javascript', '{ title: (globalThis.frontMatterRan = "javascript", "Ran") }'],
    ['---coffee', 'title: do -> globalThis.frontMatterRan = "coffee"'],
    ['---json', '{ "title": "JSON is not YAML here" }'],
  ])(
    'refuses a %s fence as "front matter must be YAML", runs none of it, and loads the rest',
    async (fence, code) => {
      await write('good.md', GOOD_MD);
      await write('hostile.md', hostile(fence, code));
      await write('nested/hostile.txt', hostile(fence, code));
      const corpus = await loadCorpus(dir);
      expect(mark.frontMatterRan).toBeUndefined();
      expect(corpus.articles.map((a) => a.id)).toEqual(['good']);
      expect(corpus.problems.map((p) => `${p.path}:${p.line}: ${p.message}`)).toEqual([
        `hostile.md:1: front matter must be YAML (the file opens with ${fence}; write --- alone); file skipped`,
        `nested/hostile.txt:1: front matter must be YAML (the file opens with ${fence}; write --- alone); file skipped`,
      ]);
    },
  );

  it('reads YAML as data: a custom tag builds no function, and a date that is no real day is refused', async () => {
    await write('tag.md', '---\ntitle: !!js/function "function () { return 1 }"\n---\nSome text here.\n');
    await write('day.md', '---\ntitle: T\ndate: 2016-13-45\n---\nSome text here.\n');
    const corpus = await loadCorpus(dir);
    expect(corpus.articles).toEqual([]);
    expect(corpus.problems.map((p) => `${p.path}:${p.line}: ${p.message}`)).toEqual([
      'day.md:3: front matter: date: must be a real date written as YYYY-MM-DD; file skipped',
      expect.stringMatching(/^tag\.md:2: front matter is not valid YAML: .*js\/function/),
    ]);
  });
});

describe('article addresses', () => {
  it('are stored as new URL(u).href, and one that could close a link is refused, in Markdown and JSONL', async () => {
    const hostile = 'https://news.example/a>)**Breaking**[Claim](https://evil.example/x';
    await write('typed.md', GOOD_MD.replace('https://example.com/a', 'HTTPS://Example.COM/Genève'));
    await write('hostile.md', GOOD_MD.replace('"https://example.com/a"', JSON.stringify(hostile)));
    await write(
      'bulk.jsonl',
      [
        JSON.stringify({ id: 'r1', title: 'R1', text: 'Good.', url: ' https://Example.com/r1 ' }),
        JSON.stringify({ id: 'r2', title: 'R2', text: 'Bad.', url: hostile }),
        JSON.stringify({ id: 'r3', title: 'R3', text: 'Bad.', url: 'https://example.com/a b' }),
      ].join('\n'),
    );
    const corpus = await loadCorpus(dir);
    expect(corpus.articles.map((a) => [a.id, a.url])).toEqual([
      ['r1', 'https://example.com/r1'],
      ['typed', 'https://example.com/Gen%C3%A8ve'],
    ]);
    expect(corpus.problems.map((p) => `${p.path}:${p.line}: ${p.message}`)).toEqual([
      'bulk.jsonl:2: record skipped: url: must be an http(s) URL without spaces, quotes, backslashes, backticks, < or >',
      'bulk.jsonl:3: record skipped: url: must be an http(s) URL without spaces, quotes, backslashes, backticks, < or >',
      'hostile.md:5: front matter: url: must be an http(s) URL without spaces, quotes, backslashes, backticks, < or >; file skipped',
    ]);
  });
});
