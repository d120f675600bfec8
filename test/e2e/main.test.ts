import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ID, FakeDiscord, TOKEN } from './fake-discord.ts';
import { startMain } from './start-main.ts';

let fake: FakeDiscord;

beforeAll(async () => {
  fake = new FakeDiscord();
  await fake.start();
});
afterAll(() => fake.stop());

describe('npm start', () => {
  it('without a token, says so and points to the local chat mode', async () => {
    const run = startMain({ DISCORD_TOKEN: '' });
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('No DISCORD_TOKEN is set');
    expect(run.output()).toContain('npm run -s cli -- chat');
  });

  it('with a malformed configuration, lists every problem and stops', async () => {
    const run = startMain({ DISCORD_TOKEN: TOKEN, LOG_LEVEL: 'loud', ASK_RATE_LIMIT: '-1' });
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('The configuration has 3 problems');
    expect(run.output()).toContain('DISCORD_CLIENT_ID is missing');
    expect(run.output()).not.toContain(TOKEN);
  });

  it('logs in, answers, and shuts down cleanly on SIGTERM without printing the token', async () => {
    const run = startMain({
      DISCORD_TOKEN: TOKEN,
      DISCORD_CLIENT_ID: APP_ID,
      DISCORD_API_URL: fake.apiUrl,
      LOG_LEVEL: 'info',
    });
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
  });
});
