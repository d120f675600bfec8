import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadCommands } from '../../src/discord/command-loader.ts';
import { deployCommands } from '../../src/discord/deploy.ts';
import { APP_ID, FakeDiscord, GUILD_ID, OTHER_GUILD_ID, TOKEN } from './fake-discord.ts';

let fake: FakeDiscord;
beforeAll(async () => {
  fake = new FakeDiscord();
  await fake.start();
});
afterAll(() => fake.stop());
beforeEach(() => {
  fake.sent.length = 0;
});

const base = { token: TOKEN, clientId: APP_ID, apiUrl: '' };
const deploy = async (guildId: string | undefined, moderatorGuildIds: string[]) =>
  deployCommands({ ...base, apiUrl: fake.apiUrl, guildId, moderatorGuildIds }, [
    ...(await loadCommands()).values(),
  ]);
/** The command names each PUT registered, by where: `global` or `guild:<id>`. */
const registered = () =>
  Object.fromEntries(
    fake.sent
      .filter((s) => s.kind === 'commands')
      .map((s) => [s.key, (s.body as unknown as Array<{ name: string }>).map((c) => c.name).sort()]),
  );
const EVERYONE = [
  'ask',
  'compare',
  'events',
  'help',
  'quotes',
  'settings',
  'sources',
  'speakers',
  'timeline',
];

describe('deploying the commands', () => {
  it('registers exactly the definitions recorded in fixtures/commands.json (names, options, limits)', async () => {
    const recorded = JSON.parse(
      await readFile(path.join(import.meta.dirname, 'fixtures', 'commands.json'), 'utf8'),
    );
    const json = [...(await loadCommands()).values()].map((c) => c.data.toJSON());
    expect(JSON.parse(JSON.stringify(json))).toEqual(recorded);
  });

  it('registers every command on a development server: /corpus limited to Manage Server and not offered in DMs', async () => {
    await deploy(GUILD_ID, [GUILD_ID]);
    expect(registered()).toEqual({ [`guild:${GUILD_ID}`]: [...EVERYONE, 'corpus'].sort() });
    const json = [...(await loadCommands()).values()].map((c) => c.data.toJSON());
    for (const c of json) {
      expect(c.contexts).toEqual(c.name === 'corpus' || c.name === 'settings' ? [0] : [0, 1]);
      expect(c.integration_types).toEqual([0]);
    }
    expect(json.find((c) => c.name === 'corpus')?.default_member_permissions).toBe('32');
    expect(json.find((c) => c.name === 'settings')?.default_member_permissions).toBe('32');
    expect(json.find((c) => c.name === 'ask')?.options?.map((o) => o.name)).toEqual([
      'question',
      'event',
      'source',
      'since',
      'until',
      'count',
      'private',
    ]);
  });

  it('registers the commands for everyone globally and /corpus only on the home servers', async () => {
    const done = await deploy(undefined, [GUILD_ID, OTHER_GUILD_ID]);
    expect(registered()).toEqual({
      global: EVERYONE,
      [`guild:${GUILD_ID}`]: ['corpus'],
      [`guild:${OTHER_GUILD_ID}`]: ['corpus'],
    });
    expect(done.map((d) => d.guildId)).toEqual([null, GUILD_ID, OTHER_GUILD_ID]);
  });

  it('registers /corpus nowhere when no home server is configured', async () => {
    await deploy(undefined, []);
    expect(registered()).toEqual({ global: EVERYONE });
  });
});
