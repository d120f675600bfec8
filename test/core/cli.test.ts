import { spawn } from 'node:child_process';
import { cp, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from './helpers.ts';

const ROOT = path.join(import.meta.dirname, '..', '..');
let work: { dir: string; remove: () => Promise<void> };

/** Runs the CLI with this file's saved indexes; resolves with its output and exit code. */
const cli = (args: string[]) => runCli(args, path.join(work.dir, 'cache'));

beforeAll(async () => {
  work = await tempDir('coverage-cli-');
});
afterAll(() => work.remove());

describe('the command line', () => {
  it('ask prints the excerpts with outlet, date, event and title', async () => {
    const { stdout, code } = await cli(['ask', 'What did Lavrov say about terrorists?']);
    expect(code).toBe(0);
    expect(stdout).toContain(
      '1. “I don’t see any possibility of assuring a really durable, full-fledged ceasefire',
    );
    expect(stdout).toContain(
      '— Sergei Lavrov · The BRICS Post · 27 Aug 2016 · Kerry–Lavrov talks in Geneva, August 2016',
    );
    expect(stdout).toContain('Kerry-Lavrov move forward on Syria talks');
    expect(stdout).toContain('Unknown outlet · about 26 Aug 2016');
  });

  it('ask says when the coverage does not answer, with the events it covers', async () => {
    const { stdout } = await cli(['ask', 'What is the recipe for chocolate cake?']);
    expect(stdout).toContain("The coverage doesn't answer that.");
    expect(stdout).toContain(
      'Kerry–Lavrov talks in Geneva, August 2016 (geneva-aug-2016), 26 Aug 2016 – 27 Aug 2016',
    );
  });

  it('ask --json prints the results as data', async () => {
    const { stdout } = await cli([
      'ask',
      '--json',
      '--k',
      '2',
      '--event',
      'march-2016-call',
      'Who initiated the phone call?',
    ]);
    const json = JSON.parse(stdout);
    expect(json.noAnswer).toBe(false);
    expect(json.results).toHaveLength(2);
    expect(json.results[0].text).toContain('initiated by the American side');
    expect(json.results[0]).toMatchObject({
      source: 'nsnbc international, republished by Mondialisation.ca',
      date: '2016-03-07',
      event: 'march-2016-call',
      url: null,
    });
  });

  it('ask --batch answers JSONL line for line, in order, and nothing else on stdout', async () => {
    const file = path.join(work.dir, 'questions.jsonl');
    await writeFile(
      file,
      [
        JSON.stringify({ id: 'q1', question: 'How many people have been killed in the Syrian conflict?' }),
        JSON.stringify({ id: 'q2', question: 'What is the recipe for chocolate cake?' }),
        'not json',
        JSON.stringify({
          id: 'q4',
          question: 'Who is the UN special envoy for Syria?',
          event: 'geneva-aug-2016',
          since: '2016-08-26',
          until: '2016-08-26',
        }),
        JSON.stringify({ id: 'q5', question: 'x', since: '26/08/2016' }),
      ].join('\n'),
    );
    const { stdout, stderr, code } = await cli(['ask', '--batch', file, '--k', '3']);
    expect(code).toBe(0);
    const lines = stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['q1', 'q2', null, 'q4', 'q5']);
    const [q1, q2, bad, q4, q5] = lines;
    expect(Object.keys(q1)).toEqual(['id', 'noAnswer', 'results']);
    expect(q1.noAnswer).toBe(false);
    expect(Object.keys(q1.results[0])).toEqual([
      'text',
      'docId',
      'title',
      'source',
      'date',
      'url',
      'event',
      'score',
      'alsoIn',
      'speaker',
    ]);
    expect(q1.results[0]).toMatchObject({
      source: 'NDTV (AFP copy)',
      date: '2016-08-26',
      url: null,
      event: 'geneva-aug-2016',
    });
    expect(q1.results[0].text).toContain('290,000');
    expect(q1.results[0].text).not.toMatch(/\*\*|__/);
    expect(q2).toEqual({ id: 'q2', noAnswer: true, results: [] });
    expect(bad.noAnswer).toBe(true);
    expect(bad.error).toMatch(/not valid JSON/);
    expect(q4.results.every((r: { date: string }) => r.date === '2016-08-26')).toBe(true);
    expect(q5.error).toMatch(/since: must be a date/);
    expect(stderr).toMatch(/questions\.jsonl:3: not valid JSON/);
  });

  it('ask --batch gives a JSONL record its own id as docId', async () => {
    const corpus = path.join(work.dir, 'jsonl-corpus');
    await mkdir(corpus);
    await writeFile(
      path.join(corpus, 'bulk.jsonl'),
      ['Tesla was born in Smiljan.', 'Warsaw is the capital of Poland.', 'The Normans came from Normandy.']
        .map((text, i) => JSON.stringify({ id: `rec-${i}`, title: `Record ${i}`, text }))
        .join('\n'),
    );
    const file = path.join(work.dir, 'one.jsonl');
    await writeFile(file, JSON.stringify({ id: 1, question: 'Where was Tesla born?' }));
    const { stdout } = await cli(['ask', '--batch', file, '--corpus', corpus]);
    const line = JSON.parse(stdout);
    expect(line.id).toBe('1');
    expect(line.results[0]).toMatchObject({
      docId: 'rec-0',
      source: null,
      date: null,
      event: null,
      alsoIn: [],
    });
  });

  it('ask and ask --batch name the other outlets feeds found reporting an article; other results are as before', async () => {
    const corpus = path.join(work.dir, 'reported-corpus');
    await cp(path.join(ROOT, 'corpus'), corpus, { recursive: true });
    const brics = '2016-08-27-the-brics-post-kerry-lavrov-move-forward-on-syria-talks.md';
    const copy = {
      title: 'Talks',
      date: null,
      feedUrl: 'https://wire.example/rss',
      at: '2016-08-28T00:00:00Z',
    };
    await writeFile(
      path.join(corpus, 'feeds.json'),
      JSON.stringify({
        feeds: [],
        queue: [],
        alsoReported: [
          { ...copy, article: brics, url: 'https://wire.example/a', source: 'Syria *Wire* Monitor' },
          { ...copy, article: brics, url: 'https://wire.example/b', source: 'The BRICS Post' },
        ],
      }),
    );
    const question = 'What did Lavrov say about terrorists?';
    const { stdout } = await cli(['ask', '--corpus', corpus, question]);
    expect(stdout).toContain('Also reported by Syria *Wire* Monitor');
    const file = path.join(work.dir, 'reported.jsonl');
    await writeFile(file, JSON.stringify({ id: 1, question }));
    const line = JSON.parse((await cli(['ask', '--batch', file, '--k', '3', '--corpus', corpus])).stdout);
    const bricsResult = line.results.find((r: { docId: string }) => brics.startsWith(r.docId));
    expect(bricsResult?.reportedBy).toEqual(['Syria *Wire* Monitor']);
    // Excerpts of other articles carry no new field: the batch contract is as it was for them.
    for (const r of line.results as Array<{ docId: string }>)
      expect('reportedBy' in r).toBe(brics.startsWith(r.docId));
    expect(line.results.some((r: { docId: string }) => !brics.startsWith(r.docId))).toBe(true);
  });

  it('corpus check passes on the built-in corpus and fails with path:line on a broken one', async () => {
    const good = await cli(['corpus', 'check']);
    expect(good.code).toBe(0);
    expect(good.stdout).toContain('5 articles, 54 passages, 2 events');
    expect(good.stdout).toContain('No problems found.');
    const broken = path.join(work.dir, 'broken');
    await mkdir(broken);
    await writeFile(path.join(broken, 'a.md'), '---\ntitle: Fine\n---\nA fine article.\n');
    await writeFile(path.join(broken, 'b.md'), '---\ntitle: Bad\ndate: "2016-13-01"\n---\nText.\n');
    const bad = await cli(['corpus', 'check', '--corpus', broken]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('1 articles');
    expect(bad.stdout).toMatch(/b\.md:3: front matter: date: must be a real date/);
  });

  it('rejects a malformed option with a friendly message and exit code 2', async () => {
    const { stderr, code } = await cli(['ask', '--since', 'last week', 'Who met?']);
    expect(code).toBe(2);
    expect(stderr).toContain('error: --since must be a date written as YYYY-MM-DD, e.g. 2016-08-26');
    expect(stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('rejects a date range given backwards, as the bot does, with exit code 2', async () => {
    const { stderr, code } = await cli(['ask', '--since', '2016-09-01', '--until', '2016-08-01', 'Who met?']);
    expect(code).toBe(2);
    expect(stderr).toContain('error: --since is after --until; swap them');
  });

  it('lists events, sources and an event timeline', async () => {
    expect((await cli(['events'])).stdout).toContain(
      'Kerry–Lavrov call, March 2016 (march-2016-call)\n  2 articles, 4 Mar 2016 – 7 Mar 2016',
    );
    expect((await cli(['sources'])).stdout).toContain(
      'The BRICS Post: 1 article, 27 Aug 2016 (geneva-aug-2016)',
    );
    const timeline = (await cli(['timeline', 'geneva-aug-2016'])).stdout;
    expect(timeline.split('\n').slice(1, 4)).toEqual([
      '26 Aug 2016 · NDTV (AFP copy) · John Kerry, Sergei Lavrov Kick Off Syria Talks In Geneva',
      'about 26 Aug 2016 · Unknown outlet · Lavrov, Kerry begin talks in Geneva',
      '27 Aug 2016 · The BRICS Post · Kerry-Lavrov move forward on Syria talks',
    ]);
  });

  it('chat answers questions typed on standard input, with paging', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'chat'], {
      cwd: ROOT,
      env: { ...process.env, INDEX_CACHE_DIR: path.join(work.dir, 'cache') },
    });
    child.stdin.end('Who is the UN special envoy for Syria?\nmore\nrecipe for chocolate cake\nquit\n');
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    await new Promise((resolve) => child.on('close', resolve));
    expect(out).toContain('the UN special envoy for Syria Staffan de Mistura');
    expect(out).toContain("The coverage doesn't answer that.");
  });
});
