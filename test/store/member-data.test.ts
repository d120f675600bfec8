/**
 * Member data behaves the same in a corpus folder and in PostgreSQL: a server's settings, votes
 * (one per member and answer, a later one replacing the earlier), the question log, the salt.
 */
import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { FolderMemberData } from '../../src/store/folder-member-data.ts';
import type { MemberData, Vote } from '../../src/store/member-data.ts';
import { voterHash } from '../../src/store/member-data.ts';
import { PgMemberData } from '../../src/store/pg/pg-member-data.ts';
import { bothStores } from './both-stores.ts';

const backends = bothStores('members');

function vote(answerId: string, voter: string, v: 'up' | 'down', at: string): Vote {
  return {
    at,
    answerId,
    voter,
    vote: v,
    reason: v === 'down' ? { excerpt: 2 } : null,
    question: 'Who met?',
    filters: { event: 'geneva-aug-2016' },
    command: 'ask',
    noAnswer: false,
    excerpts: [{ docId: 'doc-1', score: 3.5 }],
    corpusVersion: '7',
  };
}

const stores: Array<[string, () => MemberData]> = [
  ['a corpus folder', () => new FolderMemberData(backends.folder)],
  ['PostgreSQL', () => new PgMemberData(backends.pg.pool)],
];

describe.each(stores)('member data in %s', (_name, open) => {
  it('keeps each server’s settings, the defaults for a server never set', async () => {
    const data = open();
    expect(await data.settings('200000000000000111')).toEqual({ privateAnswers: false });
    await data.saveSettings('200000000000000111', { privateAnswers: true });
    await data.saveSettings('200000000000000222', { privateAnswers: true });
    await data.saveSettings('200000000000000222', { privateAnswers: false });
    expect(await open().settings('200000000000000111')).toEqual({ privateAnswers: true });
    expect(await open().settings('200000000000000222')).toEqual({ privateAnswers: false });
  });

  it('keeps one vote per member and answer: a later vote replaces the earlier', async () => {
    const data = open();
    await data.saveVote(vote('m1', 'v1', 'up', '2026-02-01T10:00:00.000Z'));
    await data.saveVote(vote('m1', 'v2', 'up', '2026-02-01T10:00:01.000Z'));
    await data.saveVote(vote('m1', 'v1', 'down', '2026-02-01T10:00:02.000Z'));
    expect((await data.voteOf('m1', 'v1'))?.vote).toBe('down');
    const votes = await open().votes('2026-02-01T00:00:00.000Z');
    expect(votes.map((v) => [v.answerId, v.voter, v.vote])).toEqual([
      ['m1', 'v2', 'up'],
      ['m1', 'v1', 'down'],
    ]);
    expect(votes[1]).toEqual(vote('m1', 'v1', 'down', '2026-02-01T10:00:02.000Z'));
    expect(await data.votes('2026-02-02T00:00:00.000Z')).toEqual([]);
  });

  it('logs questions in order and reads those of a period', async () => {
    const data = open();
    const q = (question: string, at: string) => ({
      at,
      question,
      filters: {},
      command: 'ask' as const,
      noAnswer: true,
    });
    await data.logQuestion(q('first?', '2026-03-01T00:00:00.000Z'));
    await data.logQuestion(q('second?', '2026-03-02T00:00:00.000Z'));
    expect((await open().questions('2026-03-01T12:00:00.000Z')).map((x) => x.question)).toEqual(['second?']);
  });

  it('makes one secret salt and keeps it; a member id never appears in what is stored', async () => {
    const salt = await open().salt();
    expect(salt).toMatch(/^[0-9a-f]{64}$/);
    expect(await open().salt()).toBe(salt);
    const hash = voterHash(salt, '710000000000000001');
    expect(hash).not.toContain('710000000000000001');
    expect(hash).not.toBe(voterHash('another salt', '710000000000000001'));
  });
});

describe('member data in a corpus folder', () => {
  it('lives in .log files beside the audit log, never read as coverage', async () => {
    const files = await readdir(backends.folder);
    expect(files).toEqual(
      expect.arrayContaining(['feedback.log', 'questions.log', 'server-settings.log', 'member-salt.log']),
    );
    const text = await readFile(`${backends.folder}/feedback.log`, 'utf8');
    expect(text.trim().split('\n')).toHaveLength(3);
    const { loadCorpus } = await import('../../src/library.ts');
    expect((await loadCorpus(backends.folder)).problems).toEqual([]);
  });
});
