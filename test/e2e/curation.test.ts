import { cp, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removedDir } from '../../src/curation/curator.ts';
import type { RunningBot } from '../../src/discord/bot.ts';
import { LiveEngine } from '../../src/live/live-engine.ts';
import {
  BOT_USER_OBJECT,
  CHANNEL_ID,
  FakeDiscord,
  type FakeUser,
  MANAGER_PERMISSIONS,
  messageObject,
  type Sent,
} from './fake-discord.ts';
import { sentData, sentText } from './replies.ts';
import { startTestBot } from './test-bot.ts';

const ROOT = path.join(import.meta.dirname, '..', '..');
const PAGE = path.join(import.meta.dirname, 'fixtures', 'news-page.html');
const STRING = 3;
const SUB_COMMAND = 1;
const SUB_COMMAND_GROUP = 2;
const ATTACHMENT = 11;
const MAX_BYTES = 20_000;

let fake: FakeDiscord;
let bot: RunningBot;
let live: LiveEngine;
let work: string;
let corpusDir: string;
let pages: Server;
let pagesUrl: string;
const moderator: FakeUser = { id: '720000000000000001', username: 'mod' };
const member: FakeUser = { id: '720000000000000002', username: 'member' };
let n = 0;
const asker = (): FakeUser => ({ id: String(730000000000000000n + BigInt(++n)), username: `asker${n}` });

const data = sentData;
const text = sentText;

/** Runs /corpus <sub> as `user` (a moderator by default) and resolves with the bot's final word. */
async function corpus(
  sub: string,
  options: unknown[],
  where: { permissions?: string; resolved?: object; user?: FakeUser; group?: string } = {},
): Promise<Sent> {
  const inner = { name: sub, type: SUB_COMMAND, options };
  const top = where.group ? [{ name: where.group, type: SUB_COMMAND_GROUP, options: [inner] }] : [inner];
  const { id, token } = fake.command(where.user ?? moderator, 'corpus', top, {
    permissions: where.permissions ?? MANAGER_PERMISSIONS,
    resolved: where.resolved,
  });
  const first = await fake.waitFor((s) => s.kind === 'callback' && s.key === id, 10_000);
  if (first.body.type !== 5) return first;
  return fake.waitFor((s) => s.kind === 'edit' && s.key === token, 10_000);
}

/** Clicks a button of a preview (an edit of the deferred reply). */
async function click(preview: Sent, label: 'confirm' | 'cancel', user = moderator): Promise<Sent> {
  const customId = data(preview).components?.[0]?.components.find((c) => c.custom_id.includes(`:${label}:`))
    ?.custom_id as string;
  const message = messageObject(CHANNEL_ID, BOT_USER_OBJECT, data(preview) as Record<string, unknown>, {
    flags: 64,
  });
  const { id, token } = fake.click(user, customId, message, { permissions: MANAGER_PERMISSIONS });
  const first = await fake.waitFor((s) => s.kind === 'callback' && s.key === id, 10_000);
  if (first.body.type !== 6) return first;
  return fake.waitFor((s) => s.kind === 'edit' && s.key === token, 10_000);
}

async function ask(question: string): Promise<string> {
  const { id } = fake.command(asker(), 'ask', [{ name: 'question', type: STRING, value: question }]);
  return text(await fake.waitFor((s) => s.kind === 'callback' && s.key === id));
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'coverage-curation-'));
  corpusDir = path.join(work, 'corpus');
  await cp(path.join(ROOT, 'corpus'), corpusDir, { recursive: true });
  const html = await readFile(PAGE, 'utf8');
  pages = createServer((req, res) => {
    if (req.url === '/news/truce.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    } else if (req.url === '/attachments/note.md') {
      res
        .writeHead(200, { 'content-type': 'text/markdown' })
        .end(
          `---\ntitle: "Aleppo aid convoy reaches the eastern districts"\nsource: "Example Wire"\ndate: "2016-09-20"\n---\n${'An aid convoy of thirty trucks carrying flour and medicine reached the besieged eastern districts of Aleppo on Tuesday, the first since the truce. '.repeat(3)}\n`,
        );
    } else if (req.url === '/big.html') {
      res.writeHead(200, { 'content-type': 'text/html' }).end(`<p>${'x'.repeat(MAX_BYTES * 2)}</p>`);
    } else if (req.url === '/slow.html') {
      setTimeout(() => res.writeHead(200, { 'content-type': 'text/html' }).end(html), 3000);
    } else if (req.url?.startsWith('/other/')) {
      const k = req.url.slice(-6, -5);
      const topics =
        k === '1' ? ['Blinken', 'Homs', 'bakeries', 'fuel'] : ['Kushner', 'Idlib', 'clinics', 'water'];
      const body = [0, 1, 2, 3]
        .map(
          (i) =>
            `<p>Report ${k}.${i}: officials said ${topics[0]} visited ${topics[1]} where ${topics[2]} lacked ${topics[3]} for week ${i} of the winter, according to local council statements released on day ${i}.</p>`,
        )
        .join('');
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(
          `<html lang="en"><head><title>${topics[0]} in ${topics[1]}</title><meta property="og:site_name" content="Paper ${k}"></head><body><article><h1>${topics[0]} in ${topics[1]}</h1>${body}</article></body></html>`,
        );
    } else if (req.url === '/deep.html') {
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(`<html><body>${'<b>'.repeat(2000)}<p>Deep.</p>${'</b>'.repeat(2000)}</body></html>`);
    } else if (req.url === '/empty.html') {
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<html><body><nav>Home</nav><p>Subscribe.</p></body></html>');
    } else {
      res.writeHead(404).end();
    }
  });
  pages.listen(0, '127.0.0.1');
  await new Promise((r) => pages.once('listening', r));
  pagesUrl = `http://127.0.0.1:${(pages.address() as AddressInfo).port}`;
  fake = new FakeDiscord();
  await fake.start();
  live = await LiveEngine.open(corpusDir);
  bot = await startTestBot(fake, live, {
    fetchPolicy: { allowHosts: ['127.0.0.1'], timeoutMs: 1500, maxBytes: MAX_BYTES },
  });
});

afterAll(async () => {
  await bot?.stop();
  await fake?.stop();
  pages?.close();
  await rm(work, { recursive: true, force: true });
});

describe('moderators curate the corpus from Discord', () => {
  it('adds an article by URL: preview, Confirm, then it answers with its outlet and date', async () => {
    expect(await ask('What happens at sundown on Eid al-Adha?')).toContain("doesn't answer");
    const preview = await corpus('add', [
      { name: 'event', type: STRING, value: 'geneva-aug-2016' },
      { name: 'url', type: STRING, value: `${pagesUrl}/news/truce.html` },
    ]);
    const shown = text(preview);
    expect(shown).toContain('Add this article?');
    expect(shown).toContain('Kerry and Lavrov agree on a nationwide truce in Syria');
    expect(shown).toContain('Outlet: Example Times · Date: 10 Sep 2016');
    expect(shown).not.toContain('Subscribe now');
    const done = await click(preview, 'confirm');
    expect(text(done)).toMatch(
      /Added “Kerry and Lavrov agree on a nationwide truce in Syria” as `2016-09-10-example-times-kerry-and-lavrov-agree-on-a-nationwide-truce-in-syria\.md`: \d+ passages/,
    );
    const answer = await ask('What happens at sundown on Eid al-Adha?');
    expect(answer).toContain('**Example Times** · 10 Sep 2016');
    const file = await readFile(
      path.join(
        corpusDir,
        '2016-09-10-example-times-kerry-and-lavrov-agree-on-a-nationwide-truce-in-syria.md',
      ),
      'utf8',
    );
    expect(file).toContain(`url: "${pagesUrl}/news/truce.html"`);
  });

  it('refuses the same article again, naming the one in the corpus', async () => {
    const again = await corpus('add', [
      { name: 'event', type: STRING, value: 'geneva-aug-2016' },
      { name: 'url', type: STRING, value: `${pagesUrl}/news/truce.html` },
    ]);
    expect(text(again)).toContain(
      'already in the corpus (the same URL): “Kerry and Lavrov agree on a nationwide truce in Syria”',
    );
  });

  it('adds an article from an attachment, and Cancel writes nothing', async () => {
    const resolved = {
      attachments: {
        '900000000000000001': {
          id: '900000000000000001',
          filename: 'note.md',
          size: 600,
          url: `${pagesUrl}/attachments/note.md`,
          proxy_url: `${pagesUrl}/attachments/note.md`,
          content_type: 'text/markdown',
        },
      },
    };
    const options = [
      { name: 'event', type: STRING, value: 'geneva-aug-2016' },
      { name: 'file', type: ATTACHMENT, value: '900000000000000001' },
    ];
    const filesBefore = await readdir(corpusDir);
    const cancelled = await click(await corpus('add', options, { resolved }), 'cancel');
    expect(text(cancelled)).toContain('Cancelled: nothing was written.');
    expect(await readdir(corpusDir)).toEqual(filesBefore);
    const preview = await corpus('add', options, { resolved });
    expect(text(preview)).toContain('Outlet: Example Wire · Date: 20 Sep 2016');
    expect(text(preview)).toContain('Not found: link');
    await click(preview, 'confirm');
    expect(await ask('What did the aid convoy carry to Aleppo?')).toContain('**Example Wire** · 20 Sep 2016');
  });

  it.each([
    ['a page too large', '/big.html', 'too large'],
    ['a page with no article', '/empty.html', 'No article was found'],
    ['a page nested 2,000 levels deep', '/deep.html', 'That page is nested too deeply to read'],
    ['a page slower than the time limit', '/slow.html', 'took longer than 1.5 s'],
    ['a private address', 'http://10.1.2.3/news.html', 'private'],
    [
      'a loopback name not on the allow-list',
      'http://localhost:9/news.html',
      'does not fetch from private or local networks',
    ],
    ['a link-local address', 'http://169.254.169.254/latest/meta-data', 'linkLocal'],
    ['a non-http URL', 'file:///etc/passwd', 'Only http:// and https://'],
  ])('refuses %s with a clear message', async (_what, url, message) => {
    const reply = await corpus('add', [
      { name: 'event', type: STRING, value: 'geneva-aug-2016' },
      // Paths are served by the test's page server, whose address is known only once it runs.
      { name: 'url', type: STRING, value: url.startsWith('/') ? `${pagesUrl}${url}` : url },
    ]);
    expect(data(reply).flags ?? 64).toBe(64);
    expect(text(reply)).toContain(message);
  });

  it('refuses an attachment that is too large or not a text format', async () => {
    const attach = (filename: string, size: number) => ({
      resolved: {
        attachments: {
          '900000000000000002': {
            id: '900000000000000002',
            filename,
            size,
            url: `${pagesUrl}/attachments/${filename}`,
            proxy_url: `${pagesUrl}/x`,
            content_type: 'application/octet-stream',
          },
        },
      },
    });
    const options = [
      { name: 'event', type: STRING, value: 'geneva-aug-2016' },
      { name: 'file', type: ATTACHMENT, value: '900000000000000002' },
    ];
    expect(text(await corpus('add', options, attach('huge.md', MAX_BYTES * 5)))).toContain(
      'That file is too large',
    );
    expect(text(await corpus('add', options, attach('report.pdf', 1000)))).toContain(
      'Only .md, .txt and .html files can be added.',
    );
  });

  it('lets two moderators add at once: both succeed, one after the other', async () => {
    const previews = await Promise.all(
      ['1', '2'].map((k) =>
        corpus('add', [
          { name: 'event', type: STRING, value: 'geneva-aug-2016' },
          { name: 'url', type: STRING, value: `${pagesUrl}/other/${k}.html` },
        ]),
      ),
    );
    const done = await Promise.all(previews.map((p) => click(p, 'confirm')));
    for (const d of done) expect(text(d)).toMatch(/^Added “/);
    expect(
      live.engine.corpus.articles.filter((a) => a.source === 'Paper 1' || a.source === 'Paper 2'),
    ).toHaveLength(2);
  });

  it('removes an article (kept aside, no longer quoted) and restores it (quoted again)', async () => {
    const id = live.engine.corpus.articles.find((a) => a.source === 'NDTV (AFP copy)')?.id as string;
    const question = 'Where did the pair sit down in a luxury hotel?';
    expect(await ask(question)).toContain('NDTV');
    const removed = await corpus('remove', [{ name: 'doc', type: STRING, value: id }]);
    expect(text(removed)).toContain('Removed “John Kerry, Sergei Lavrov Kick Off Syria Talks In Geneva”');
    expect(await ask(question)).not.toContain('NDTV');
    expect(await readdir(removedDir(corpusDir))).toEqual([`${id}.md`]);
    const restored = await corpus('restore', [{ name: 'doc', type: STRING, value: `${id}.md` }]);
    expect(text(restored)).toContain('Restored.');
    expect(await ask(question)).toContain('NDTV');
  });

  it('creates and renames an event, and moves an article to it', async () => {
    await corpus(
      'create',
      [
        { name: 'id', type: STRING, value: 'geneva-sep-2016' },
        { name: 'name', type: STRING, value: 'Geneva truce deal' },
        { name: 'start', type: STRING, value: '2016-09-09' },
        { name: 'end', type: STRING, value: '2016-09-10' },
      ],
      { group: 'event' },
    );
    await corpus(
      'rename',
      [
        { name: 'event', type: STRING, value: 'geneva-sep-2016' },
        { name: 'name', type: STRING, value: 'Kerry–Lavrov truce deal, September 2016' },
      ],
      { group: 'event' },
    );
    const doc = live.engine.corpus.articles.find((a) => a.source === 'Example Times')?.id as string;
    const moved = await corpus('move', [
      { name: 'doc', type: STRING, value: doc },
      { name: 'event', type: STRING, value: 'geneva-sep-2016' },
    ]);
    expect(text(moved)).toContain('now belongs to `geneva-sep-2016`');
    expect(await ask('What happens at sundown on Eid al-Adha?')).toContain(
      'Kerry–Lavrov truce deal, September 2016',
    );
  });

  it('refuses every curation command to a member who is not a moderator, and changes nothing', async () => {
    const before = live.engine;
    for (const [sub, options] of [
      [
        'add',
        [
          { name: 'event', type: STRING, value: 'geneva-aug-2016' },
          { name: 'url', type: STRING, value: `${pagesUrl}/news/truce.html` },
        ],
      ],
      ['remove', [{ name: 'doc', type: STRING, value: before.corpus.articles[0]?.id }]],
      ['history', []],
    ] as const) {
      const reply = await corpus(sub, [...options], { permissions: '3072', user: member });
      expect(data(reply).flags).toBe(64);
      expect(text(reply)).toContain('Only moderators');
    }
    expect(live.engine).toBe(before);
  });

  it('records every change in the audit log, shown by /corpus history', async () => {
    const lines = (await readFile(path.join(corpusDir, 'audit.log'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.action)).toEqual([
      'add',
      'add',
      'add',
      'add',
      'remove',
      'restore',
      'event-create',
      'event-rename',
      'move',
    ]);
    expect(
      lines.every((l) => l.userId === moderator.id && l.userName === 'mod' && typeof l.at === 'string'),
    ).toBe(true);
    const history = await corpus('history', [{ name: 'count', type: 4, value: 3 }]);
    expect(text(history)).toContain('Corpus history');
    expect(text(history).match(/\*\*mod\*\*/g)).toHaveLength(3);
  });

  it('never deletes a file: the corpus and removed folders hold every article written', async () => {
    await mkdir(removedDir(corpusDir), { recursive: true });
    const files = await readdir(corpusDir);
    expect(files.filter((f) => f.endsWith('.md'))).toHaveLength(9);
    expect(files.some((f) => f.startsWith('.') && f.endsWith('.tmp'))).toBe(false);
  });
});
