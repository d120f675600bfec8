import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from './helpers.ts';

let work: { dir: string; remove: () => Promise<void> };

/** Runs the CLI with this file's saved indexes; resolves with its output and exit code. */
const cli = (args: string[]) => runCli(args, path.join(work.dir, 'cache'));

beforeAll(async () => {
  work = await tempDir('coverage-quotes-cli-');
});
afterAll(() => work.remove());

describe('quotes and speakers on the command line', () => {
  it('prints a speaker’s statement as the bot does, and one JSON object per statement with --json', async () => {
    const text = await cli(['quotes', 'lavrov', '--about', 'ceasefire', '--k', '1']);
    expect(text.stdout.split('\n').slice(0, 2)).toEqual([
      '1. “I don’t see any possibility of assuring a really durable, full-fledged ceasefire without the separation of healthy opposition forces from terrorists,”',
      '   — Sergei Lavrov, told journalists · The BRICS Post · 27 Aug 2016 · Kerry–Lavrov talks in Geneva, August 2016',
    ]);
    const json = await cli(['quotes', 'John Kerry', '--about', 'rush to an agreement', '--json']);
    const lines = json.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0]).toEqual({
      speaker: 'John Kerry',
      kind: 'direct',
      text: '“But we are not going to rush to an agreement until it satisfies fully the needs of the Syrian people”',
      docId: '2016-08-26-unknown-lavrov-kerry-begin-talks-in-geneva',
      source: null,
      date: '2016-08-26',
      event: 'geneva-aug-2016',
      attributedBy: 'The BRICS Post',
    });
  });

  it('lists speakers, and names known ones when asked for an unknown speaker', async () => {
    const speakers = await cli(['speakers', '--event', 'geneva-aug-2016']);
    expect(speakers.stdout).toContain(
      'Sergei Lavrov: 4 statements in The BRICS Post (3), Unknown outlet (1)',
    );
    const unknown = await cli(['quotes', 'Nobody']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no speaker “Nobody” in the coverage; try one of: John Kerry');
  });
});
