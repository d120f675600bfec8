import { Events } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBot } from '../../src/discord/bot.ts';
import { LiveEngine } from '../../src/live/live-engine.ts';
import { copyOfCorpus } from '../core/helpers.ts';
import {
  BOT_USER_OBJECT,
  CHANNEL_ID,
  DM_CHANNEL_ID,
  FakeDiscord,
  type FakeUser,
  INTENTS,
} from './fake-discord.ts';
import { sentText } from './replies.ts';
import { startTestBot } from './test-bot.ts';

let fake: FakeDiscord;
let bot: RunningBot;
let live: LiveEngine;
let corpus: { dir: string; remove: () => Promise<void> };
const member: FakeUser = { id: '760000000000000001', username: 'reader' };
/** The content of every message the bot's client received, in order. */
const received: string[] = [];

beforeAll(async () => {
  // A copy: the bot logs the questions it answers beside its corpus.
  corpus = await copyOfCorpus();
  live = await LiveEngine.open(corpus.dir);
  // No privileged intent is switched on for this application.
  fake = new FakeDiscord({ privilegedIntents: 0 });
  await fake.start();
  bot = await startTestBot(fake, live, { readyTimeoutMs: 5_000 });
  bot.client.on(Events.MessageCreate, (message) => received.push(message.content));
}, 20_000);

afterAll(async () => {
  await bot?.stop();
  await fake?.stop();
  await live?.close();
  await corpus?.remove();
});

describe('without privileged intents', () => {
  it('logs in asking for no privileged intent', () => {
    const asked = fake.identifiedIntents.at(-1) ?? 0;
    expect(asked & INTENTS.MessageContent).toBe(0);
    expect(asked & INTENTS.GuildMembers).toBe(0);
    expect(asked & INTENTS.GuildPresences).toBe(0);
  });

  it('answers a question sent in a DM', async () => {
    fake.directMessage(member, 'Who is the UN special envoy for Syria?');
    const answer = await fake.waitFor((s) => s.kind === 'message' && s.key === DM_CHANNEL_ID);
    expect(sentText(answer)).toContain('Staffan de Mistura');
  });

  it('answers a mention; a message that does not mention the bot reaches it without content and gets no reply', async () => {
    fake.channelMessage(member, 'How many people have been killed in the Syrian conflict?', false);
    fake.channelMessage(
      member,
      `<@${BOT_USER_OBJECT.id}> How many people have been killed in the Syrian conflict?`,
      true,
    );
    const answer = await fake.waitFor((s) => s.kind === 'message' && s.key === CHANNEL_ID);
    expect(sentText(answer)).toContain('290,000');
    expect(received).toContain('');
    expect(received).not.toContain('How many people have been killed in the Syrian conflict?');
    expect(fake.sent.filter((s) => s.kind === 'message' && s.key === CHANNEL_ID)).toHaveLength(1);
  });
});
