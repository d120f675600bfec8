/**
 * What a hostile attachment, page or rename gets through /corpus: a clear refusal in the preview
 * or the reply, nothing run, nothing written, and the corpus still served as it was.
 */
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBot } from '../../src/discord/bot.ts';
import { LiveEngine } from '../../src/live/live-engine.ts';
import { FakeDiscord, type FakeUser, MANAGER_PERMISSIONS } from './fake-discord.ts';
import { sentText } from './replies.ts';
import { startTestBot } from './test-bot.ts';

const ROOT = path.join(import.meta.dirname, '..', '..');
const STRING = 3;
const SUB_COMMAND = 1;
const SUB_COMMAND_GROUP = 2;
const ATTACHMENT = 11;
const TEXT =
  'An aid convoy of thirty trucks carrying flour and medicine reached the besieged eastern districts of Aleppo on Tuesday, the first since the truce. '.repeat(
    3,
  );
/** Served as the attachment: its front matter, if evaluated, leaves a mark on globalThis. */
const HOSTILE_MD = `---js\n{ title: (globalThis.hostileFrontMatterRan = true, "Ran") }\n---\n${TEXT}\n`;
const BAD_DATE_PAGE = `<html lang="en"><head><title>Aid reaches Aleppo</title><meta property="article:published_time" content="2016-13-45T08:00:00Z"><meta property="og:site_name" content="Example Wire"></head><body><article><h1>Aid reaches Aleppo</h1><p>${TEXT}</p><p>${TEXT}</p></article></body></html>`;

let fake: FakeDiscord;
let bot: RunningBot;
let live: LiveEngine;
let work: string;
let corpusDir: string;
let pages: Server;
let pagesUrl: string;
const moderator: FakeUser = { id: '740000000000000001', username: 'mod' };

const text = sentText;

/** Runs /corpus <sub> as a moderator and resolves with the bot's final word. */
async function corpus(sub: string, options: unknown[], extra: { resolved?: object; group?: string } = {}) {
  const inner = { name: sub, type: SUB_COMMAND, options };
  const top = extra.group ? [{ name: extra.group, type: SUB_COMMAND_GROUP, options: [inner] }] : [inner];
  const { id, token } = fake.command(moderator, 'corpus', top, {
    permissions: MANAGER_PERMISSIONS,
    resolved: extra.resolved,
  });
  const first = await fake.waitFor((s) => s.kind === 'callback' && s.key === id, 10_000);
  if (first.body.type !== 5) return first;
  return fake.waitFor((s) => s.kind === 'edit' && s.key === token, 10_000);
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'coverage-hostile-'));
  corpusDir = path.join(work, 'corpus');
  await cp(path.join(ROOT, 'corpus'), corpusDir, { recursive: true });
  pages = createServer((req, res) => {
    if (req.url === '/attachments/hostile.md')
      res.writeHead(200, { 'content-type': 'text/markdown' }).end(HOSTILE_MD);
    else if (req.url === '/bad-date.html')
      res.writeHead(200, { 'content-type': 'text/html' }).end(BAD_DATE_PAGE);
    else res.writeHead(404).end();
  });
  pages.listen(0, '127.0.0.1');
  await new Promise((r) => pages.once('listening', r));
  pagesUrl = `http://127.0.0.1:${(pages.address() as AddressInfo).port}`;
  fake = new FakeDiscord();
  await fake.start();
  live = await LiveEngine.open(corpusDir);
  bot = await startTestBot(fake, live, {
    fetchPolicy: { allowHosts: ['127.0.0.1'], timeoutMs: 1500, maxBytes: 20_000 },
  });
});

afterAll(async () => {
  await bot?.stop();
  await fake?.stop();
  pages?.close();
  await rm(work, { recursive: true, force: true });
});

describe('/corpus against hostile input', () => {
  it('refuses an attachment whose front matter is ---js in the preview, running none of it', async () => {
    const files = await readdir(corpusDir);
    const reply = await corpus(
      'add',
      [
        { name: 'event', type: STRING, value: 'geneva-aug-2016' },
        { name: 'file', type: ATTACHMENT, value: '900000000000000009' },
      ],
      {
        resolved: {
          attachments: {
            '900000000000000009': {
              id: '900000000000000009',
              filename: 'hostile.md',
              size: HOSTILE_MD.length,
              url: `${pagesUrl}/attachments/hostile.md`,
              proxy_url: `${pagesUrl}/attachments/hostile.md`,
              content_type: 'text/markdown',
            },
          },
        },
      },
    );
    expect((globalThis as { hostileFrontMatterRan?: boolean }).hostileFrontMatterRan).toBeUndefined();
    expect(text(reply)).toBe(
      'hostile.md:1: front matter must be YAML (the file opens with ---js; write --- alone); nothing was added.',
    );
    expect(await readdir(corpusDir)).toEqual(files);
  });

  it('refuses a page whose date is no real day in the preview, offering the date option', async () => {
    const files = await readdir(corpusDir);
    const reply = await corpus('add', [
      { name: 'event', type: STRING, value: 'geneva-aug-2016' },
      { name: 'url', type: STRING, value: `${pagesUrl}/bad-date.html` },
    ]);
    expect(text(reply)).toBe(
      'The date “2016-13-45” must be a real date written as YYYY-MM-DD; give the right one with the `date` option.',
    );
    expect(await readdir(corpusDir)).toEqual(files);
  });

  it('refuses to rename an event to a blank name, and every event stays as it was', async () => {
    const before = await readFile(path.join(corpusDir, 'events.json'), 'utf8');
    const reply = await corpus(
      'rename',
      [
        { name: 'event', type: STRING, value: 'geneva-aug-2016' },
        { name: 'name', type: STRING, value: '   ' },
      ],
      { group: 'event' },
    );
    expect(text(reply)).toBe(
      'The event `geneva-aug-2016` cannot be written: name: must not be empty. Nothing was changed.',
    );
    expect(await readFile(path.join(corpusDir, 'events.json'), 'utf8')).toBe(before);
    expect(live.engine.corpus.events.map((e) => e.id)).toEqual(['march-2016-call', 'geneva-aug-2016']);
  });
});
