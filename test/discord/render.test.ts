import { escapeMarkdown, PermissionFlagsBits, PermissionsBitField } from 'discord.js';
import { describe, expect, it } from 'vitest';
import type { EventSummary } from '../../src/answer/engine.ts';
import type { Answer, Excerpt } from '../../src/answer/types.ts';
import {
  renderAnswer as renderAnswerText,
  renderTimeline as renderTimelineText,
} from '../../src/cli/render.ts';
import { ConfigError, readBotConfig } from '../../src/config.ts';
import { loadCorpus } from '../../src/corpus/load.ts';
import type { Article } from '../../src/corpus/types.ts';
import { embedLength } from '../../src/discord/embed-fit.ts';
import { ALL_MARKDOWN_ESCAPES, escapeCorpusText, formsMarkdown } from '../../src/discord/escape.ts';
import { askedFooter, footerQuery } from '../../src/discord/footer.ts';
import {
  EMBED_DESCRIPTION_MAX,
  EMBED_FIELD_VALUE_MAX,
  EMBED_TOTAL_MAX,
  truncate,
} from '../../src/discord/limits.ts';
import { isModerator } from '../../src/discord/permissions.ts';
import { RateLimiter } from '../../src/discord/rate-limit.ts';
import {
  highlightExcerpt,
  renderAnswer,
  renderCompare,
  renderNoAnswer,
} from '../../src/discord/render-answer.ts';
import { renderEvents, renderTimeline } from '../../src/discord/render-catalog.ts';
import { renderRefresh } from '../../src/discord/render-moderation.ts';
import { createLogger } from '../../src/log.ts';
import { CORPUS_DIR } from '../core/helpers.ts';

function excerpt(over: Partial<Excerpt> = {}): Excerpt {
  return {
    text: 'Kerry said the talks were “very near” an agreement.',
    highlights: [{ start: 0, end: 5 }],
    docId: 'a',
    title: 'Talks in Geneva',
    source: 'The Daily',
    date: '2016-08-26',
    dateApprox: false,
    url: 'https://example.com/a',
    speaker: null,
    event: 'geneva',
    eventName: 'Geneva talks',
    score: 1,
    alsoIn: [],
    ...over,
  };
}

function answer(results: Excerpt[], over: Partial<Answer> = {}): Answer {
  return {
    question: 'What did Kerry say?',
    filters: {},
    understood: [],
    corrections: [],
    noAnswer: false,
    results,
    offset: 0,
    hasMore: false,
    ...over,
  };
}

describe('escaping corpus text', () => {
  it('skips discord.js escapeMarkdown only for text it would leave unchanged', async () => {
    const texts = [
      ...(await loadCorpus(CORPUS_DIR)).articles.flatMap((a) => [a.title, ...a.text.split(/(?<=[.,;:])/)]),
      'Plain words, numbers 1.5 and 2016-03-04 - dashes – and quotes “x”.',
      '- a list\n12. numbered\n  # heading\n\u2028- after a line separator',
      'a\\b `c` *d* _e_ ~~f~~ ||g|| [h](i) <:j:1> https://k_l',
    ];
    let skipped = 0;
    for (const text of texts) {
      if (formsMarkdown(text)) continue;
      skipped++;
      expect(escapeMarkdown(text, ALL_MARKDOWN_ESCAPES)).toBe(text);
    }
    expect(skipped).toBeGreaterThan(20);
    for (const line of texts[texts.length - 2]?.split(/[\n\u2028]+/) ?? [])
      expect(formsMarkdown(line)).toBe(true);
  });

  it('neutralises markdown, mentions, masked links, quotes and URLs', () => {
    const nasty =
      '**bold** _it_ `code` ||spoiler|| ~~s~~ [click](https://evil.example) @everyone @here <@123456789012345678> <#1> https://x.y';
    const escaped = escapeCorpusText(nasty);
    expect(escaped).not.toMatch(/(^|[^\\])\*\*/);
    expect(escaped).toContain('\\[click](');
    expect(escaped).not.toContain('@everyone');
    expect(escaped).not.toContain('@here');
    expect(escaped).not.toContain('<@1');
    expect(escaped).not.toContain('https://');
    expect(escapeCorpusText('> not a quote')).toBe('\\> not a quote');
  });

  it('keeps a line of corpus text from becoming a heading, small text, a list or a timestamp', () => {
    expect(escapeCorpusText('# big\n-# small\n  -# small\n- item\n1. item')).toBe(
      '\\# big\n\\-# small\n  \\-# small\n\\- item\n1\\. item',
    );
    expect(escapeCorpusText('<t:1471910400:F> </ask:1>')).not.toMatch(/<[t/]/);
  });

  it('keeps what people read: letters, punctuation and spacing', () => {
    expect(escapeCorpusText('Kerry-Lavrov talks (Geneva), 290,000 people.')).toBe(
      'Kerry-Lavrov talks (Geneva), 290,000 people.',
    );
  });
});

describe('highlighting', () => {
  it('puts the matched words in bold and escapes the rest', () => {
    const e = excerpt({
      text: 'Lavrov said *terrorists* must go.',
      highlights: [
        { start: 0, end: 6 },
        { start: 13, end: 23 },
      ],
    });
    expect(highlightExcerpt(e)).toBe('**Lavrov** said \\***terrorists**\\* must go.');
  });
});

describe('highlight runs', () => {
  it('bolds neighbouring matched words as one run', () => {
    const e = excerpt({
      text: 'Kerry said the Syrian people, not Kerry.',
      highlights: [
        { start: 0, end: 5 },
        { start: 6, end: 10 },
        { start: 15, end: 21 },
        { start: 22, end: 28 },
        { start: 34, end: 39 },
      ],
    });
    expect(highlightExcerpt(e)).toBe('**Kerry said** the **Syrian people**, not **Kerry**.');
  });
});

describe('answer replies', () => {
  it('show the quote, outlet, date, event, linked title and copies, without pinging anyone', () => {
    const reply = renderAnswer(
      answer([
        excerpt({
          alsoIn: [
            {
              docId: 'b',
              title: 'Copy',
              source: 'Other Post',
              date: '2016-08-27',
              dateApprox: false,
              url: null,
            },
          ],
        }),
      ]),
      [],
    );
    expect(reply.allowedMentions).toEqual({ parse: [] });
    expect(reply.embeds[0]?.description).toBe(
      [
        '**1.** “**Kerry** said the talks were “very near” an agreement.”',
        '— **The Daily** · 26 Aug 2016 · Geneva talks',
        '-# [Talks in Geneva](<https://example.com/a>)',
        '-# Also reported by Other Post (27 Aug 2016)',
      ].join('\n'),
    );
    expect(reply.components).toEqual([]);
  });

  it('say first, in small print and escaped, what was read from the question as filters', () => {
    const understood = [
      {
        kind: 'source' as const,
        text: 'The *BRICS* Post',
        start: 0,
        end: 16,
        filter: { source: 'brics post' },
      },
      { kind: 'date' as const, text: 'March 2016', start: 20, end: 30, filter: { since: '2016-03-01' } },
    ];
    const first = renderAnswer(answer([excerpt()], { understood }), []);
    expect(first.embeds[0]?.description?.split('\n')[0]).toBe(
      '-# Read from your question: outlet The \\*BRICS\\* Post · date March 2016',
    );
    // Later pages do not repeat it; an answer that read nothing has no such line.
    const later = renderAnswer(answer([excerpt()], { understood, offset: 3 }), []);
    expect(later.embeds[0]?.description).not.toContain('Read from your question');
    expect(renderAnswer(answer([excerpt()]), []).embeds[0]?.description).not.toContain('Read from');
  });

  it('say, on a refusal, what the question named that no article matches together', () => {
    const unmatched = [
      { kind: 'date' as const, text: 'March', start: 30, end: 35, filter: { since: '2016-03-01' } },
      { kind: 'source' as const, text: 'The *BRICS* Post', start: 9, end: 25, filter: { source: 'brics' } },
    ];
    const reply = renderNoAnswer(
      { question: 'q', offset: 0, understood: [], unmatched, corrections: [] },
      [],
    );
    expect(reply.content?.split('\n')[0]).toBe(
      '-# No article from The \\*BRICS\\* Post dated March: asked of all the coverage',
    );
  });

  it('say which typed words were read as others, before the filters', () => {
    const reply = renderAnswer(
      answer([excerpt()], {
        corrections: [{ typed: 'Lavorv', read: 'Lavrov' }],
        understood: [
          { kind: 'date' as const, text: 'March 2016', start: 0, end: 10, filter: { since: '2016-03-01' } },
        ],
      }),
      [],
    );
    expect(reply.embeds[0]?.description?.split('\n')[0]).toBe(
      '-# Read from your question: “Lavorv” as “Lavrov” · date March 2016',
    );
  });

  it('name who said what an excerpt quotes before its outlet, escaped', () => {
    const reply = renderAnswer(answer([excerpt({ speaker: 'Sergei *Lavrov*' })]), []);
    expect(reply.embeds[0]?.description?.split('\n')[1]).toBe(
      '— Sergei \\*Lavrov\\* · **The Daily** · 26 Aug 2016 · Geneva talks',
    );
  });

  it('say "Unknown outlet", "date unknown" and "about" rather than invent metadata', () => {
    const reply = renderAnswer(
      answer([
        excerpt({ source: null, date: null, url: null }),
        excerpt({ date: '2016-03-04', dateApprox: true }),
      ]),
      [],
    );
    expect(reply.embeds[0]?.description).toContain('— **Unknown outlet** · date unknown · Geneva talks');
    expect(reply.embeds[0]?.description).toContain('about 4 Mar 2016');
  });

  it('stay within Discord limits with ten long excerpts, and page the ones that do not fit', () => {
    const long = 'word '.repeat(60).trim();
    const results = Array.from({ length: 10 }, (_, i) =>
      excerpt({
        text: `${long} ${i}.`,
        title: 'T'.repeat(250),
        alsoIn: Array.from({ length: 5 }, (_, j) => ({
          docId: `c${j}`,
          title: 'c',
          source: 'S'.repeat(60),
          date: null,
          dateApprox: false,
          url: null,
        })),
      }),
    );
    const reply = renderAnswer(answer(results, { hasMore: false }), []);
    const embed = reply.embeds[0];
    expect(embed?.description?.length).toBeLessThanOrEqual(EMBED_DESCRIPTION_MAX);
    expect(embedLength(embed ?? {})).toBeLessThanOrEqual(EMBED_TOTAL_MAX);
    const shown = (embed?.description?.match(/^\*\*\d+\.\*\*/gm) ?? []).length;
    expect(shown).toBeLessThan(10);
    expect(JSON.stringify(reply.components)).toContain(`"custom_id":"more:${shown}:10"`);
  });

  it('cut a single excerpt too long to fit, keeping its bold balanced, and never page in place', () => {
    // Escaping roughly doubles this text: it cannot fit in one description whole.
    const text = `Kerry ${'*said* the _talks_ were near '.repeat(130)}end.`;
    const highlights = [
      { start: 0, end: 5 },
      { start: text.length - 4, end: text.length - 1 },
    ];
    const reply = renderAnswer(answer([excerpt({ text, highlights })], { hasMore: true }), []);
    const description = reply.embeds[0]?.description ?? '';
    expect(text.length).toBeLessThan(EMBED_DESCRIPTION_MAX);
    expect(description.length).toBeLessThanOrEqual(EMBED_DESCRIPTION_MAX);
    expect(description).toMatch(/^\*\*1\.\*\* “\*\*Kerry\*\* \\\*said\\\* the \\_talks\\_/);
    expect(description).toContain('…”');
    expect(description).not.toContain('**end**');
    expect(description).toContain('— **The Daily** · 26 Aug 2016 · Geneva talks');
    expect((description.match(/(?<!\\)\*\*/g) ?? []).length % 2).toBe(0);
    expect(JSON.stringify(reply.components)).toContain('"custom_id":"more:1:1"');
  });

  it('offer More with the next offset when the core has more', () => {
    const reply = renderAnswer(answer([excerpt(), excerpt(), excerpt()], { offset: 3, hasMore: true }), []);
    expect(reply.embeds[0]?.description).toMatch(/^\*\*4\.\*\*/);
    expect(JSON.stringify(reply.components)).toContain('"custom_id":"more:6:3"');
  });

  it('carry the question and its filters in the footer, readable back for the More button', () => {
    const filters = { event: 'geneva-aug-2016', source: 'The BRICS Post', since: '2016-08-01' };
    const footer = askedFooter('What did Lavrov say?', filters);
    expect(footer).toBe(
      'Asked: What did Lavrov say?\nFilters: event:geneva-aug-2016 source:"The BRICS Post" since:2016-08-01',
    );
    expect(footerQuery(footer)).toEqual({ question: 'What did Lavrov say?', filters });
    // Text that looks like a filter stays in the question; no filters read back as none.
    const literal = askedFooter('What happened since:2016 in\nGeneva?', {});
    expect(literal).toBe('Asked: What happened since:2016 in Geneva?\nFilters: none');
    expect(footerQuery(literal)).toEqual({ question: 'What happened since:2016 in Geneva?', filters: {} });
    // An answer posted before this footer layout still pages.
    expect(footerQuery('Asked: event:geneva-aug-2016 What did Kerry say?')).toEqual({
      question: 'What did Kerry say?',
      filters: { event: 'geneva-aug-2016' },
    });
    expect(footerQuery('Something else')).toBeNull();
  });

  it('list many events within the limits, saying how many are shown, names escaped', () => {
    const events = Array.from({ length: 40 }, (_, i) => ({
      id: `event-${i}`,
      name: `*Talks* ${i}`,
      start: '2016-08-26',
      end: '2016-08-27',
      description: 'A long description of what happened. '.repeat(40),
      articles: 2,
      firstDate: '2016-08-26',
      lastDate: '2016-08-27',
    }));
    const embed = renderEvents(events).embeds[0] ?? {};
    const shown = embed.fields?.length ?? 0;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThanOrEqual(25);
    expect(embedLength(embed)).toBeLessThanOrEqual(EMBED_TOTAL_MAX);
    expect(embed.description).toBe(
      `Showing ${shown} of 40 events; \`/timeline\` lists any event's articles.`,
    );
    expect(embed.fields?.[0]?.name).toBe('\\*Talks\\* 0 (event-0)');
    expect(renderEvents(events.slice(0, 2)).embeds[0]?.description).toBeUndefined();
  });

  it('compare each outlet in a field within 1,024 characters', () => {
    const reply = renderCompare(
      answer([excerpt({ text: 'x'.repeat(2000) }), excerpt({ source: 'Other' })]),
      [],
    );
    for (const f of reply.embeds[0]?.fields ?? [])
      expect(f.value.length).toBeLessThanOrEqual(EMBED_FIELD_VALUE_MAX);
    expect(reply.embeds[0]?.fields?.map((f) => f.name)).toEqual(['The Daily', 'Other']);
  });

  it('compare a long excerpt as a shortened quote that keeps its bold words, outlet name escaped', () => {
    const text = `Kerry said ${'the talks were very near an agreement, '.repeat(60)}end.`;
    const reply = renderCompare(answer([excerpt({ text, source: '*Star*' })]), []);
    const field = reply.embeds[0]?.fields?.[0];
    expect(field?.name).toBe('\\*Star\\*');
    expect(field?.value.length).toBeLessThanOrEqual(EMBED_FIELD_VALUE_MAX);
    expect(field?.value).toMatch(/^“\*\*Kerry\*\* said the talks were very near/);
    expect(field?.value).toMatch(/…”\n— 26 Aug 2016 · \[Talks in Geneva\]/);
  });

  it('report a refresh with what changed and every problem by file and line', () => {
    const reply = renderRefresh({
      ok: true,
      added: ['a'],
      updated: [],
      removed: ['b'],
      articles: 5,
      passages: 50,
      problems: [{ path: 'x.md', line: 3, message: 'bad date' }],
      error: null,
      durationMs: 120,
    });
    expect(reply.embeds[0]?.description).toContain('Added: a\nUpdated: none\nRemoved: b');
    expect(reply.embeds[0]?.description).toContain('`x.md:3` bad date');
  });
});

describe('truncate', () => {
  it('cuts at a word boundary with an ellipsis, and leaves short text alone', () => {
    expect(truncate('short', 10)).toBe('short');
    expect(truncate('the quick brown fox jumps', 12)).toBe('the quick…');
    expect(truncate('the quick brown fox jumps', 12).length).toBeLessThanOrEqual(12);
  });
});

describe('configuration', () => {
  it('lists every problem at once, with how to fix it, and never echoes a value', () => {
    try {
      readBotConfig({
        DISCORD_TOKEN: 'secret-but-short',
        ASK_RATE_LIMIT: '0',
        LOG_LEVEL: 'loud',
        MODERATOR_ROLE_IDS: 'abc',
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      expect(message).toContain('DISCORD_TOKEN does not look like a bot token');
      expect(message).toContain('DISCORD_CLIENT_ID is missing: copy the Application ID');
      expect(message).toContain('ASK_RATE_LIMIT must be a whole number above 0');
      expect(message).toContain('LOG_LEVEL must be debug, info, warn or error');
      expect(message).toContain('MODERATOR_ROLE_IDS must be a Discord id');
      expect(message).not.toContain('secret-but-short');
    }
  });

  it('reads a good configuration with its defaults', () => {
    const config = readBotConfig({
      DISCORD_TOKEN: 't'.repeat(70),
      DISCORD_CLIENT_ID: '123456789012345678',
      MODERATOR_ROLE_IDS: '123456789012345678, 223456789012345678',
    });
    expect(config).toMatchObject({
      guildId: undefined,
      apiUrl: undefined,
      moderatorRoleIds: ['123456789012345678', '223456789012345678'],
      rateLimit: { questions: 5, windowSeconds: 60 },
      addRateLimit: { previews: 10, windowSeconds: 600 },
      logLevel: 'info',
    });
  });
});

describe('home servers (MODERATOR_GUILD_IDS)', () => {
  const env = { DISCORD_TOKEN: 't'.repeat(70), DISCORD_CLIENT_ID: '123456789012345678' };

  it('are the listed servers, else the development server, else none (curation off)', () => {
    expect(
      readBotConfig({ ...env, MODERATOR_GUILD_IDS: '223456789012345678, 323456789012345678' })
        .moderatorGuildIds,
    ).toEqual(['223456789012345678', '323456789012345678']);
    expect(readBotConfig({ ...env, DISCORD_GUILD_ID: '423456789012345678' }).moderatorGuildIds).toEqual([
      '423456789012345678',
    ]);
    expect(readBotConfig(env).moderatorGuildIds).toEqual([]);
  });

  it('refuses a value that is not a server id', () => {
    expect(() => readBotConfig({ ...env, MODERATOR_GUILD_IDS: 'my-server' })).toThrow(
      'MODERATOR_GUILD_IDS must be a Discord id (17 to 20 digits)',
    );
  });
});

describe('logging', () => {
  it('never prints the token, even inside an error', () => {
    const lines: string[] = [];
    const token = 'MTIzNDU2Nzg5.secret.token';
    const logger = createLogger('info', [token], (l) => lines.push(l));
    logger.error('login failed', { command: 'ask', error: new Error(`bad token ${token}`) });
    logger.debug('hidden at info');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] as string)).toMatchObject({ command: 'ask' });
    expect(lines[0]).not.toContain(token);
    expect(lines[0]).toContain('[redacted]');
  });
});

describe('rate limit and moderators', () => {
  it('allows N questions per window per member, then says how long to wait', () => {
    let now = 0;
    const limiter = new RateLimiter(2, 60_000, () => now);
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBe(60);
    expect(limiter.take('b')).toBe(0);
    now = 30_000;
    expect(limiter.take('a')).toBe(30);
    now = 60_001;
    expect(limiter.take('a')).toBe(0);
  });

  it('counts Manage Server or a listed role, never a DM', () => {
    const manage = new PermissionsBitField(PermissionFlagsBits.ManageGuild);
    const plain = new PermissionsBitField(PermissionFlagsBits.SendMessages);
    expect(isModerator({ permissions: manage, roleIds: [] }, [])).toBe(true);
    expect(isModerator({ permissions: plain, roleIds: ['1'] }, ['1'])).toBe(true);
    expect(isModerator({ permissions: plain, roleIds: ['2'] }, ['1'])).toBe(false);
    expect(isModerator({ permissions: null, roleIds: ['1'] }, ['1'])).toBe(false);
  });
});

describe('links to articles', () => {
  /** An address that, rendered raw into [title](<url>), closes the link and opens a second one. */
  const HOSTILE = 'https://news.example/a>)**Breaking**[Claim](https://evil.example/x';
  const event: EventSummary = {
    id: 'geneva',
    name: 'Geneva talks',
    description: '',
    start: '2016-08-26',
    end: '2016-08-27',
    articles: 1,
    firstDate: '2016-08-26',
    lastDate: '2016-08-26',
  };
  const article = (url: string): Article => ({
    id: 'a',
    title: 'Talks in Geneva',
    source: 'The Daily',
    date: '2016-08-26',
    dateApprox: false,
    url,
    event: 'geneva',
    language: 'en',
    text: 'Kerry said the talks were very near an agreement.',
    path: 'a.md',
  });
  /** Every link target of a message: what Discord would make clickable. */
  const targets = (text: string) => [...text.matchAll(/\]\(<?([^)>]*)/g)].map((m) => m[1]);

  it('in /ask, /compare and /timeline never let an address close its link: the title shows unlinked', () => {
    const ask = renderAnswer(answer([excerpt({ url: HOSTILE })]), []).embeds[0]?.description ?? '';
    const compare =
      renderCompare(answer([excerpt({ url: HOSTILE })]), []).embeds[0]?.fields?.[0]?.value ?? '';
    const timeline = renderTimeline(event, [article(HOSTILE)]).embeds[0]?.description ?? '';
    for (const text of [ask, compare, timeline]) {
      expect(targets(text)).toEqual([]);
      expect(text).not.toContain('evil.example');
    }
    expect(ask.split('\n').at(-1)).toBe('-# Talks in Geneva');
    expect(compare.split('\n').at(-1)).toBe('— 26 Aug 2016 · Talks in Geneva');
    expect(timeline).toBe('`26 Aug 2016` · **The Daily** · Talks in Geneva');
  });

  it('link a good address in its stored form in /ask, /compare and /timeline, and in the terminal', () => {
    const typed = 'HTTPS://News.Example/Genève?q=a|b';
    const stored = 'https://news.example/Gen%C3%A8ve?q=a|b';
    const ask = renderAnswer(answer([excerpt({ url: typed })]), []).embeds[0]?.description ?? '';
    const compare = renderCompare(answer([excerpt({ url: typed })]), []).embeds[0]?.fields?.[0]?.value ?? '';
    const timeline = renderTimeline(event, [article(typed)]).embeds[0]?.description ?? '';
    for (const text of [ask, compare, timeline]) expect(targets(text)).toEqual([stored]);
    expect(renderAnswerText(answer([excerpt({ url: typed })]))).toContain(`Talks in Geneva <${stored}>`);
    expect(renderTimelineText([article(typed)])).toContain(`Talks in Geneva <${stored}>`);
    expect(renderAnswerText(answer([excerpt({ url: HOSTILE })]))).not.toContain('evil.example');
    expect(renderTimelineText([article(HOSTILE)])).not.toContain('evil.example');
  });
});
