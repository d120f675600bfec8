import { readdir, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBot } from '../../src/discord/bot.ts';
import { LiveEngine } from '../../src/live/live-engine.ts';
import { copyOfCorpus } from '../core/helpers.ts';
import {
  BOT_USER_OBJECT,
  CHANNEL_ID,
  FakeDiscord,
  type FakeUser,
  type InteractionPlace,
  MANAGER_PERMISSIONS,
  MEMBER_PERMISSIONS,
  messageObject,
  OTHER_GUILD_ID,
  type Sent,
} from './fake-discord.ts';
import { sentData, sentText } from './replies.ts';
import { startTestBot } from './test-bot.ts';

const STRING = 3;
const SUB_COMMAND = 1;

let fake: FakeDiscord;
let bot: RunningBot;
let live: LiveEngine;
let corpusDir: string;
let removeCorpus: () => Promise<void>;
let pages: Server;
let pagesUrl: string;
let n = 0;
/** A member who has not done anything yet (limits are per member). */
const newUser = (): FakeUser => ({ id: String(740000000000000000n + BigInt(++n)), username: `mod${n}` });

const data = sentData;
const text = sentText;

/** Runs /corpus <sub> and resolves with the bot's final word (the edit of a deferred reply). */
async function corpus(
  target: FakeDiscord,
  user: FakeUser,
  sub: string,
  options: unknown[],
  where: InteractionPlace = {},
): Promise<Sent> {
  const { id, token } = target.command(user, 'corpus', [{ name: sub, type: SUB_COMMAND, options }], {
    permissions: MANAGER_PERMISSIONS,
    ...where,
  });
  const first = await target.waitFor((s) => s.kind === 'callback' && s.key === id, 10_000);
  if (first.body.type !== 5) return first;
  return target.waitFor((s) => s.kind === 'edit' && s.key === token, 10_000);
}

/** The choices the bot offers for `/corpus <sub> doc:<typed>`. */
async function docChoices(user: FakeUser, sub: string, typed: string, where: InteractionPlace = {}) {
  const { id } = fake.command(
    user,
    'corpus',
    [{ name: sub, type: SUB_COMMAND, options: [{ name: 'doc', type: STRING, value: typed, focused: true }] }],
    { permissions: MANAGER_PERMISSIONS, autocomplete: true, ...where },
  );
  const reply = await fake.waitFor((s) => s.kind === 'callback' && s.key === id);
  expect(reply.body.type).toBe(8);
  return data(reply).choices ?? [];
}

/** Previews `/corpus add` of the test page `page` as `user`. */
const add = (user: FakeUser, page: string, where: InteractionPlace = {}) =>
  corpus(
    fake,
    user,
    'add',
    [
      { name: 'event', type: STRING, value: 'geneva-aug-2016' },
      { name: 'url', type: STRING, value: `${pagesUrl}/${page}` },
    ],
    where,
  );

/** Clicks Confirm or Cancel under `preview` as `user`, from `where`. */
async function click(
  preview: Sent,
  label: 'confirm' | 'cancel',
  user: FakeUser,
  where: InteractionPlace = {},
): Promise<Sent> {
  const customId = data(preview).components?.[0]?.components.find((c) => c.custom_id.includes(`:${label}:`))
    ?.custom_id as string;
  const message = messageObject(CHANNEL_ID, BOT_USER_OBJECT, data(preview) as Record<string, unknown>, {
    flags: 64,
  });
  const { id, token } = fake.click(user, customId, message, { permissions: MANAGER_PERMISSIONS, ...where });
  const first = await fake.waitFor((s) => s.kind === 'callback' && s.key === id, 10_000);
  if (first.body.type !== 6) return first;
  return fake.waitFor((s) => s.kind === 'edit' && s.key === token, 10_000);
}

beforeAll(async () => {
  ({ dir: corpusDir, remove: removeCorpus } = await copyOfCorpus());
  pages = createServer((req, res) => {
    const topic = (req.url ?? '/').slice(1).replace(/\W+/g, ' ');
    res
      .writeHead(200, { 'content-type': 'text/plain; charset=utf-8' })
      .end(
        `Report on ${topic}\n\n${`Officials said the ${topic} convoy reached the eastern districts on Tuesday, carrying flour and medicine for the winter. `.repeat(4)}\n`,
      );
  });
  pages.listen(0, '127.0.0.1');
  await new Promise((r) => pages.once('listening', r));
  pagesUrl = `http://127.0.0.1:${(pages.address() as AddressInfo).port}`;
  fake = new FakeDiscord();
  await fake.start();
  live = await LiveEngine.open(corpusDir);
  bot = await startTestBot(fake, live, {
    fetchPolicy: { allowHosts: ['127.0.0.1'], timeoutMs: 5000, maxBytes: 20_000 },
    pendingLimits: { perMember: 2, total: 3 },
    addRateLimit: { previews: 3, windowSeconds: 60 },
  });
});

afterAll(async () => {
  await bot?.stop();
  await fake?.stop();
  pages?.close();
  await removeCorpus();
});

describe('moderators are bound to the home servers', () => {
  it('refuses /corpus to a Manage Server member of another server, saying why; nothing changes', async () => {
    const before = live.engine;
    const outsider = newUser();
    const status = await corpus(fake, outsider, 'status', [], { guildId: OTHER_GUILD_ID });
    expect(data(status).flags).toBe(64);
    expect(text(status)).toContain('curated only from its home server(s); this server is not one of them');
    const id = before.corpus.articles[0]?.id as string;
    const removed = await corpus(fake, outsider, 'remove', [{ name: 'doc', type: STRING, value: id }], {
      guildId: OTHER_GUILD_ID,
    });
    expect(text(removed)).toContain('MODERATOR_GUILD_IDS');
    expect(live.engine).toBe(before);
    // The same member is a moderator in the home server.
    expect(text(await corpus(fake, outsider, 'status', []))).toContain('Corpus status');
  });

  it('refuses the Confirm button clicked from another server; the preview stays usable at home', async () => {
    const moderator = newUser();
    const preview = await add(moderator, 'aid-convoy-one');
    expect(text(preview)).toContain('Add this article?');
    const refused = await click(preview, 'confirm', moderator, { guildId: OTHER_GUILD_ID });
    expect(data(refused).flags).toBe(64);
    expect(text(refused)).toContain('this server is not one of them');
    expect(await readdir(corpusDir)).not.toContain(expect.stringContaining('aid-convoy-one'));
    expect(text(await click(preview, 'cancel', moderator))).toContain('Cancelled: nothing was written.');
  });

  it('offers no article to autocomplete in another server, nor to a member who is not a moderator', async () => {
    const user = newUser();
    expect((await docChoices(user, 'remove', '')).length).toBeGreaterThan(0);
    expect(await docChoices(user, 'remove', '', { guildId: OTHER_GUILD_ID })).toEqual([]);
    expect(await docChoices(user, 'restore', '', { permissions: MEMBER_PERMISSIONS })).toEqual([]);
    expect(await docChoices(user, 'remove', '', { permissions: MEMBER_PERMISSIONS })).toEqual([]);
  });

  it('refuses curation with how to turn it on when no home server is configured', async () => {
    const other = new FakeDiscord();
    await other.start();
    const unbound = await startTestBot(other, live, { moderatorGuildIds: [] });
    try {
      const reply = await corpus(other, newUser(), 'status', []);
      expect(data(reply).flags).toBe(64);
      expect(text(reply)).toContain('Curation is turned off');
      expect(text(reply)).toContain('sets MODERATOR_GUILD_IDS (comma-separated server ids) in .env');
    } finally {
      await unbound.stop();
      await other.stop();
    }
  });
});

describe('/corpus choices', () => {
  it('removes and restores an article whose name needs more than 100 characters, through its choices', async () => {
    const moderator = newUser();
    const id = `2016-09-12-example-wire-${'a-very-long-headline-about-the-geneva-talks-'.repeat(3)}end`;
    expect(`${id}.md`.length).toBeGreaterThan(100);
    await writeFile(
      path.join(corpusDir, `${id}.md`),
      '---\ntitle: "Long name"\nsource: "Example Wire"\ndate: "2016-09-12"\nevent: geneva-aug-2016\n---\nThe long-named report says the envoys met at noon by the lake.\n',
    );
    expect(text(await corpus(fake, moderator, 'refresh', []))).toContain(`Added: ${id}`);
    const [removable] = await docChoices(moderator, 'remove', 'long name');
    expect(removable?.value.length).toBeLessThanOrEqual(100);
    const removed = await corpus(fake, moderator, 'remove', [
      { name: 'doc', type: STRING, value: removable?.value },
    ]);
    expect(text(removed)).toContain('Removed “Long name”');
    const [restorable] = await docChoices(moderator, 'restore', 'very-long');
    expect(restorable?.value.length).toBeLessThanOrEqual(100);
    const restored = await corpus(fake, moderator, 'restore', [
      { name: 'doc', type: STRING, value: restorable?.value },
    ]);
    expect(text(restored)).toContain('Restored.');
    expect(live.engine.corpus.articles.some((a) => a.id === id)).toBe(true);
  });
});

describe('/corpus add previews', () => {
  it('caps the previews awaiting Confirm per moderator and in all, saying what to do', async () => {
    const [a, b, c] = [newUser(), newUser(), newUser()];
    const previews = [await add(a, 'cap-one'), await add(a, 'cap-two')];
    const third = await add(a, 'cap-three');
    expect(text(third)).toBe(
      'You have 2 previews awaiting Confirm; confirm or cancel one (or let it expire after 15 minutes) before adding another.',
    );
    previews.push(await add(b, 'cap-four'));
    expect(text(await add(c, 'cap-five'))).toContain('The bot holds too many previews awaiting Confirm');
    // Cancelling one makes room; every preview is cancelled so that nothing is left waiting.
    await click(previews.shift() as Sent, 'cancel', a);
    previews.push(await add(c, 'cap-six'));
    expect(text(previews.at(-1) as Sent)).toContain('Add this article?');
    for (const [preview, user] of [
      [previews[0], a],
      [previews[1], b],
      [previews[2], c],
    ] as const)
      expect(text(await click(preview as Sent, 'cancel', user))).toContain('Cancelled');
  });

  it('limits how many articles a moderator previews in a window', async () => {
    const moderator = newUser();
    for (const page of ['rate-one', 'rate-two', 'rate-three']) {
      const preview = await add(moderator, page);
      expect(text(preview)).toContain('Add this article?');
      await click(preview, 'cancel', moderator);
    }
    const limited = await add(moderator, 'rate-four');
    expect(text(limited)).toMatch(
      /^You have previewed 3 articles in the last 60 seconds\. Please wait \d+ s and add again\.$/,
    );
    // Another moderator is not limited.
    const other = newUser();
    const preview = await add(other, 'rate-five');
    expect(text(preview)).toContain('Add this article?');
    await click(preview, 'cancel', other);
  });
});
