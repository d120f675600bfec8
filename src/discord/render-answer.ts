/**
 * Answers as Discord replies: excerpts with their matched words in bold and a source line, the
 * question carried in the footer, and the More button.
 */
import type { APIEmbed } from 'discord.js';
import type { CompareBy, EventSummary } from '../answer/engine.ts';
import type { Answer, Excerpt } from '../answer/types.ts';
import {
  formatAlsoReported,
  formatDate,
  formatSource,
  formatSpan,
  formatUnderstood,
  NO_ANSWER_TEXT,
} from '../answer/wording.ts';
import { fitEmbed } from './embed-fit.ts';
import { escapeCorpusText, markdownLink } from './escape.ts';
import { askedFooter } from './footer.ts';
import {
  EMBED_DESCRIPTION_MAX,
  EMBED_FIELD_NAME_MAX,
  EMBED_FIELD_VALUE_MAX,
  EMBED_FIELDS_MAX,
  EMBED_TITLE_MAX,
  MESSAGE_CONTENT_MAX,
  truncate,
} from './limits.ts';
import { moreButtonRow } from './more-button.ts';
import { ACCENT, type ReplyPayload, reply } from './reply.ts';

/** custom_id prefix of the More button: `more:<offset>:<count>:<asker id>` (older ones lack the asker). */
export const MORE_PREFIX = 'more:';

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
export function articleLink(item: { title: string; url: string | null }): string {
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
  return reply({
    embeds: [fitEmbed(embed)],
    components: more
      ? [moreButtonRow(MORE_PREFIX, answer.offset + shown, Math.max(1, answer.results.length), askerId)]
      : [],
  });
}

/** "The coverage doesn't answer that." with the events it does cover. */
export function renderNoAnswer(
  answer: Pick<
    Answer,
    'question' | 'offset' | 'understood' | 'unmatched' | 'unquoted' | 'notQuotedOn' | 'corrections'
  >,
  events: EventSummary[],
): ReplyPayload {
  // What was read from the member's words, so that a misread question can be told apart.
  const understood = answer.offset === 0 ? formatUnderstood(answer) : null;
  const header = understood === null ? '' : `-# ${escapeCorpusText(truncate(understood, 200))}\n`;
  const text =
    answer.offset > 0
      ? 'No more excerpts answer that question.'
      : `${header}${NO_ANSWER_TEXT} It covers:\n${events.map((e) => `• **${escapeCorpusText(e.name)}** (\`${e.id}\`), ${formatSpan(e.firstDate ?? e.start, e.lastDate ?? e.end)}`).join('\n')}`;
  return reply({
    content: truncate(text, MESSAGE_CONTENT_MAX),
  });
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
  return reply({ embeds: [fitEmbed(embed)] });
}
