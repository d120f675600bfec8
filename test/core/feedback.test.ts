import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { coverageReport } from '../../src/curation/coverage-report.ts';
import { buildIndex, loadCorpus } from '../../src/library.ts';
import type { LoggedQuestion, Vote } from '../../src/store/member-data.ts';
import { CORPUS_DIR, tempDir } from './helpers.ts';

const ROOT = path.join(import.meta.dirname, '..', '..');
const run = promisify(execFile);

const at = '2026-01-01T00:00:00.000Z';
function vote(question: string, v: 'up' | 'down', docIds: string[], extra: Partial<Vote> = {}): Vote {
  return {
    at,
    answerId: `answer-${question}`,
    voter: 'hash-a',
    vote: v,
    reason: null,
    question,
    filters: {},
    command: 'ask',
    noAnswer: docIds.length === 0,
    excerpts: docIds.map((docId, i) => ({ docId, score: 10 - i })),
    corpusVersion: 'v1',
    ...extra,
  };
}

describe('npm run eval -- --feedback FILE', () => {
  it('prints how many 👎 answers now change and how many 👍 answers would be lost', async () => {
    const index = buildIndex(await loadCorpus(CORPUS_DIR));
    const now = (q: string) => index.ask(q, { count: 3 }).results.map((e) => e.docId);
    const lavrov = 'What did Lavrov say about terrorists?';
    const envoy = 'Who is the UN special envoy for Syria?';
    const votes = [
      // 👎 on what the corpus still answers: unchanged.
      vote(lavrov, 'down', now(lavrov)),
      // 👎 on an excerpt the corpus no longer gives first: changed.
      vote(envoy, 'down', ['an-article-since-removed', ...now(envoy).slice(1)]),
      // 👎 on a no-answer the corpus still gives: unchanged.
      vote('What is the recipe for chocolate cake?', 'down', []),
      // 👍 whose first excerpt still comes first: kept.
      vote('What did Kerry say?', 'up', now('What did Kerry say?')),
      // 👍 on an answer whose first excerpt is gone: lost.
      vote('Who met in Geneva?', 'up', ['an-article-since-removed']),
      // The same voter's earlier 👍 on the first answer, replaced by the 👎 above (written later).
      { ...vote(lavrov, 'up', now(lavrov)), at: '2025-12-31T00:00:00.000Z' },
    ];
    const lines = [votes.at(-1), ...votes.slice(0, -1)].map((v) => JSON.stringify(v));
    const temp = await tempDir();
    try {
      const file = path.join(temp.dir, 'feedback.log');
      await writeFile(file, `${lines.join('\n')}\nnot json\n`);
      const { stdout } = await run(
        'npx',
        ['tsx', 'scripts/eval.ts', '--feedback', file, '--corpus', CORPUS_DIR],
        {
          cwd: ROOT,
        },
      );
      expect(stdout).toContain('👎 answers that now change: 1 of 3');
      expect(stdout).toContain('👍 answers that would be lost: 1 of 2');
      expect(stdout).toContain('unreadable lines skipped: 1');
    } finally {
      await temp.remove();
    }
  }, 60_000);
});

describe('the coverage report', () => {
  const q = (question: string, noAnswer: boolean): LoggedQuestion => ({
    at,
    question,
    filters: {},
    command: 'ask',
    noAnswer,
  });

  it('groups unanswered questions by topic words, most asked first, and ranks answers by 👎', () => {
    const report = coverageReport(
      [
        q('How much does a cake cost?', true),
        q('Who met in Geneva?', false),
        q('What does a cake cost', true),
        q('Who met in Geneva', false),
        q('Who met in Geneva?', false),
        q('Is it raining?', true),
      ],
      [
        vote('Who met in Geneva?', 'down', ['a'], { voter: 'x', reason: { excerpt: 1 } }),
        vote('Who met in Geneva?', 'down', ['a'], { voter: 'y', reason: 'should-say-no-answer' }),
        vote('Who met in Geneva?', 'up', ['a'], { voter: 'z' }),
        vote('Is it raining?', 'down', [], { voter: 'x' }),
      ],
    );
    expect(report.mostAsked.map((l) => [l.question, l.count])).toEqual([
      ['Who met in Geneva?', 3],
      ['How much does a cake cost?', 1],
      ['What does a cake cost', 1],
      ['Is it raining?', 1],
    ]);
    expect(report.unanswered.map((l) => [l.topic, l.count])).toEqual([
      ['cake cost', 2],
      ['rain', 1],
    ]);
    expect(report.mostDown).toEqual([
      {
        question: 'Who met in Geneva?',
        count: 2,
        up: 1,
        reasons: ['excerpt 1 missed', 'should say no answer'],
      },
      { question: 'Is it raining?', count: 1, up: 0, reasons: [] },
    ]);
  });
});
