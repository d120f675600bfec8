import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRUCE_ARTICLE, TRUCE_QUESTION } from '../core/helpers.ts';
import { FakeDiscord, TOKEN } from './fake-discord.ts';
import { botEnv, logEvents, startEntry } from './process.ts';

let fake: FakeDiscord;

beforeAll(async () => {
  fake = new FakeDiscord();
  await fake.start();
});
afterAll(() => fake.stop());

/** Starts `src/main.ts` as `npm start` does, with the given environment. */
const start = (env: Record<string, string>) => startEntry('src/main.ts', env);

describe('npm start', () => {
  it.each([
    ['npm start', 'src/main.ts'],
    ['npm run start:sharded', 'src/sharded.ts'],
  ])('%s without a token says so and points to the local chat mode', async (_, entry) => {
    const run = startEntry(entry, { DISCORD_TOKEN: '' });
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('No DISCORD_TOKEN is set');
    expect(run.output()).toContain('npm run -s cli -- chat');
  });

  it('with a malformed configuration, lists every problem and stops', async () => {
    const run = start({ DISCORD_TOKEN: TOKEN, LOG_LEVEL: 'loud', ASK_RATE_LIMIT: '-1' });
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('The configuration has 3 problems');
    expect(run.output()).toContain('DISCORD_CLIENT_ID is missing');
    expect(run.output()).not.toContain(TOKEN);
  });

  it('logs in, answers, and shuts down cleanly on SIGTERM without printing the token', async () => {
    const run = start(
      botEnv(fake.apiUrl, {
        LOG_LEVEL: 'info',
        // The setting for `npm run start:sharded`; a plain `npm start` leaves it alone.
        DISCORD_SHARD_COUNT: 'auto',
      }),
    );
    await run.waitFor('bot ready');
    const { id } = fake.command({ id: '710000000000000001', username: 'asker' }, 'ask', [
      { name: 'question', type: 3, value: 'Who is the UN special envoy for Syria?' },
    ]);
    const reply = await fake.waitFor((s) => s.kind === 'callback' && s.key === id, 10_000);
    expect(JSON.stringify(reply.body)).toContain('Staffan de Mistura');
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('shutting down');
    expect(run.output()).not.toContain(TOKEN);
    // Its output is not a terminal: every line is a JSON event.
    const lines = run.output().trimEnd().split('\n');
    const events = logEvents(run.output());
    expect(events).toHaveLength(lines.length);
    expect(events.map((e) => e.msg)).toEqual(
      expect.arrayContaining(['corpus ready', 'bot ready', 'shutting down']),
    );
    for (const event of events) expect(typeof event.time).toBe('string');
  });

  it('answers from an article saved into the corpus folder by hand, without /corpus refresh', async () => {
    const env = botEnv(fake.apiUrl, { LOG_LEVEL: 'info' });
    const run = start(env);
    await run.waitFor('bot ready');
    await writeFile(path.join(env.CORPUS_DIR as string, 'truce.md'), TRUCE_ARTICLE);
    await run.waitFor('corpus folder edited; now serving it');
    const { id } = fake.command({ id: '710000000000000002', username: 'asker' }, 'ask', [
      { name: 'question', type: 3, value: TRUCE_QUESTION },
    ]);
    const reply = await fake.waitFor((s) => s.kind === 'callback' && s.key === id, 10_000);
    expect(JSON.stringify(reply.body)).toContain('Eid al-Adha');
    expect(JSON.stringify(reply.body)).toContain('Example Wire');
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  });

  it('logs an unreachable database as JSON lines with the error and its cause, never the password', async () => {
    const password = 'pw-Zq7-never-logged';
    const run = start(
      botEnv(fake.apiUrl, {
        // Nothing listens on port 9 (discard): the connection is refused at once.
        DATABASE_URL: `postgres://bot:${password}@127.0.0.1:9/coverage`,
        DATABASE_WAIT_SECONDS: '0',
      }),
    );
    expect(await run.exited).toBe(1);
    const events = logEvents(run.output());
    expect(events).toHaveLength(run.output().trimEnd().split('\n').length);
    const failure = events.find((e) => e.level === 'error');
    expect(failure?.msg).toContain('could not reach the corpus database');
    expect(JSON.stringify(failure?.err)).toContain('ECONNREFUSED');
    expect(run.output()).not.toContain(password);
    expect(run.output()).not.toContain(TOKEN);
  });
});
