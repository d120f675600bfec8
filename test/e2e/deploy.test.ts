import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCommands } from '../../src/discord/command-loader.ts';
import { deployCommands } from '../../src/discord/deploy.ts';
import { APP_ID, FakeDiscord, GUILD_ID, TOKEN } from './fake-discord.ts';

let fake: FakeDiscord;
beforeAll(async () => {
  fake = new FakeDiscord();
  await fake.start();
});
afterAll(() => fake.stop());

describe('deploying the commands', () => {
  it('registers every command, usable in servers and DMs, with /corpus limited to Manage Server', async () => {
    const commands = [...(await loadCommands()).values()];
    const names = await deployCommands(
      { token: TOKEN, clientId: APP_ID, guildId: GUILD_ID, apiUrl: fake.apiUrl },
      commands,
    );
    expect(names.sort()).toEqual(['ask', 'compare', 'corpus', 'events', 'help', 'sources', 'timeline']);
    const put = fake.sent.find((s) => s.kind === 'commands');
    expect(put?.key).toBe(`guild:${GUILD_ID}`);
    const sentNames = ((put?.body ?? []) as unknown as Array<{ name: string }>).map((c) => c.name);
    expect(sentNames.sort()).toEqual(names.sort());
    const json = commands.map((c) => c.data.toJSON());
    for (const c of json) {
      expect(c.contexts).toEqual([0, 1]);
      expect(c.integration_types).toEqual([0]);
    }
    expect(json.find((c) => c.name === 'corpus')?.default_member_permissions).toBe('32');
    expect(json.find((c) => c.name === 'ask')?.options?.map((o) => o.name)).toEqual([
      'question',
      'event',
      'source',
      'since',
      'until',
      'count',
    ]);
  });

  it('registers globally when no server is given', async () => {
    const names = await deployCommands(
      { token: TOKEN, clientId: APP_ID, guildId: undefined, apiUrl: fake.apiUrl },
      [...(await loadCommands()).values()],
    );
    expect(names).toHaveLength(7);
    expect(fake.sent.filter((s) => s.kind === 'commands').map((s) => s.key)).toEqual([
      `guild:${GUILD_ID}`,
      'global',
    ]);
  });
});
