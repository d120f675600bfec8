import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBot } from '../../src/discord/bot.ts';
import { APOLOGY } from '../../src/discord/router.ts';
import { shownVersion } from '../../src/discord/shard-status.ts';
import { LiveEngine } from '../../src/live/live-engine.ts';
import { createLogger } from '../../src/log.ts';
import {
  BOT_USER_OBJECT,
  CHANNEL_ID,
  DM_CHANNEL_ID,
  FakeDiscord,
  type FakeUser,
  MANAGER_PERMISSIONS,
  MODERATOR_ROLE_ID,
  messageObject,
  type Sent,
  TOKEN,
} from './fake-discord.ts';
import { startTestBot } from './test-bot.ts';

const ROOT = path.join(import.meta.dirname, '..', '..');
const STRING = 3;
const SUB_COMMAND = 1;
const RATE_LIMIT = 4;

let fake: FakeDiscord;
let bot: RunningBot;
let live: LiveEngine;
let work: string;
let corpusDir: string;
const logLines: string[] = [];
let userCounter = 0;

/** A member who has not asked anything yet (the rate limit is per member). */
function newUser(): FakeUser {
  userCounter += 1;
  return { id: String(700000000000000000n + BigInt(userCounter)), username: `member${userCounter}` };
}

type Embed = {
  title?: string;
  description?: string;
  footer?: { text: string };
  fields?: Array<{ name: string; value: string }>;
};
const data = (s: Sent) =>
  (s.body.data ?? s.body) as {
    content?: string;
    embeds?: Embed[];
    components?: unknown[];
    flags?: number;
    allowed_mentions?: unknown;
    choices?: Array<{ name: string; value: string }>;
  };
const callbackOf = (id: string) => fake.waitFor((s) => s.kind === 'callback' && s.key === id);
const description = (s: Sent) => data(s).embeds?.[0]?.description ?? '';

async function ask(
  user: FakeUser,
  options: Array<{ name: string; type: number; value: unknown }>,
  where = {},
): Promise<Sent> {
  const { id } = fake.command(user, 'ask', options, where);
  return callbackOf(id);
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'coverage-e2e-'));
  corpusDir = path.join(work, 'corpus');
  await cp(path.join(ROOT, 'corpus'), corpusDir, { recursive: true });
  // The real commands, plus one whose handler throws, to test the catch around all commands.
  const commandsDir = path.join(work, 'commands');
  await mkdir(commandsDir);
  for (const name of ['ask', 'compare', 'corpus', 'events', 'help', 'sources', 'timeline']) {
    await writeFile(
      path.join(commandsDir, `${name}.ts`),
      `export { command } from ${JSON.stringify(path.join(ROOT, 'commands', `${name}.ts`))};\n`,
    );
  }
  await writeFile(
    path.join(commandsDir, 'boom.ts'),
    `import { SlashCommandBuilder } from 'discord.js';
export const command = {
  data: new SlashCommandBuilder().setName('boom').setDescription('Always fails')
    .addStringOption((o) => o.setName('what').setDescription('w').setAutocomplete(true)),
  async execute() { throw new Error('handler exploded on purpose'); },
  async autocomplete() { throw new Error('autocomplete exploded on purpose'); },
};\n`,
  );
  // And two that fail after deferring their reply, privately and publicly.
  for (const [name, flags] of [
    ['boomlater', 'MessageFlags.Ephemeral'],
    ['boomlaterpublic', '0'],
  ] as const)
    await writeFile(
      path.join(commandsDir, `${name}.ts`),
      `import { MessageFlags, SlashCommandBuilder } from 'discord.js';
export const command = {
  data: new SlashCommandBuilder().setName('${name}').setDescription('Fails after deferring'),
  async execute(interaction) {
    await interaction.deferReply({ flags: ${flags} });
    throw new Error('deferred handler exploded on purpose');
  },
};\n`,
    );
  fake = new FakeDiscord();
  await fake.start();
  live = await LiveEngine.open(corpusDir);
  const logger = createLogger('debug', [TOKEN], (line) => logLines.push(line));
  bot = await startTestBot(fake, live, {
    logger,
    moderatorRoleIds: [MODERATOR_ROLE_ID],
    rateLimit: { questions: RATE_LIMIT, windowSeconds: 60 },
    commandsDir,
    readyTimeoutMs: 10_000,
  });
});

afterAll(async () => {
  await bot?.stop();
  await fake?.stop();
  await rm(work, { recursive: true, force: true });
});

describe('the bot, end to end through a local fake Discord', () => {
  it('answers /ask in the initial response with quotes, outlet, date, event and a More button', async () => {
    const reply = await ask(newUser(), [
      { name: 'question', type: STRING, value: 'What did Lavrov say about terrorists?' },
    ]);
    expect(reply.body.type).toBe(4);
    expect(data(reply).flags ?? 0).toBe(0);
    const text = description(reply);
    expect(text).toContain(
      'full-fledged ceasefire without the separation of healthy opposition forces from **terrorists**',
    );
    expect(text).toContain(
      '— Sergei Lavrov · **The BRICS Post** · 27 Aug 2016 · Kerry–Lavrov talks in Geneva, August 2016',
    );
    expect(text).toContain('Unknown outlet');
    expect(data(reply).embeds?.[0]?.footer?.text).toBe(
      'Asked: What did Lavrov say about terrorists?\nFilters: none',
    );
    expect(data(reply).allowed_mentions).toEqual({ parse: [] });
    expect(JSON.stringify(data(reply).components)).toContain('"custom_id":"more:3:3:');
  });

  it('answers a question with typing slips, saying how it read them', async () => {
    const reply = await ask(newUser(), [
      { name: 'question', type: STRING, value: 'What did Lavorv say about terorists?' },
    ]);
    const text = description(reply);
    expect(text.split('\n')[0]).toBe(
      '-# Read from your question: “Lavorv” as “Lavrov” · “terorists” as “terrorists”',
    );
    expect(text).toContain('separation of healthy opposition forces from **terrorists**');
  });

  it('applies filters: every excerpt of an event-filtered answer is from that event', async () => {
    const reply = await ask(newUser(), [
      { name: 'question', type: STRING, value: 'What did Kerry and Lavrov agree?' },
      { name: 'event', type: STRING, value: 'march-2016-call' },
      { name: 'since', type: STRING, value: '2016-03-01' },
    ]);
    const text = description(reply);
    expect(text).toContain('Kerry–Lavrov call, March 2016');
    expect(text).not.toContain('Geneva, August 2016');
    expect(data(reply).embeds?.[0]?.footer?.text).toBe(
      'Asked: What did Kerry and Lavrov agree?\nFilters: event:march-2016-call since:2016-03-01',
    );
  });

  it('answers a malformed date option with a friendly ephemeral message', async () => {
    const reply = await ask(newUser(), [
      { name: 'question', type: STRING, value: 'Who met?' },
      { name: 'since', type: STRING, value: '26/08/2016' },
    ]);
    expect(data(reply).flags).toBe(64);
    expect(data(reply).content).toBe(
      '`since` must be a date written as YYYY-MM-DD, e.g. 2016-08-26 (you wrote “26/08/2016”).',
    );
  });

  it('says when the coverage does not answer, and what it covers', async () => {
    const reply = await ask(newUser(), [
      { name: 'question', type: STRING, value: 'What is the recipe for chocolate cake?' },
    ]);
    expect(data(reply).content).toContain("The coverage doesn't answer that. It covers:");
    expect(data(reply).content).toContain(
      '**Kerry–Lavrov talks in Geneva, August 2016** (`geneva-aug-2016`), 26 Aug 2016 – 27 Aug 2016',
    );
    expect(data(reply).content).not.toContain('Read from your question');
    // What it read from the question comes first, so that a misreading shows.
    const read = await ask(newUser(), [
      { name: 'question', type: STRING, value: 'What did NDTV report about Brexitt?' },
    ]);
    expect(data(read).content?.split('\n')[0]).toBe('-# Read from your question: outlet NDTV');
    expect(data(read).content).toContain("The coverage doesn't answer that. It covers:");
  });

  it('answers /events, /sources, /timeline and /compare', async () => {
    const events = await callbackOf(fake.command(newUser(), 'events', []).id);
    expect(data(events).embeds?.[0]?.fields?.[1]?.value).toContain('3 articles · 26 Aug 2016 – 27 Aug 2016');
    const sources = await callbackOf(fake.command(newUser(), 'sources', []).id);
    expect(description(sources)).toContain('**The BRICS Post**: 1 article, 27 Aug 2016 (geneva-aug-2016)');
    const timeline = await callbackOf(
      fake.command(newUser(), 'timeline', [{ name: 'event', type: STRING, value: 'march-2016-call' }]).id,
    );
    expect(description(timeline).split('\n')).toEqual([
      '`about 4 Mar 2016` · **Unknown outlet** · Syria: Kerry and Lavrov Discuss peace talks between Assad and Opposition',
      '`7 Mar 2016` · **nsnbc international, republished by Mondialisation.ca** · Kerry and Lavrov Agree to Re-Launch Geneva III Talks on Syria as Soon as Possible',
    ]);
    const compare = await callbackOf(
      fake.command(newUser(), 'compare', [
        { name: 'question', type: STRING, value: 'What did Kerry and Lavrov say about the ceasefire?' },
        { name: 'event', type: STRING, value: 'geneva-aug-2016' },
      ]).id,
    );
    const fields = data(compare).embeds?.[0]?.fields ?? [];
    expect(fields.map((f) => f.name).sort()).toEqual(
      ['Example Wire', 'NDTV (AFP copy)', 'The BRICS Post', 'Unknown outlet'].filter((n) =>
        fields.some((f) => f.name === n),
      ),
    );
    expect(new Set(fields.map((f) => f.name)).size).toBe(fields.length);
    for (const f of fields) expect(f.value.length).toBeLessThanOrEqual(1024);
  });

  it('autocompletes events (name and dates shown, id submitted) and sources', async () => {
    const user = newUser();
    const events = fake.command(
      user,
      'ask',
      [
        { name: 'question', type: STRING, value: 'x' },
        { name: 'event', type: STRING, value: 'gen', focused: true },
      ],
      { autocomplete: true },
    );
    const eventReply = await callbackOf(events.id);
    expect(eventReply.body.type).toBe(8);
    expect(data(eventReply).choices).toEqual([
      {
        name: 'Kerry–Lavrov talks in Geneva, August 2016 · 26 Aug 2016 – 27 Aug 2016',
        value: 'geneva-aug-2016',
      },
    ]);
    const sources = fake.command(
      user,
      'ask',
      [
        { name: 'question', type: STRING, value: 'x' },
        { name: 'source', type: STRING, value: '', focused: true },
      ],
      { autocomplete: true },
    );
    const values = (data(await callbackOf(sources.id)).choices ?? []).map((c) => c.value);
    expect(values).toEqual([
      'NDTV (AFP copy)',
      'nsnbc international, republished by Mondialisation.ca',
      'The BRICS Post',
    ]);
  });

  it('pages with the More button, from what the message itself carries', async () => {
    const user = newUser();
    const first = await ask(user, [
      { name: 'question', type: STRING, value: 'What did Lavrov say about terrorists?' },
    ]);
    const message = messageObject(CHANNEL_ID, BOT_USER_OBJECT, data(first) as Record<string, unknown>);
    const { id } = fake.click(user, 'more:3:3', message);
    const next = await callbackOf(id);
    expect(next.body.type).toBe(4);
    expect(description(next)).toMatch(/^\*\*4\.\*\* /);
    expect(description(next)).not.toContain('healthy opposition forces');
  });

  it('shows a member other than the asker the next page privately; the asker’s stays public', async () => {
    const asker = newUser();
    const first = await ask(asker, [
      { name: 'question', type: STRING, value: 'What did Lavrov say about terrorists?' },
    ]);
    const customId = (data(first).components as Array<{ components: Array<{ custom_id: string }> }>)[0]
      ?.components[0]?.custom_id as string;
    const message = messageObject(CHANNEL_ID, BOT_USER_OBJECT, data(first) as Record<string, unknown>);
    const theirs = await callbackOf(fake.click(newUser(), customId, message).id);
    expect(theirs.body.type).toBe(4);
    expect(data(theirs).flags).toBe(64);
    expect(description(theirs)).toMatch(/^\*\*4\.\*\* /);
    const own = await callbackOf(fake.click(asker, customId, message).id);
    expect(data(own).flags ?? 0).toBe(0);
    expect(description(own)).toMatch(/^\*\*4\.\*\* /);
  });

  it('counts each More page against the clicking member’s question limit', async () => {
    const user = newUser();
    const replies: Sent[] = [];
    for (let i = 0; i < RATE_LIMIT; i++)
      replies.push(
        await ask(user, [{ name: 'question', type: STRING, value: 'What did Lavrov say about terrorists?' }]),
      );
    const first = replies[0] as Sent;
    const customId = (data(first).components as Array<{ components: Array<{ custom_id: string }> }>)[0]
      ?.components[0]?.custom_id as string;
    const message = messageObject(CHANNEL_ID, BOT_USER_OBJECT, data(first) as Record<string, unknown>);
    const limited = await callbackOf(fake.click(user, customId, message).id);
    expect(data(limited).flags).toBe(64);
    expect(data(limited).content).toMatch(/^You have asked 4 questions in the last 60 seconds\./);
  });

  it('keeps the filters when paging with More', async () => {
    const user = newUser();
    const first = await ask(user, [
      { name: 'question', type: STRING, value: 'What did Kerry say?' },
      { name: 'event', type: STRING, value: 'geneva-aug-2016' },
      { name: 'count', type: 4, value: 1 },
    ]);
    expect(JSON.stringify(data(first).components)).toContain(`"custom_id":"more:1:1:${user.id}"`);
    const message = messageObject(CHANNEL_ID, BOT_USER_OBJECT, data(first) as Record<string, unknown>);
    const next = await callbackOf(fake.click(user, 'more:1:1', message).id);
    expect(description(next)).toMatch(/^\*\*2\.\*\* /);
    expect(description(next)).toContain('Kerry–Lavrov talks in Geneva, August 2016');
    expect(description(next)).not.toContain('Kerry–Lavrov call, March 2016');
    expect(data(next).embeds?.[0]?.footer?.text).toBe(
      'Asked: What did Kerry say?\nFilters: event:geneva-aug-2016',
    );
  });

  it('answers a button it no longer knows with an ephemeral notice rather than silence', async () => {
    const user = newUser();
    const message = messageObject(CHANNEL_ID, BOT_USER_OBJECT, { content: 'old' });
    const { id } = fake.click(user, 'retired-feature:1', message);
    const reply = await callbackOf(id);
    expect(data(reply)).toMatchObject({ flags: 64 });
    expect(data(reply).content).toContain('no longer in use');
  });

  it('answers a question sent in a DM, and "help" with the help text', async () => {
    const user = newUser();
    fake.directMessage(user, 'event:geneva-aug-2016 Who is the UN special envoy for Syria?');
    const answer = await fake.waitFor(
      (s) => s.kind === 'message' && s.key === DM_CHANNEL_ID && description(s).includes('Staffan de Mistura'),
    );
    expect(description(answer)).toContain('**NDTV (AFP copy)** · 26 Aug 2016');
    fake.directMessage(user, 'help');
    const help = await fake.waitFor(
      (s) => s.kind === 'message' && s.key === DM_CHANNEL_ID && data(s).embeds?.[0]?.title === 'How to ask',
    );
    expect(description(help)).toContain('/ask question:What did Kerry say? event:geneva-aug-2016');
  });

  it('answers a channel message that mentions the bot, as a reply; ignores one that does not', async () => {
    const user = newUser();
    fake.channelMessage(user, 'How many people have been killed in the Syrian conflict?', false);
    // A reply to one of the bot's answers pings the bot without mentioning it in the text.
    fake.channelMessage(user, 'How many people have been killed in the Syrian conflict? thanks', true);
    fake.channelMessage(
      user,
      `<@${BOT_USER_OBJECT.id}> How many people have been killed in the Syrian conflict?`,
      true,
    );
    const answer = await fake.waitFor(
      (s) => s.kind === 'message' && s.key === CHANNEL_ID && description(s).includes('290,000'),
    );
    expect(answer.body.message_reference).toBeDefined();
    expect(answer.body.allowed_mentions).toMatchObject({ parse: [] });
    // Messages are handled in order and replies to one channel are sent in order: once the answer
    // to a later mention has arrived, any reply to the two earlier messages would have too.
    fake.channelMessage(user, `<@${BOT_USER_OBJECT.id}> Who is the UN special envoy for Syria?`, true);
    await fake.waitFor(
      (s) => s.kind === 'message' && s.key === CHANNEL_ID && description(s).includes('Staffan de Mistura'),
    );
    expect(fake.sent.filter((s) => s.kind === 'message' && s.key === CHANNEL_ID)).toHaveLength(2);
  });

  it('lets a moderator refresh: a new article becomes answerable, a malformed one is reported', async () => {
    await writeFile(
      path.join(corpusDir, 'truce.md'),
      '---\ntitle: "Truce for Eid"\nsource: "Example Wire"\ndate: "2016-09-10"\nevent: geneva-aug-2016\n---\nKerry and Lavrov announced a truce that begins at sundown on Eid al-Adha.\n',
    );
    await writeFile(
      path.join(corpusDir, 'broken.md'),
      '---\ntitle: Broken\ndate: "2016-02-30"\n---\nText.\n',
    );
    const user = newUser();
    const { id, token } = fake.command(
      user,
      'corpus',
      [{ name: 'refresh', type: SUB_COMMAND, options: [] }],
      { permissions: MANAGER_PERMISSIONS },
    );
    const deferred = await callbackOf(id);
    expect(deferred.body).toMatchObject({ type: 5, data: { flags: 64 } });
    const edit = await fake.waitFor((s) => s.kind === 'edit' && s.key === token);
    expect(description(edit)).toContain('Added: truce');
    expect(description(edit)).toContain('`broken.md:3` front matter: date: must be a real date');
    const reply = await ask(newUser(), [
      { name: 'question', type: STRING, value: 'What happens at sundown on Eid al-Adha?' },
    ]);
    expect(description(reply)).toContain('**Example Wire** · 10 Sep 2016');
  });

  it('lets a member with a moderator role refresh too', async () => {
    const { id } = fake.command(newUser(), 'corpus', [{ name: 'status', type: SUB_COMMAND, options: [] }], {
      roles: [MODERATOR_ROLE_ID],
    });
    const reply = await callbackOf(id);
    expect(data(reply).flags).toBe(64);
    expect(data(reply).embeds?.[0]?.title).toBe('Corpus status');
    expect(description(reply)).toContain(`Version \`${shownVersion(live.version)}\` (corpus folder).`);
    expect(description(reply)).not.toContain('Shards');
  });

  it('refuses /corpus to a member without Manage Server or a moderator role, and in DMs; nothing changes', async () => {
    const before = live.engine;
    await writeFile(
      path.join(corpusDir, 'sneaky.md'),
      '---\ntitle: Sneaky\n---\nA member tried to add this.\n',
    );
    const { id } = fake.command(newUser(), 'corpus', [{ name: 'refresh', type: SUB_COMMAND, options: [] }]);
    const refused = await callbackOf(id);
    expect(refused.body.type).toBe(4);
    expect(data(refused).flags).toBe(64);
    expect(data(refused).content).toContain('Only moderators');
    const dm = fake.command(newUser(), 'corpus', [{ name: 'refresh', type: SUB_COMMAND, options: [] }], {
      dm: true,
    });
    expect(data(await callbackOf(dm.id)).content).toContain('Only moderators');
    expect(live.engine).toBe(before);
    await rm(path.join(corpusDir, 'sneaky.md'));
  });

  it('limits questions per member with a friendly ephemeral message', async () => {
    const user = newUser();
    for (let i = 0; i < RATE_LIMIT; i++) {
      const ok = await ask(user, [
        { name: 'question', type: STRING, value: 'Who is the UN special envoy for Syria?' },
      ]);
      expect(data(ok).flags ?? 0).toBe(0);
    }
    const limited = await ask(user, [
      { name: 'question', type: STRING, value: 'Who is the UN special envoy for Syria?' },
    ]);
    expect(data(limited).flags).toBe(64);
    expect(data(limited).content).toMatch(
      /^You have asked 4 questions in the last 60 seconds\. Please wait \d+ s and ask again\.$/,
    );
    // /compare counts against the same limit, with the same words.
    const compare = fake.command(user, 'compare', [
      { name: 'question', type: STRING, value: 'What did Kerry say?' },
    ]);
    const comparedLimited = await callbackOf(compare.id);
    expect(data(comparedLimited).flags).toBe(64);
    expect(data(comparedLimited).content).toMatch(/^You have asked 4 questions in the last 60 seconds\./);
    // Another member is not limited.
    const other = await ask(newUser(), [
      { name: 'question', type: STRING, value: 'Who is the UN special envoy for Syria?' },
    ]);
    expect(data(other).flags ?? 0).toBe(0);
  });

  it('apologises ephemerally when a handler throws, logs it with context but not the token, and keeps running', async () => {
    const user = newUser();
    const { id } = fake.command(user, 'boom', []);
    const apology = await callbackOf(id);
    expect(data(apology)).toMatchObject({ content: APOLOGY, flags: 64 });
    expect(JSON.stringify(apology.body)).not.toContain('exploded');
    const logged = logLines.find((l) => l.includes('interaction failed'));
    expect(JSON.parse(logged ?? '{}')).toMatchObject({ command: 'boom', user: user.id });
    expect(logged).toContain('handler exploded on purpose');
    expect(logLines.join('\n')).not.toContain(TOKEN);
    const after = await ask(newUser(), [
      { name: 'question', type: STRING, value: 'Who is the UN special envoy for Syria?' },
    ]);
    expect(description(after)).toContain('Staffan de Mistura');
  });

  it('turns a private "thinking…" into the apology when a handler throws after deferring', async () => {
    const { id, token } = fake.command(newUser(), 'boomlater', []);
    expect((await callbackOf(id)).body).toMatchObject({ type: 5, data: { flags: 64 } });
    const edit = await fake.waitFor((s) => s.kind === 'edit' && s.key === token);
    expect((edit.body as { content?: string }).content).toBe(APOLOGY);
    expect(fake.sent.some((s) => s.key === token && s.kind === 'followup')).toBe(false);
  });

  it('removes a public "thinking…" and apologises privately when a handler throws after deferring', async () => {
    const { id, token } = fake.command(newUser(), 'boomlaterpublic', []);
    expect(((await callbackOf(id)).body as { data?: { flags?: number } }).data?.flags ?? 0).toBe(0);
    await fake.waitFor((s) => s.kind === 'delete' && s.key === token);
    const followup = await fake.waitFor((s) => s.kind === 'followup' && s.key === token);
    expect(followup.body).toMatchObject({ content: APOLOGY, flags: 64 });
    expect(fake.sent.some((s) => s.key === token && s.kind === 'edit')).toBe(false);
  });

  it('offers no choices, rather than none at all, when an autocomplete handler throws', async () => {
    const { id } = fake.command(
      newUser(),
      'boom',
      [{ name: 'what', type: STRING, value: 'x', focused: true }],
      { autocomplete: true },
    );
    const reply = await callbackOf(id);
    expect(reply.body).toMatchObject({ type: 8, data: { choices: [] } });
    expect(logLines.some((l) => l.includes('autocomplete exploded on purpose'))).toBe(true);
  });
});
