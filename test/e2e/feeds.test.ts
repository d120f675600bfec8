/**
 * Following a story through the fake Discord: /corpus feed add → a new item appears on the feed
 * → the poller queues it → /corpus review shows it → Approve → /ask quotes it. Also: feed list
 * with health, pause/resume/remove, Reject and Move to event, the history naming the feed, and
 * the refusals a moderator reads (not a feed, an interval too short, a member who is no moderator).
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PollReport } from '../../src/curation/feeds/poll-feed.ts';
import type { RunningBot } from '../../src/discord/bot.ts';
import { escapeCorpusText } from '../../src/discord/escape.ts';
import { LiveEngine } from '../../src/live/live-engine.ts';
import {
  BOT_USER_OBJECT,
  CHANNEL_ID,
  FakeDiscord,
  type FakeUser,
  MANAGER_PERMISSIONS,
  MEMBER_PERMISSIONS,
  messageObject,
  type Sent,
} from './fake-discord.ts';
import { sentData, sentText } from './replies.ts';
import { startTestBot } from './test-bot.ts';

const ROOT = path.join(import.meta.dirname, '..', '..');
const STRING = 3;
const SUB_COMMAND = 1;
const SUB_COMMAND_GROUP = 2;

let fake: FakeDiscord;
let bot: RunningBot;
let live: LiveEngine;
let work: string;
let feeds: Server;
let base: string;
const items: string[] = [];
const moderator: FakeUser = { id: '720000000000000011', username: 'mod' };
const member: FakeUser = { id: '720000000000000012', username: 'member' };
let n = 0;
const asker = (): FakeUser => ({ id: String(731000000000000000n + BigInt(++n)), username: `asker${n}` });

const STORIES: Record<string, { title: string; outlet: string; sentence: string }> = {
  glacier: {
    title: 'Glacier survey finds the moraine moving',
    outlet: 'Polar Courier',
    sentence:
      'Glaciologists on Svalbard said the moraine below the Nordenskiöld glacier moved eleven metres in one summer',
  },
  orchard: {
    title: 'Frost candles save the *apricot* blossom',
    outlet: 'Valais Daily',
    sentence: 'Growers in the Valais lit ten thousand frost candles among the apricot trees on Tuesday night',
  },
};

function storyPage(key: string): string {
  const s = STORIES[key];
  if (!s) return '';
  const paragraphs = [1, 2, 3]
    .map(
      (i) => `<p>${s.sentence}, according to report ${i} from the local council and the regional office.</p>`,
    )
    .join('');
  return `<html lang="en"><head><title>${s.title}</title><meta property="og:site_name" content="${s.outlet}"><meta property="article:published_time" content="2016-09-14T08:00:00Z"></head><body><article><h1>${s.title}</h1>${paragraphs}</article></body></html>`;
}

/** Runs /corpus [group] <sub> and resolves with the bot's final word. */
async function corpus(
  sub: string,
  options: unknown[],
  where: { group?: string; user?: FakeUser; permissions?: string } = {},
): Promise<Sent> {
  const inner = { name: sub, type: SUB_COMMAND, options };
  const top = where.group ? [{ name: where.group, type: SUB_COMMAND_GROUP, options: [inner] }] : [inner];
  const { id, token } = fake.command(where.user ?? moderator, 'corpus', top, {
    permissions: where.permissions ?? MANAGER_PERMISSIONS,
  });
  const first = await fake.waitFor((s) => s.kind === 'callback' && s.key === id, 10_000);
  if (first.body.type !== 5) return first;
  return fake.waitFor((s) => s.kind === 'edit' && s.key === token, 10_000);
}

const feed = (sub: string, options: unknown[]) => corpus(sub, options, { group: 'feed' });

/** The message object of a reply, to click its components. */
function messageOf(reply: Sent): object {
  return messageObject(CHANNEL_ID, BOT_USER_OBJECT, sentData(reply) as Record<string, unknown>, {
    flags: 64,
  });
}

function customIds(reply: Sent): string[] {
  return (sentData(reply).components ?? []).flatMap((row) => row.components.map((c) => c.custom_id));
}

/** Clicks the button of `reply` whose custom id holds `:action:`; resolves with the bot's final word. */
async function click(reply: Sent, action: string, user = moderator, permissions = MANAGER_PERMISSIONS) {
  const customId = customIds(reply).find((c) => c.includes(`:${action}:`)) as string;
  const { id, token } = fake.click(user, customId, messageOf(reply), { permissions });
  const first = await fake.waitFor((s) => s.kind === 'callback' && s.key === id, 10_000);
  if (first.body.type !== 6) return first;
  return fake.waitFor((s) => s.kind === 'edit' && s.key === token, 10_000);
}

async function ask(question: string): Promise<string> {
  const { id } = fake.command(asker(), 'ask', [{ name: 'question', type: STRING, value: question }]);
  return sentText(await fake.waitFor((s) => s.kind === 'callback' && s.key === id, 10_000));
}

/** Resolves with the next poll of the feed at `url` that brought an article. */
function nextRead(url: string): Promise<PollReport> {
  return new Promise((resolve) =>
    bot.feedPoller?.onPolled((report) => {
      if (report.url === url && report.queued + report.added > 0) resolve(report);
    }),
  );
}

function item(key: string): string {
  return `<item><title>${STORIES[key]?.title}</title><link>${base}/story/${key}</link><pubDate>Wed, 14 Sep 2016 08:00:00 GMT</pubDate></item>`;
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'coverage-feeds-'));
  const corpusDir = path.join(work, 'corpus');
  await cp(path.join(ROOT, 'corpus'), corpusDir, {
    recursive: true,
    filter: (source) => !source.endsWith('.log'),
  });
  feeds = createServer((req, res) => {
    const story = /^\/story\/([a-z]+)$/.exec(req.url ?? '')?.[1];
    if (req.url === '/rss')
      res
        .writeHead(200, { 'content-type': 'application/rss+xml' })
        .end(
          `<?xml version="1.0"?><rss version="2.0"><channel><title>Story Wire</title>${items.join('')}</channel></rss>`,
        );
    else if (req.url === '/copies')
      res
        .writeHead(200, { 'content-type': 'application/rss+xml' })
        .end(
          `<?xml version="1.0"?><rss version="2.0"><channel><title>Arctic *Wire*</title><item><title>Moraine moves</title><link>${base}/story/glacier/?utm_source=copies&amp;fbclid=9</link></item></channel></rss>`,
        );
    else if (story && STORIES[story])
      res.writeHead(200, { 'content-type': 'text/html' }).end(storyPage(story));
    else if (req.url === '/page.html')
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body><p>Not a feed</p></body></html>');
    else res.writeHead(404).end();
  });
  feeds.listen(0, '127.0.0.1');
  await new Promise((r) => feeds.once('listening', r));
  base = `http://127.0.0.1:${(feeds.address() as AddressInfo).port}`;
  fake = new FakeDiscord();
  await fake.start();
  live = await LiveEngine.open(corpusDir);
  bot = await startTestBot(fake, live, {
    fetchPolicy: { allowHosts: ['127.0.0.1'], timeoutMs: 1500, maxBytes: 100_000 },
    feeds: {
      polling: true,
      poller: { tickMs: 100, itemsPerPoll: 20, queueMax: 50 },
      minIntervalSeconds: 1,
      defaultIntervalSeconds: 1800,
    },
  });
}, 60_000);

afterAll(async () => {
  await bot?.stop();
  await fake?.stop();
  feeds?.close();
  await live?.close();
  await rm(work, { recursive: true, force: true });
});

describe('following a story from Discord', () => {
  it('feed add → new item → /corpus review → Approve → /ask quotes it, within one interval', async () => {
    const question = 'What did glaciologists on Svalbard say about the moraine?';
    expect(await ask(question)).toContain("doesn't answer");
    const added = await feed('add', [
      { name: 'url', type: STRING, value: `${base}/rss` },
      { name: 'event', type: STRING, value: 'geneva-aug-2016' },
      { name: 'mode', type: STRING, value: 'review' },
      { name: 'every', type: STRING, value: '2s' },
    ]);
    expect(sentText(added)).toContain(`Following ${base}/rss`);
    expect(sentText(added)).toContain('every 2 s');
    // The feed is read once with nothing in it; then a new item appears on it.
    const queued = nextRead(`${base}/rss`);
    items.push(item('glacier'));
    const started = performance.now();
    expect(await queued).toMatchObject({ queued: 1 });
    expect(performance.now() - started).toBeLessThan(2000 * 1.1 + 2000);
    const preview = await corpus('review', []);
    const shown = sentText(preview);
    expect(shown).toContain('Glacier survey finds the moraine moving');
    expect(shown).toContain('Outlet: Polar Courier · Date: 14 Sep 2016');
    expect(shown).toContain(`From feed: \`${base}/rss\``);
    expect(customIds(preview).some((c) => c.startsWith('review:approve:'))).toBe(true);
    expect(customIds(preview).some((c) => c.startsWith('review-move:'))).toBe(true);
    const approved = await click(preview, 'approve');
    expect(sentText(approved)).toContain('Added “Glacier survey finds the moraine moving”');
    expect(sentText(approved)).toContain('No article is waiting for review.');
    const answer = await ask(question);
    expect(answer).toContain('below the Nordenskiöld glacier moved eleven metres');
    expect(answer).toContain('**Polar Courier** · 14 Sep 2016');
    const history = sentText(await corpus('history', [{ name: 'count', type: 4, value: 3 }]));
    expect(history).toMatch(/\*\*mod\*\* \(720000000000000011\) add `[^`]+glacier[^`]+` — Glacier survey/);
    expect(history).toContain(`from \`${base}/rss\``);
  });

  it('/ask names the other outlets a feed found reporting the quoted article, as text', async () => {
    const recorded = new Promise<void>((resolve) =>
      bot.feedPoller?.onPolled((report) => {
        if (report.url === `${base}/copies` && report.alsoReported > 0) resolve();
      }),
    );
    await feed('add', [
      { name: 'url', type: STRING, value: `${base}/copies` },
      { name: 'event', type: STRING, value: 'geneva-aug-2016' },
      { name: 'mode', type: STRING, value: 'auto' },
      { name: 'every', type: STRING, value: '2s' },
    ]);
    try {
      await recorded;
      const answer = await ask('What did glaciologists on Svalbard say about the moraine?');
      expect(answer).toContain('below the Nordenskiöld glacier moved eleven metres');
      expect(answer).toContain(`-# ${escapeCorpusText('Also reported by Arctic *Wire*')}`);
    } finally {
      await feed('remove', [{ name: 'url', type: STRING, value: `${base}/copies` }]);
    }
  });

  it('lists feeds with their health, and pauses, resumes and removes them', async () => {
    const list = sentText(await feed('list', []));
    expect(list).toContain(`**\`${base}/rss\`**`);
    expect(list).toMatch(/review · every 2 s · geneva-aug-2016/);
    expect(list).toContain('1 item brought');
    expect(list).toContain('no error');
    expect(sentText(await feed('pause', [{ name: 'url', type: STRING, value: `${base}/rss` }]))).toContain(
      'Paused',
    );
    expect(sentText(await feed('list', []))).toContain('paused');
    expect(sentText(await feed('resume', [{ name: 'url', type: STRING, value: `${base}/rss` }]))).toContain(
      'Resumed',
    );
  });

  it('moves a waiting article to another event, and Reject leaves it out, in the history with its feed', async () => {
    const queued = nextRead(`${base}/rss`);
    items.push(item('orchard'));
    expect(await queued).toMatchObject({ queued: 1 });
    const preview = await corpus('review', []);
    const moveId = customIds(preview).find((c) => c.startsWith('review-move:')) as string;
    const { id } = fake.select(moderator, moveId, ['march-2016-call'], messageOf(preview), {
      permissions: MANAGER_PERMISSIONS,
    });
    const moved = await fake.waitFor((s) => s.kind === 'callback' && s.key === id, 10_000);
    expect(sentText(moved)).toContain('Event: Kerry–Lavrov call, March 2016');
    // A member who is not a moderator cannot approve, even holding the buttons.
    const refused = await click(moved, 'approve', member, MEMBER_PERMISSIONS);
    expect(sentText(refused)).toContain('Only moderators');
    const rejected = await click(moved, 'reject');
    // The page's title is text: its asterisks do not turn into italics.
    expect(sentText(rejected)).toContain('Rejected “Frost candles save the \\*apricot\\* blossom”');
    expect(await ask('What did growers in the Valais light among the apricot trees?')).not.toContain(
      'ten thousand frost candles',
    );
    const history = sentText(await corpus('history', [{ name: 'count', type: 4, value: 1 }]));
    expect(history).toContain('reject');
    expect(history).toContain(`from \`${base}/rss\``);
  });

  it('refuses what is not a feed, an interval below the minimum, and a member who is not a moderator', async () => {
    expect(
      sentText(
        await feed('add', [
          { name: 'url', type: STRING, value: `${base}/page.html` },
          { name: 'event', type: STRING, value: 'geneva-aug-2016' },
        ]),
      ),
    ).toContain('is a web page, not an RSS, Atom or JSON Feed document');
    expect(
      sentText(
        await feed('add', [
          { name: 'url', type: STRING, value: `${base}/other-rss` },
          { name: 'event', type: STRING, value: 'geneva-aug-2016' },
          { name: 'every', type: STRING, value: 'soon' },
        ]),
      ),
    ).toContain('`every` must be a duration such as 30m, 2h or 1d');
    expect(
      sentText(
        await feed('add', [
          { name: 'url', type: STRING, value: `${base}/rss` },
          { name: 'event', type: STRING, value: 'no-such-event' },
        ]),
      ),
    ).toContain('There is no event `no-such-event`');
    expect(sentText(await corpus('review', [], { user: member, permissions: MEMBER_PERMISSIONS }))).toContain(
      'Only moderators',
    );
    expect(sentText(await feed('remove', [{ name: 'url', type: STRING, value: `${base}/rss` }]))).toContain(
      `No longer following ${base}/rss`,
    );
    expect(sentText(await feed('list', []))).toContain('No feed is followed');
  });
});
