import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBot } from '../../src/discord/bot.ts';
import { LiveEngine } from '../../src/live/live-engine.ts';
import {
  BOT_USER_OBJECT,
  CHANNEL_ID,
  FakeDiscord,
  type FakeUser,
  messageObject,
  type Sent,
} from './fake-discord.ts';
import { startTestBot } from './test-bot.ts';

const ROOT = path.join(import.meta.dirname, '..', '..');
const STRING = 3;
const member: FakeUser = { id: '710000000000000001', username: 'quoter' };
const RATE_LIMIT = 10;
let userCounter = 0;

/** A member who has not asked anything yet (the rate limit is per member). */
function newUser(): FakeUser {
  userCounter += 1;
  return { id: String(720000000000000000n + BigInt(userCounter)), username: `reader${userCounter}` };
}

let fake: FakeDiscord;
let bot: RunningBot;
let work: string;

type Body = {
  content?: string;
  flags?: number;
  embeds?: Array<{
    title?: string;
    description?: string;
    footer?: { text: string };
    fields?: Array<{ name: string; value: string }>;
  }>;
  components?: Array<{ components: Array<{ custom_id: string }> }>;
  choices?: Array<{ name: string; value: string }>;
};
const data = (s: Sent) => (s.body.data ?? s.body) as Body;

async function run(
  name: string,
  options: Array<{ name: string; value: unknown; focused?: boolean }>,
  where = {},
  user = member,
) {
  const { id } = fake.command(
    user,
    name,
    options.map((o) => ({ type: STRING, ...o })),
    where,
  );
  return data(await fake.waitFor((s) => s.kind === 'callback' && s.key === id));
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'coverage-quotes-'));
  const corpusDir = path.join(work, 'corpus');
  await cp(path.join(ROOT, 'corpus'), corpusDir, { recursive: true });
  fake = new FakeDiscord();
  await fake.start();
  bot = await startTestBot(fake, await LiveEngine.open(corpusDir), {
    readyTimeoutMs: 10_000,
    rateLimit: { questions: RATE_LIMIT, windowSeconds: 60 },
  });
});

afterAll(async () => {
  await bot?.stop();
  await fake?.stop();
  await rm(work, { recursive: true, force: true });
});

describe('/quotes and /speakers through a local fake Discord', () => {
  it('quotes what Lavrov said about the ceasefire, with who, how, outlet and date', async () => {
    const reply = await run('quotes', [
      { name: 'speaker', value: 'Sergei Lavrov' },
      { name: 'about', value: 'ceasefire' },
    ]);
    expect(reply.embeds?.[0]?.title).toBe('What Sergei Lavrov said about ceasefire');
    expect(reply.embeds?.[0]?.description?.split('\n').slice(0, 2)).toEqual([
      '**1.** “I don’t see any possibility of assuring a really durable, full-fledged ceasefire without the separation of healthy opposition forces from terrorists,”',
      '— **Sergei Lavrov, told journalists** · The BRICS Post · 27 Aug 2016 · Kerry–Lavrov talks in Geneva, August 2016',
    ]);
  });

  it('says which outlet names the speaker of a quotation its own article leaves unattributed', async () => {
    const reply = await run('quotes', [
      { name: 'speaker', value: 'kerry' },
      { name: 'about', value: 'not going to rush' },
    ]);
    expect(reply.embeds?.[0]?.description).toContain(
      '— **John Kerry (attributed by The BRICS Post)** · Unknown outlet',
    );
  });

  it('autocompletes speakers with their counts, and refuses an unknown one privately', async () => {
    const choices = await run('quotes', [{ name: 'speaker', value: 'lav', focused: true }], {
      autocomplete: true,
    });
    expect(choices.choices).toEqual([{ name: 'Sergei Lavrov (4)', value: 'Sergei Lavrov' }]);
    const refused = await run('quotes', [{ name: 'speaker', value: 'Nobody Known' }]);
    expect(refused.flags).toBe(64);
    expect(refused.embeds?.[0]?.description ?? refused.content).toContain(
      'quotes no one called “Nobody Known”',
    );
  });

  it('lists who is quoted in an event, how often and by which outlets, in a DM too', async () => {
    const reply = await run('speakers', [{ name: 'event', value: 'march-2016-call' }], { dm: true });
    expect(reply.embeds?.[0]?.description).toBe(
      '**Russian Foreign Ministry**: 6 statements in nsnbc international, republished by Mondialisation.ca (4), Unknown outlet (2)\n**John Kerry**: 1 statement in Unknown outlet (1)',
    );
  });

  it('names the speaker of each excerpt /ask quotes, and puts the asked-about speaker first', async () => {
    const reply = await run('ask', [{ name: 'question', value: 'What did Lavrov say about the ceasefire?' }]);
    expect(reply.embeds?.[0]?.description?.split('\n')[1]).toBe(
      '— Sergei Lavrov · **The BRICS Post** · 27 Aug 2016 · Kerry–Lavrov talks in Geneva, August 2016',
    );
  });

  it('/compare by speaker sets each speaker’s statement side by side', async () => {
    const reply = await run('compare', [
      { name: 'question', value: 'What was said about the ceasefire?' },
      { name: 'by', value: 'speaker' },
    ]);
    expect(reply.embeds?.[0]?.title).toBe('Who said what: What was said about the ceasefire?');
    const names = reply.embeds?.[0]?.fields?.map((f) => f.name) ?? [];
    expect(names.slice(0, 2)).toEqual(['Sergei Lavrov', 'John Kerry']);
    expect(new Set(names).size).toBe(names.length);
    expect(reply.embeds?.[0]?.fields?.[0]?.value).toContain('— **The BRICS Post** · 27 Aug 2016');
  });

  /** Clicks the More button of `reply` as `user` and returns the bot's callback. */
  async function clickMore(reply: Body, user: FakeUser) {
    const customId = reply.components?.[0]?.components[0]?.custom_id ?? '';
    const message = messageObject(CHANNEL_ID, BOT_USER_OBJECT, reply as Record<string, unknown>);
    const { id } = fake.click(user, customId, message);
    return data(await fake.waitFor((s) => s.kind === 'callback' && s.key === id));
  }

  const ministry = [
    { name: 'speaker', value: 'Russian Foreign Ministry' },
    { name: 'about', value: 'Syrian United Nations' },
    { name: 'event', value: 'march-2016-call' },
    { name: 'count', value: 3, type: 4 },
  ];

  it('pages /quotes with More, keeping the speaker, topic and filters the footer carries', async () => {
    const asker = newUser();
    const first = await run('quotes', ministry, {}, asker);
    expect(first.components?.[0]?.components[0]?.custom_id).toBe(`quotes-more:3:3:${asker.id}`);
    expect(first.embeds?.[0]?.footer?.text).toBe(
      'Quotes of: Russian Foreign Ministry\nAbout: Syrian United Nations\nFilters: event:march-2016-call',
    );
    const next = await clickMore(first, asker);
    expect(next.flags ?? 0).toBe(0);
    expect(next.embeds?.[0]?.title).toBe('What Russian Foreign Ministry said about Syrian United Nations');
    expect(next.embeds?.[0]?.description?.split('\n')[0]).toBe(
      '**4.** …Initiatives would be supportive of actions taken by the United Nations',
    );
    expect(next.embeds?.[0]?.description).not.toContain('**3.**');
    expect(next.embeds?.[0]?.footer?.text).toBe(first.embeds?.[0]?.footer?.text);
    // The last page offers no More.
    expect(next.components ?? []).toEqual([]);
  });

  it('shows a member other than the asker the next /quotes page privately', async () => {
    const first = await run('quotes', ministry, {}, newUser());
    const theirs = await clickMore(first, newUser());
    expect(theirs.flags).toBe(64);
    expect(theirs.embeds?.[0]?.description).toMatch(/^\*\*4\.\*\* /);
  });

  it('counts each /quotes page against the clicking member’s question limit', async () => {
    const first = await run('quotes', ministry, {}, newUser());
    const clicker = newUser();
    for (let i = 0; i < RATE_LIMIT; i++) expect((await clickMore(first, clicker)).embeds).toHaveLength(1);
    const limited = await clickMore(first, clicker);
    expect(limited.flags).toBe(64);
    expect(limited.content).toMatch(
      new RegExp(`^You have asked ${RATE_LIMIT} questions in the last 60 seconds\\.`),
    );
  });
});
