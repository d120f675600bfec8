/**
 * The buttons under answers, end to end through the fake Discord with the real client: private
 * answers and Share, the server's default from /settings, 👍/👎 stored and replaced, follow-ups in
 * a thread and in DMs.
 */
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBot } from '../../src/discord/bot.ts';
import { LiveEngine } from '../../src/live/live-engine.ts';
import {
  BOT_USER_OBJECT,
  CHANNEL_ID,
  DM_CHANNEL_ID,
  FakeDiscord,
  type FakeUser,
  MANAGER_PERMISSIONS,
  messageObject,
  type Sent,
} from './fake-discord.ts';
import { startTestBot } from './test-bot.ts';

const ROOT = path.join(import.meta.dirname, '..', '..');
const STRING = 3;
const BOOLEAN = 5;
const EPHEMERAL = 64;
/** Where the folder store keeps votes: beside the audit log. */
const FEEDBACK_FILE = 'feedback.log';

let fake: FakeDiscord;
let bot: RunningBot;
let live: LiveEngine;
let work: string;
let corpusDir: string;
let userCounter = 0;

function newUser(): FakeUser {
  userCounter += 1;
  return { id: String(710000000000000000n + BigInt(userCounter)), username: `asker${userCounter}` };
}

type Body = {
  content?: string;
  embeds?: Array<{ title?: string; description?: string; footer?: { text: string } }>;
  components?: Array<{ components: Array<{ custom_id: string; label?: string; options?: unknown[] }> }>;
  flags?: number;
  allowed_mentions?: unknown;
};
const data = (s: Sent) => (s.body.data ?? s.body) as Body;
const callbackOf = (id: string) => fake.waitFor((s) => s.kind === 'callback' && s.key === id);
const customIds = (s: Sent) =>
  (data(s).components ?? []).flatMap((r) => r.components.map((c) => c.custom_id));
const buttonId = (s: Sent, prefix: string) => {
  const id = customIds(s).find((c) => c.startsWith(prefix));
  if (id === undefined) throw new Error(`no ${prefix} button in ${JSON.stringify(customIds(s))}`);
  return id;
};
/** The message a member sees for a reply the bot sent (private replies carry the ephemeral flag). */
const asMessage = (s: Sent) =>
  messageObject(CHANNEL_ID, BOT_USER_OBJECT, data(s) as Record<string, unknown>, {
    flags: data(s).flags ?? 0,
  });

async function ask(
  user: FakeUser,
  question: string,
  extra: Array<{ name: string; type: number; value: unknown }> = [],
) {
  return callbackOf(
    fake.command(user, 'ask', [{ name: 'question', type: STRING, value: question }, ...extra]).id,
  );
}

async function storedVotes(): Promise<Array<Record<string, unknown>>> {
  const text = await readFile(path.join(corpusDir, FEEDBACK_FILE), 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'coverage-actions-'));
  corpusDir = path.join(work, 'corpus');
  await cp(path.join(ROOT, 'corpus'), corpusDir, { recursive: true });
  fake = new FakeDiscord();
  await fake.start();
  live = await LiveEngine.open(corpusDir);
  bot = await startTestBot(fake, live, { readyTimeoutMs: 10_000 });
});

afterAll(async () => {
  await bot?.stop();
  await fake?.stop();
  await rm(work, { recursive: true, force: true });
});

describe('private answers and Share', () => {
  it('answers /ask private:true privately; Share posts it once, asked by the member, pinging nobody', async () => {
    const asker = newUser();
    const reply = await ask(asker, 'What did Lavrov say about terrorists?', [
      { name: 'private', type: BOOLEAN, value: true },
    ]);
    expect(data(reply).flags).toBe(EPHEMERAL);
    const answer = asMessage(reply);
    const share = buttonId(reply, 'share:');

    const stranger = await callbackOf(fake.click(newUser(), share, answer).id);
    expect(data(stranger).flags).toBe(EPHEMERAL);
    expect(data(stranger).content).toBe('These buttons belong to another member’s private answer.');

    const shared = await callbackOf(fake.click(asker, share, answer).id);
    expect(shared.body.type).toBe(4);
    expect(data(shared).flags ?? 0).toBe(0);
    expect(data(shared).content).toBe(`Asked by <@${asker.id}>`);
    expect(data(shared).allowed_mentions).toEqual({ parse: [] });
    expect(data(shared).embeds?.[0]?.description).toBe(data(reply).embeds?.[0]?.description);
    expect(customIds(shared).some((c) => c.startsWith('share:'))).toBe(false);
    expect(customIds(shared).some((c) => c.startsWith('follow:'))).toBe(true);

    const again = await callbackOf(fake.click(asker, share, answer).id);
    expect(data(again).flags).toBe(EPHEMERAL);
    expect(data(again).content).toBe('You already shared this answer in the channel.');
    const posted = fake.sent.filter(
      (s) => s.kind === 'callback' && data(s).content === `Asked by <@${asker.id}>`,
    );
    expect(posted).toHaveLength(1);
  });

  it('answers privately by default once a moderator turns private_answers on with /settings', async () => {
    const member = newUser();
    const refused = await callbackOf(
      fake.command(member, 'settings', [{ name: 'private_answers', type: BOOLEAN, value: true }]).id,
    );
    expect(data(refused).flags).toBe(EPHEMERAL);
    expect(data(refused).content).toMatch(/^Only moderators/);
    expect((await ask(newUser(), 'Who met in Geneva?')).body.data).not.toMatchObject({ flags: EPHEMERAL });

    const moderator = newUser();
    const saved = await callbackOf(
      fake.command(moderator, 'settings', [{ name: 'private_answers', type: BOOLEAN, value: true }], {
        permissions: MANAGER_PERMISSIONS,
      }).id,
    );
    expect(data(saved).content).toMatch(/^Saved\. `private_answers`: \*\*on\*\*/);
    try {
      const byDefault = await ask(newUser(), 'Who met in Geneva?');
      expect(data(byDefault).flags).toBe(EPHEMERAL);
      expect(customIds(byDefault).some((c) => c.startsWith('share:'))).toBe(true);
      const chosen = await ask(newUser(), 'Who met in Geneva?', [
        { name: 'private', type: BOOLEAN, value: false },
      ]);
      expect(data(chosen).flags ?? 0).toBe(0);
      const shown = await callbackOf(
        fake.command(moderator, 'settings', [], { permissions: MANAGER_PERMISSIONS }).id,
      );
      expect(data(shown).content).toContain('`private_answers`: **on**');
    } finally {
      await callbackOf(
        fake.command(moderator, 'settings', [{ name: 'private_answers', type: BOOLEAN, value: false }], {
          permissions: MANAGER_PERMISSIONS,
        }).id,
      );
    }
  });
});

describe('feedback on answers', () => {
  it('stores a vote with the question, filters, excerpts and corpus version, the member only hashed; a new vote replaces it', async () => {
    const asker = newUser();
    const reply = await ask(asker, 'What did Kerry say?', [
      { name: 'event', type: STRING, value: 'geneva-aug-2016' },
    ]);
    const answer = asMessage(reply);
    const up = await callbackOf(fake.click(asker, buttonId(reply, 'vote:up:'), answer).id);
    expect(data(up).flags).toBe(EPHEMERAL);
    expect(data(up).content).toBe('Thanks: your 👍 on this answer is recorded.');

    const down = await callbackOf(fake.click(asker, buttonId(reply, 'vote:down:'), answer).id);
    expect(data(down).flags).toBe(EPHEMERAL);
    expect(data(down).content).toMatch(
      /^Thanks: your 👎 on this answer is recorded\. It replaces your earlier 👍\./,
    );
    const menu = data(down).components?.[0]?.components[0];
    expect(menu?.custom_id).toMatch(/^why:\d+$/);
    expect(menu?.options?.length).toBe(4);

    const menuMessage = messageObject(CHANNEL_ID, BOT_USER_OBJECT, data(down) as Record<string, unknown>, {
      flags: EPHEMERAL,
    });
    const why = await callbackOf(fake.select(asker, menu?.custom_id ?? '', ['excerpt:2'], menuMessage).id);
    expect(why.body.type).toBe(7);
    expect(data(why).content).toBe('Thanks: noted that excerpt 2 missed.');

    const votes = (await storedVotes()).filter((v) => v.answerId === answer.id);
    const raw = await readFile(path.join(corpusDir, FEEDBACK_FILE), 'utf8');
    expect(raw).not.toContain(asker.id);
    const last = votes.at(-1) as Record<string, unknown>;
    expect(last).toMatchObject({
      vote: 'down',
      reason: { excerpt: 2 },
      question: 'What did Kerry say?',
      filters: { event: 'geneva-aug-2016' },
      command: 'ask',
      noAnswer: false,
      corpusVersion: live.version,
    });
    expect((last.excerpts as unknown[]).length).toBe(3);
    expect(last.excerpts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ docId: expect.any(String), score: expect.any(Number) }),
      ]),
    );
    // One voter on one answer: every line has the same hash, and only the last counts.
    expect(new Set(votes.map((v) => v.voter)).size).toBe(1);
  });

  it('lets another member vote on a public answer but not on a private one', async () => {
    const asker = newUser();
    const pub = await ask(asker, 'Who is the UN special envoy for Syria?');
    const other = newUser();
    const theirs = await callbackOf(fake.click(other, buttonId(pub, 'vote:up:'), asMessage(pub)).id);
    expect(data(theirs).content).toBe('Thanks: your 👍 on this answer is recorded.');
    const priv = await ask(asker, 'Who is the UN special envoy for Syria?', [
      { name: 'private', type: BOOLEAN, value: true },
    ]);
    const refused = await callbackOf(fake.click(other, buttonId(priv, 'vote:up:'), asMessage(priv)).id);
    expect(data(refused).content).toBe('These buttons belong to another member’s private answer.');
  });

  it('puts 👍 and 👎 under /compare and DM answers too', async () => {
    const compare = await callbackOf(
      fake.command(newUser(), 'compare', [{ name: 'question', type: STRING, value: 'What did Lavrov say?' }])
        .id,
    );
    expect(
      customIds(compare)
        .filter((c) => c.startsWith('vote:'))
        .map((c) => c.split(':').slice(0, 3).join(':')),
    ).toEqual(['vote:up:c', 'vote:down:c']);
    const user = newUser();
    fake.directMessage(user, 'Who is the UN special envoy for Syria?');
    const dm = await fake.waitFor(
      (s) => s.kind === 'message' && s.key === DM_CHANNEL_ID && customIds(s).some((c) => c.includes(user.id)),
    );
    expect(
      customIds(dm)
        .filter((c) => c.startsWith('vote:'))
        .map((c) => c.split(':').slice(0, 3).join(':')),
    ).toEqual(['vote:up:d', 'vote:down:d']);
    expect(customIds(dm).some((c) => c.startsWith('follow:') || c.startsWith('share:'))).toBe(false);
  });
});

describe('follow-ups', () => {
  it('opens a thread on an answer; questions typed there keep its filters unless they name their own', async () => {
    const asker = newUser();
    const reply = await ask(asker, 'What did Kerry say?', [
      { name: 'event', type: STRING, value: 'march-2016-call' },
    ]);
    const answer = asMessage(reply);
    const opened = await callbackOf(fake.click(asker, buttonId(reply, 'follow:'), answer).id);
    expect(data(opened).flags).toBe(EPHEMERAL);
    expect(data(opened).content).toBe(`Follow-up thread opened: <#${answer.id}>.`);
    const thread = await fake.waitFor((s) => s.kind === 'thread' && s.key === answer.id);
    expect(thread.body.name).toBe('What did Kerry say?');
    const intro = await fake.waitFor((s) => s.kind === 'message' && s.key === answer.id);
    expect(data(intro).content).toContain('They keep the filters `event:march-2016-call`');

    const again = await callbackOf(fake.click(newUser(), buttonId(reply, 'follow:'), answer).id);
    expect(data(again).content).toBe(`This answer already has a follow-up thread: <#${answer.id}>.`);

    // Discord withholds the content of thread messages that do not mention the bot.
    fake.threadMessage(asker, answer.id, 'What did Lavrov say?');
    fake.threadMessage(asker, answer.id, `<@${BOT_USER_OBJECT.id}> What did Lavrov say?`, true);
    const followUp = await fake.waitFor(
      (s) => s.kind === 'message' && s.key === answer.id && (data(s).embeds?.length ?? 0) > 0,
    );
    expect(data(followUp).embeds?.[0]?.footer?.text).toBe(
      'Asked: What did Lavrov say?\nFilters: event:march-2016-call',
    );
    expect(data(followUp).allowed_mentions).toEqual({ parse: [] });

    fake.threadMessage(
      asker,
      answer.id,
      `<@${BOT_USER_OBJECT.id}> event:geneva-aug-2016 Who is the UN special envoy?`,
      true,
    );
    const own = await fake.waitFor(
      (s) =>
        s.kind === 'message' &&
        s.key === answer.id &&
        (data(s).embeds?.[0]?.footer?.text ?? '').includes('UN special envoy'),
    );
    expect(data(own).embeds?.[0]?.footer?.text).toBe(
      'Asked: Who is the UN special envoy?\nFilters: event:geneva-aug-2016',
    );

    const slash = await callbackOf(
      fake.command(asker, 'ask', [{ name: 'question', type: STRING, value: 'Who spoke?' }], {
        threadId: answer.id,
      }).id,
    );
    expect(data(slash).embeds?.[0]?.footer?.text).toBe('Asked: Who spoke?\nFilters: event:march-2016-call');
  });

  it('carries a DM’s last filters to the member’s next question', async () => {
    const user = newUser();
    fake.directMessage(user, 'event:geneva-aug-2016 Who is the UN special envoy for Syria?');
    await fake.waitFor(
      (s) => s.kind === 'message' && s.key === DM_CHANNEL_ID && customIds(s).some((c) => c.endsWith(user.id)),
    );
    fake.directMessage(user, 'What did Lavrov say?');
    const next = await fake.waitFor(
      (s) =>
        s.kind === 'message' &&
        s.key === DM_CHANNEL_ID &&
        (data(s).embeds?.[0]?.footer?.text ?? '').startsWith('Asked: What did Lavrov say?') &&
        customIds(s).some((c) => c.endsWith(user.id)),
    );
    expect(data(next).embeds?.[0]?.footer?.text).toBe(
      'Asked: What did Lavrov say?\nFilters: event:geneva-aug-2016',
    );
  });
});

describe('what the coverage lacks', () => {
  it('/corpus report lists an unanswered question asked three times, with its topic words and count', async () => {
    for (const q of [
      'What is the recipe for chocolate cake?',
      'what is the recipe for chocolate cake',
      'What is the   recipe for chocolate cake?',
    ])
      expect(data(await ask(newUser(), q)).content).toContain("The coverage doesn't answer that.");
    const member = await callbackOf(
      fake.command(newUser(), 'corpus', [{ name: 'report', type: 1, options: [] }]).id,
    );
    expect(data(member).content).toMatch(/^Only moderators/);

    const { token } = fake.command(newUser(), 'corpus', [{ name: 'report', type: 1, options: [] }], {
      permissions: MANAGER_PERMISSIONS,
    });
    const report = await fake.waitFor((s) => s.kind === 'edit' && s.key === token);
    const embed = data(report).embeds?.[0] as {
      title?: string;
      fields?: Array<{ name: string; value: string }>;
    };
    expect(embed.title).toBe('What the coverage lacks: the last 30 days');
    const unanswered = embed.fields?.find((f) => f.name === 'Not answered by the coverage')?.value ?? '';
    expect(unanswered.split('\n')[0]).toBe(
      '**3×** “What is the recipe for chocolate cake?” — topic words: cake chocol recip',
    );
    const mostAsked = embed.fields?.find((f) => f.name === 'Most asked')?.value ?? '';
    expect(mostAsked).toContain('**3×** “What is the recipe for chocolate cake?”');
    expect(embed.fields?.find((f) => f.name === 'Most 👎')?.value).toContain('👎');
    expect(data(report).allowed_mentions).toEqual({ parse: [] });
  });
});
