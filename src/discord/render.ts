/**
 * Rendering of answers and corpus summaries into Discord message payloads (plain data, no client):
 * one fixed shape per reply, corpus text escaped, matched terms in bold, every limit respected.
 */
import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  ButtonStyle,
  ComponentType,
} from 'discord.js';
import type { CompareBy, EventSummary, SourceSummary } from '../answer/coverage-index.ts';
import { formatInlineFilters, parseInlineQuery } from '../answer/inline-filters.ts';
import type { Answer, Excerpt, Filters } from '../answer/types.ts';
import {
  formatAlsoReported,
  formatDate,
  formatSource,
  formatUnderstood,
  NO_ANSWER_TEXT,
} from '../answer/wording.ts';
import type { Article, CorpusProblem } from '../corpus/types.ts';
import { type ArticleDraft, missingMetadata } from '../curation/draft.ts';
import type { AuditEntry } from '../store/audit-log.ts';
import type { RefreshReport } from '../store/change-report.ts';
import { escapeCorpusText, markdownLink } from './escape.ts';
import {
  EMBED_DESCRIPTION_MAX,
  EMBED_FIELD_NAME_MAX,
  EMBED_FIELD_VALUE_MAX,
  EMBED_FIELDS_MAX,
  EMBED_FOOTER_MAX,
  EMBED_TITLE_MAX,
  EMBED_TOTAL_MAX,
  MESSAGE_CONTENT_MAX,
  truncate,
} from './limits.ts';
import { type ShardStatus, shardStatusLines, shownVersion } from './shard-status.ts';

/** What the bot sends: embeds, buttons, and mentions that never ping. */
export interface ReplyPayload {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
  allowedMentions: { parse: [] };
}

/** Colour of answer embeds. */
const ACCENT = 0x3b82f6;
/** The footer prefix that carries the question (and its filters) for the More button. */
export const ASKED_PREFIX = 'Asked: ';
/** custom_id prefix of the More button: `more:<offset>:<count>:<asker id>` (older ones lack the asker). */
export const MORE_PREFIX = 'more:';

const NO_MENTIONS = { parse: [] as [] };

/** The excerpt's text, escaped, with the words that matched the question in bold. */
export function highlightExcerpt(excerpt: Pick<Excerpt, 'text' | 'highlights'>): string {
  // Matched words separated only by spaces are one bold run ("**Kerry said**", not "**Kerry** **said**").
  const runs: Array<{ start: number; end: number }> = [];
  for (const h of excerpt.highlights) {
    const last = runs[runs.length - 1];
    if (last && /^[ \t]+$/.test(excerpt.text.slice(last.end, h.start))) last.end = h.end;
    else runs.push({ ...h });
  }
  let out = '';
  let at = 0;
  for (const h of runs) {
    out += escapeCorpusText(excerpt.text.slice(at, h.start));
    out += `**${escapeCorpusText(excerpt.text.slice(h.start, h.end))}**`;
    at = h.end;
  }
  return out + escapeCorpusText(excerpt.text.slice(at));
}

/** The highlighted excerpt in quotation marks, unless it opens with a quotation of its own. */
function quoted(excerpt: Pick<Excerpt, 'text' | 'highlights'>): string {
  const text = highlightExcerpt(excerpt);
  return /^[“"‘']/.test(excerpt.text) ? text : `“${text}”`;
}

/** The linked (or plain) title of an excerpt's article. */
function articleLink(item: { title: string; url: string | null }): string {
  return markdownLink(truncate(item.title, 200), item.url);
}

/** One excerpt as a block: the quote, then outlet, date and event, then the article and its copies. */
export function renderExcerptBlock(excerpt: Excerpt, number: number | null): string {
  const lines = [`${number === null ? '' : `**${number}.** `}${quoted(excerpt)}`];
  const meta = [
    `**${escapeCorpusText(formatSource(excerpt.source))}**`,
    formatDate(excerpt.date, excerpt.dateApprox),
  ];
  // Who said it, when the coverage says: "— Sergei Lavrov · The BRICS Post · 27 Aug 2016".
  if (excerpt.speaker) meta.unshift(escapeCorpusText(excerpt.speaker));
  if (excerpt.eventName) meta.push(escapeCorpusText(excerpt.eventName));
  lines.push(`— ${meta.join(' · ')}`);
  lines.push(`-# ${articleLink(excerpt)}`);
  const also = formatAlsoReported(excerpt);
  if (also) lines.push(`-# ${escapeCorpusText(also)}`);
  return lines.join('\n');
}

/**
 * An excerpt block of at most `max` characters: the excerpt's text is cut at a word boundary
 * (with "…") until the escaped, highlighted block fits, and highlights past the cut are dropped,
 * so bold markers stay balanced. For the rare excerpt too long to show whole.
 */
export function fittedExcerptBlock(excerpt: Excerpt, number: number | null, max: number): string {
  return shrinkToFit(excerpt, max, (e) => renderExcerptBlock(e, number));
}

/** `render(excerpt)`, with the excerpt's text cut shorter and shorter until it fits in `max`. */
function shrinkToFit(excerpt: Excerpt, max: number, render: (excerpt: Excerpt) => string): string {
  let room = excerpt.text.length;
  let out = render(excerpt);
  while (out.length > max && room > 1) {
    room = Math.floor(room * 0.8);
    const text = truncate(excerpt.text, room);
    const kept = text.endsWith('…') ? text.length - 1 : text.length;
    const highlights = excerpt.highlights.filter((h) => h.end <= kept);
    out = render({ ...excerpt, text, highlights });
  }
  return out.length > max ? truncate(out, max) : out;
}

const FILTERS_LINE = '\nFilters: ';
const NO_FILTERS = 'none';

/**
 * The footer that carries the question and its filters, for the More button after a restart:
 * the question on one line as asked, the filters on their own line, so text in the question that
 * looks like a filter (`since:…`) stays part of the question.
 */
export function askedFooter(question: string, filters: Filters): string {
  const inline = formatInlineFilters(filters) || NO_FILTERS;
  const line = question.replace(/\s+/g, ' ').trim();
  return `${truncate(`${ASKED_PREFIX}${line}`, EMBED_FOOTER_MAX - FILTERS_LINE.length - inline.length)}${FILTERS_LINE}${inline}`;
}

/**
 * The question and filters a footer written by `askedFooter` carries, or null when it carries
 * none. Footers of older answers (filters written inline before the question) still read.
 */
export function footerQuery(footer: string | undefined): { question: string; filters: Filters } | null {
  if (!footer?.startsWith(ASKED_PREFIX)) return null;
  const body = footer.slice(ASKED_PREFIX.length);
  const at = body.lastIndexOf(FILTERS_LINE);
  if (at < 0) {
    const legacy = parseInlineQuery(body);
    return { question: legacy.question, filters: legacy.filters };
  }
  const inline = body.slice(at + FILTERS_LINE.length);
  return {
    question: body.slice(0, at),
    filters: inline === NO_FILTERS ? {} : parseInlineQuery(inline).filters,
  };
}

function moreButton(
  offset: number,
  count: number,
  askerId?: string,
): APIActionRowComponent<APIButtonComponent> {
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: 'More',
        custom_id: `${MORE_PREFIX}${offset}:${count}${askerId ? `:${askerId}` : ''}`,
      },
    ],
  };
}

/**
 * An answer as a reply: one embed whose description holds as many excerpts as fit in Discord's
 * limits, a footer with the question, and a More button (naming `askerId`) when more excerpts
 * exist (also when some did not fit). A `noAnswer` says so and lists the events the coverage covers.
 */
export function renderAnswer(answer: Answer, events: EventSummary[], askerId?: string): ReplyPayload {
  if (answer.noAnswer || answer.results.length === 0) return renderNoAnswer(answer, events);
  const blocks: string[] = [];
  let length = 0;
  const understood = answer.offset === 0 ? formatUnderstood(answer) : null;
  // Subtext: what the bot read from the member's own words, escaped like corpus text.
  const header = understood === null ? null : `-# ${escapeCorpusText(truncate(understood, 200))}`;
  if (header !== null) length = header.length + 2;
  for (const [i, excerpt] of answer.results.entries()) {
    const block = renderExcerptBlock(excerpt, answer.offset + i + 1);
    const added = (blocks.length > 0 ? 2 : 0) + block.length;
    if (length + added > EMBED_DESCRIPTION_MAX) break;
    blocks.push(block);
    length += added;
  }
  const first = answer.results[0];
  if (blocks.length === 0 && first) {
    const room = EMBED_DESCRIPTION_MAX - (header === null ? 0 : header.length + 2);
    const block = fittedExcerptBlock(first, answer.offset + 1, room);
    blocks.push(block);
    length = block.length;
  }
  const shown = blocks.length;
  const title = truncate(answer.question, EMBED_TITLE_MAX - 2);
  const embed: APIEmbed = {
    color: ACCENT,
    title: escapeCorpusText(title),
    description: (header === null ? blocks : [header, ...blocks]).join('\n\n'),
    footer: { text: askedFooter(answer.question, answer.filters) },
  };
  const more = answer.hasMore || shown < answer.results.length;
  return {
    embeds: [fitEmbed(embed)],
    components: more ? [moreButton(answer.offset + shown, Math.max(1, answer.results.length), askerId)] : [],
    allowedMentions: NO_MENTIONS,
  };
}

/** "The coverage doesn't answer that." with the events it does cover. */
export function renderNoAnswer(
  answer: Pick<Answer, 'question' | 'offset'>,
  events: EventSummary[],
): ReplyPayload {
  const text =
    answer.offset > 0
      ? 'No more excerpts answer that question.'
      : `${NO_ANSWER_TEXT} It covers:\n${events.map((e) => `• **${escapeCorpusText(e.name)}** (\`${e.id}\`), ${formatSpan(e.firstDate ?? e.start, e.lastDate ?? e.end)}`).join('\n')}`;
  return {
    content: truncate(text, MESSAGE_CONTENT_MAX),
    embeds: [],
    components: [],
    allowedMentions: NO_MENTIONS,
  };
}

/** The best excerpt of each outlet (or, `by: 'speaker'`, of each speaker), one field each. */
export function renderCompare(
  answer: Answer,
  events: EventSummary[],
  by: CompareBy = 'outlet',
): ReplyPayload {
  if (answer.noAnswer || answer.results.length === 0) return renderNoAnswer(answer, events);
  const fields = answer.results.slice(0, EMBED_FIELDS_MAX).map((excerpt) => {
    const where = [formatDate(excerpt.date, excerpt.dateApprox), articleLink(excerpt)];
    if (by === 'speaker') where.unshift(`**${escapeCorpusText(formatSource(excerpt.source))}**`);
    const meta = `— ${where.join(' · ')}`;
    const room = EMBED_FIELD_VALUE_MAX - meta.length - 1;
    const value = `${shrinkToFit(excerpt, room, (e) => quoted(e))}\n${meta}`;
    const name = by === 'speaker' ? (excerpt.speaker ?? '') : formatSource(excerpt.source);
    return { name: truncate(escapeCorpusText(name), EMBED_FIELD_NAME_MAX), value };
  });
  const heading = by === 'speaker' ? 'Who said what' : 'How each outlet reported';
  const embed: APIEmbed = {
    color: ACCENT,
    title: escapeCorpusText(truncate(`${heading}: ${answer.question}`, EMBED_TITLE_MAX - 2)),
    fields,
    footer: { text: askedFooter(answer.question, answer.filters) },
  };
  return { embeds: [fitEmbed(embed)], components: [], allowedMentions: NO_MENTIONS };
}

/** "26 Aug 2016" or "4 Mar 2016 – 7 Mar 2016". */
export function formatSpan(first: string | null, last: string | null): string {
  if (first === null) return formatDate(null);
  return first === last || last === null ? formatDate(first) : `${formatDate(first)} – ${formatDate(last)}`;
}

/** What the corpus covers, event by event. */
export function renderEvents(events: EventSummary[]): ReplyPayload {
  const fields = events.slice(0, EMBED_FIELDS_MAX).map((e) => ({
    name: truncate(escapeCorpusText(`${e.name} (${e.id})`), EMBED_FIELD_NAME_MAX),
    value: truncate(
      `${e.articles} article${e.articles === 1 ? '' : 's'} · ${formatSpan(e.firstDate, e.lastDate)}\n${escapeCorpusText(e.description)}`,
      EMBED_FIELD_VALUE_MAX,
    ),
  }));
  const showing = (shown: number) =>
    `Showing ${shown} of ${events.length} events; \`/timeline\` lists any event's articles.`;
  // Room is kept for the note (the count shown never has more digits than the total).
  const fitted = fitEmbed({
    color: ACCENT,
    title: 'Events in the coverage',
    fields,
    description: events.length === 0 ? 'No events are defined yet.' : showing(events.length),
  });
  const shown = fitted.fields?.length ?? 0;
  if (events.length > 0) fitted.description = shown < events.length ? showing(shown) : undefined;
  return { embeds: [fitted], components: [], allowedMentions: NO_MENTIONS };
}

/** The outlets of the corpus, one line each. */
export function renderSources(sources: SourceSummary[]): ReplyPayload {
  const lines = sources.map(
    (s) =>
      `**${escapeCorpusText(formatSource(s.source))}**: ${s.articles} article${s.articles === 1 ? '' : 's'}, ${formatSpan(s.firstDate, s.lastDate)}${s.events.length ? ` (${s.events.join(', ')})` : ''}`,
  );
  return {
    embeds: [
      fitEmbed({
        color: ACCENT,
        title: 'Outlets in the coverage',
        description: joinWithin(lines, EMBED_DESCRIPTION_MAX),
      }),
    ],
    components: [],
    allowedMentions: NO_MENTIONS,
  };
}

/** An event's articles in date order: date, outlet, linked title. */
export function renderTimeline(event: EventSummary, articles: Article[]): ReplyPayload {
  const lines = articles.map(
    (a) =>
      `\`${formatDate(a.date, a.dateApprox)}\` · **${escapeCorpusText(formatSource(a.source))}** · ${articleLink(a)}`,
  );
  const embed: APIEmbed = {
    color: ACCENT,
    title: escapeCorpusText(truncate(`Timeline: ${event.name}`, EMBED_TITLE_MAX - 2)),
    description:
      articles.length === 0 ? 'No article of this event yet.' : joinWithin(lines, EMBED_DESCRIPTION_MAX),
  };
  return { embeds: [fitEmbed(embed)], components: [], allowedMentions: NO_MENTIONS };
}

/** How to ask, with an example drawn from the corpus. */
export function renderHelp(example: string, events: EventSummary[]): ReplyPayload {
  const description = [
    'Ask a question about the news coverage and I quote the passages that answer it, word for word, with outlet, date and link.',
    '',
    `**Try:** \`/ask question:${example}\``,
    '**Filters:** `event`, `source`, `since` and `until` (dates as YYYY-MM-DD), and `count` for how many excerpts.',
    '**Also:** `/compare` (how each outlet reported it), `/events`, `/sources`, `/timeline`.',
    '**In a DM** just type the question; add filters inline, e.g. `event:geneva-aug-2016 since:2016-08-26 What did Lavrov say?`',
    '',
    `**Covered:** ${events.map((e) => `${escapeCorpusText(e.name)} (\`${e.id}\`)`).join(', ') || 'nothing yet'}`,
  ].join('\n');
  return {
    embeds: [fitEmbed({ color: ACCENT, title: 'How to ask', description })],
    components: [],
    allowedMentions: NO_MENTIONS,
  };
}

function problemLine(p: CorpusProblem): string {
  return `\`${escapeCorpusText(`${p.path}${p.line === null ? '' : `:${p.line}`}`)}\` ${escapeCorpusText(p.message)}`;
}

/** What a refresh changed, or why it failed and that the previous index still serves. */
export function renderRefresh(report: RefreshReport, shards?: ShardStatus): ReplyPayload {
  const list = (ids: string[]) =>
    ids.length === 0 ? 'none' : truncate(ids.map((id) => escapeCorpusText(id)).join(', '), 300);
  const lines = report.ok
    ? [
        `Now serving **${report.documents}** articles, **${report.passages}** passages (${(report.durationMs / 1000).toFixed(2)} s).`,
        `Added: ${list(report.added)}`,
        `Updated: ${list(report.updated)}`,
        `Removed: ${list(report.removed)}`,
      ]
    : [
        `Refresh failed: ${escapeCorpusText(report.error ?? 'unknown error')}`,
        `Still serving **${report.documents}** articles.`,
      ];
  // Before the problems, which may be many: what each shard serves must not be cut.
  if (shards) lines.push('', ...shardStatusLines(shards.answers, shards.thisShard));
  if (report.problems.length > 0) {
    lines.push(
      '',
      `**${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}** (skipped; the rest is served):`,
    );
    lines.push(...report.problems.map(problemLine));
  }
  const embed: APIEmbed = {
    color: report.ok ? 0x22c55e : 0xef4444,
    title: report.ok ? 'Corpus refreshed' : 'Corpus not refreshed',
    description: joinWithin(lines, EMBED_DESCRIPTION_MAX),
  };
  return { embeds: [fitEmbed(embed)], components: [], allowedMentions: NO_MENTIONS };
}

/** The live corpus at a glance: size, where it came from, last refresh, problems. */
export function renderStatus(status: {
  documents: number;
  passages: number;
  events: number;
  from: string;
  /** The corpus version this process serves. */
  version: string;
  /** Where the corpus lives, for people ("folder …", "PostgreSQL …"). */
  store: string;
  problems: CorpusProblem[];
  lastRefresh: RefreshReport | null;
  /** In a sharded bot: every shard's answer, and the shard that took the command. */
  shards?: ShardStatus | undefined;
}): ReplyPayload {
  const lines = [
    `**${status.documents}** articles, **${status.passages}** passages, **${status.events}** events (index ${status.from}).`,
    `Version \`${shownVersion(status.version)}\` (${status.store}).`,
    status.lastRefresh === null
      ? 'No refresh since start.'
      : `Last refresh: ${status.lastRefresh.ok ? 'succeeded' : `failed (${escapeCorpusText(status.lastRefresh.error ?? '')})`}.`,
  ];
  if (status.shards) lines.push('', ...shardStatusLines(status.shards.answers, status.shards.thisShard));
  if (status.problems.length > 0)
    lines.push('', `**${status.problems.length} problem(s):**`, ...status.problems.map(problemLine));
  return {
    embeds: [
      fitEmbed({
        color: ACCENT,
        title: 'Corpus status',
        description: joinWithin(lines, EMBED_DESCRIPTION_MAX),
      }),
    ],
    components: [],
    allowedMentions: NO_MENTIONS,
  };
}

/** A short message for one member (errors, refusals, limits). */
export function renderNotice(text: string): ReplyPayload {
  return {
    content: truncate(text, MESSAGE_CONTENT_MAX),
    embeds: [],
    components: [],
    allowedMentions: NO_MENTIONS,
  };
}

/** Joins lines with newlines, leaving out whole lines that would pass `max` (and saying how many). */
function joinWithin(lines: string[], max: number): string {
  const kept: string[] = [];
  let length = 0;
  for (const [i, line] of lines.entries()) {
    const note = `… and ${lines.length - i} more`;
    if (length + line.length + 1 > max - note.length - 1) {
      kept.push(note);
      break;
    }
    kept.push(line);
    length += line.length + 1;
  }
  return kept.join('\n');
}

/** Cuts an embed's parts to their limits and the whole to EMBED_TOTAL_MAX. */
export function fitEmbed(embed: APIEmbed): APIEmbed {
  const out: APIEmbed = { ...embed };
  if (out.title) out.title = truncate(out.title, EMBED_TITLE_MAX);
  if (out.description) out.description = truncate(out.description, EMBED_DESCRIPTION_MAX);
  if (out.footer) out.footer = { ...out.footer, text: truncate(out.footer.text, EMBED_FOOTER_MAX) };
  if (out.fields) {
    out.fields = out.fields.slice(0, EMBED_FIELDS_MAX).map((f) => ({
      ...f,
      name: truncate(f.name, EMBED_FIELD_NAME_MAX),
      value: truncate(f.value, EMBED_FIELD_VALUE_MAX),
    }));
  }
  while (embedLength(out) > EMBED_TOTAL_MAX) {
    if (out.fields && out.fields.length > 1) out.fields = out.fields.slice(0, -1);
    else if (out.description)
      out.description = truncate(
        out.description,
        Math.max(1, out.description.length - (embedLength(out) - EMBED_TOTAL_MAX)),
      );
    else break;
  }
  return out;
}

/** The characters Discord counts toward an embed's 6,000. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

/** The preview of an article to add, with what could not be found, and Confirm / Cancel. */
export function renderAddPreview(
  draft: ArticleDraft,
  pendingId: string,
  eventName: string | null,
): ReplyPayload {
  const words = draft.text.split(/\s+/).filter(Boolean).length;
  const firstLines = truncate(draft.text.split('\n\n').slice(0, 2).join('\n\n'), 700);
  const missing = missingMetadata(draft);
  const lines = [
    `**${escapeCorpusText(draft.title)}**`,
    `Outlet: ${escapeCorpusText(formatSource(draft.source))} · Date: ${formatDate(draft.date, draft.dateApprox)} · Event: ${escapeCorpusText(eventName ?? draft.event ?? 'none')}`,
    `Link: ${draft.url ? escapeCorpusText(draft.url) : 'none'} · Language: ${draft.language ?? 'unknown'} · ${words} words`,
    '',
    escapeCorpusText(firstLines),
  ];
  if (missing.length > 0)
    lines.push('', `Not found: ${missing.join(', ')} (stored as unknown; give them as options to set them).`);
  return {
    embeds: [fitEmbed({ color: ACCENT, title: 'Add this article?', description: lines.join('\n') })],
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.Button,
            style: ButtonStyle.Success,
            label: 'Confirm',
            custom_id: `${ADD_PREFIX}confirm:${pendingId}`,
          },
          {
            type: ComponentType.Button,
            style: ButtonStyle.Secondary,
            label: 'Cancel',
            custom_id: `${ADD_PREFIX}cancel:${pendingId}`,
          },
        ],
      },
    ],
    allowedMentions: NO_MENTIONS,
  };
}

/** custom_id prefix of the add preview's buttons: `add:confirm:<id>` / `add:cancel:<id>`. */
export const ADD_PREFIX = 'add:';

/** The latest changes, one line each. */
export function renderHistory(entries: AuditEntry[]): ReplyPayload {
  const lines = entries.map(
    (e) =>
      `\`${e.at.slice(0, 16).replace('T', ' ')}\` **${escapeCorpusText(e.userName)}** (${e.userId}) ${e.action}${e.file ? ` \`${escapeCorpusText(e.file)}\`` : ''}${e.detail ? ` — ${escapeCorpusText(truncate(e.detail, 120))}` : ''}`,
  );
  return {
    embeds: [
      fitEmbed({
        color: ACCENT,
        title: 'Corpus history',
        description: lines.length > 0 ? joinWithin(lines, EMBED_DESCRIPTION_MAX) : 'No change yet.',
      }),
    ],
    components: [],
    allowedMentions: NO_MENTIONS,
  };
}
