/** Rendering of answers and corpus summaries for a terminal, in the bot's wording. */
import type { EventSummary, SourceSummary } from '../answer/engine.ts';
import { quoteSourceLine, quoteSpeaker, quoteWords, speakerLine } from '../answer/quote-wording.ts';
import type { QuotesAnswer, SpeakerSummary } from '../answer/quotes.ts';
import type { Answer, Excerpt } from '../answer/types.ts';
import {
  formatAlsoReported,
  formatDate,
  formatSource,
  formatSpan,
  formatUnderstood,
  NO_ANSWER_TEXT,
} from '../answer/wording.ts';
import type { Article, CorpusProblem } from '../corpus/types.ts';
import { articleUrl } from '../corpus/urls.ts';

/** How to show emphasis: ANSI bold on a colour terminal, nothing otherwise. */
export interface Style {
  bold(text: string): string;
  dim(text: string): string;
}

export const PLAIN: Style = { bold: (t) => t, dim: (t) => t };
export const ANSI: Style = { bold: (t) => `\u001b[1m${t}\u001b[22m`, dim: (t) => `\u001b[2m${t}\u001b[22m` };

/** The excerpt's text with its matched terms emphasised. */
export function highlight(excerpt: Pick<Excerpt, 'text' | 'highlights'>, style: Style): string {
  let out = '';
  let at = 0;
  for (const h of excerpt.highlights) {
    out += excerpt.text.slice(at, h.start) + style.bold(excerpt.text.slice(h.start, h.end));
    at = h.end;
  }
  return out + excerpt.text.slice(at);
}

/** One line naming where an excerpt comes from: who said it (when known), outlet, date, event. */
export function sourceLine(excerpt: Excerpt): string {
  const parts = [formatSource(excerpt.source), formatDate(excerpt.date, excerpt.dateApprox)];
  if (excerpt.speaker) parts.unshift(excerpt.speaker);
  if (excerpt.eventName) parts.push(excerpt.eventName);
  return parts.join(' · ');
}

/**
 * Renders an answer: each excerpt quoted, then its source line, title and link, and its copies;
 * `moreHint` tells how to get further excerpts when there are some.
 */
export function renderAnswer(
  answer: Answer,
  style: Style = PLAIN,
  coveredEvents: EventSummary[] = [],
  moreHint = 'ask again with a larger --k',
): string {
  if (answer.noAnswer) {
    const read = answer.offset === 0 ? formatUnderstood(answer) : null;
    const lines = read === null ? [NO_ANSWER_TEXT] : [style.dim(read), NO_ANSWER_TEXT];
    if (coveredEvents.length > 0) {
      lines.push('It covers:');
      for (const e of coveredEvents)
        lines.push(`  • ${e.name} (${e.id}), ${formatSpan(e.firstDate ?? e.start, e.lastDate ?? e.end)}`);
    }
    return lines.join('\n');
  }
  const blocks = answer.results.map((excerpt, i) => {
    const lines = [`${answer.offset + i + 1}. ${highlight(excerpt, style)}`, `   — ${sourceLine(excerpt)}`];
    lines.push(`   ${style.dim(excerpt.title)}${shownUrl(excerpt.url)}`);
    const also = formatAlsoReported(excerpt);
    if (also) lines.push(`   ${also}`);
    return lines.join('\n');
  });
  if (answer.hasMore) blocks.push(style.dim(`(more excerpts: ${moreHint})`));
  const understood = formatUnderstood(answer);
  if (understood !== null && answer.offset === 0) blocks.unshift(style.dim(understood));
  return blocks.join('\n\n');
}

/** The events with their article counts and coverage dates. */
export function renderEvents(events: EventSummary[]): string {
  if (events.length === 0) return 'No events are defined (add them to events.json in the corpus folder).';
  return events
    .map(
      (e) =>
        `${e.name} (${e.id})\n  ${e.articles} article${e.articles === 1 ? '' : 's'}, ${formatSpan(e.firstDate, e.lastDate)}\n  ${e.description}`,
    )
    .join('\n\n');
}

/** The outlets with their article counts and coverage dates. */
export function renderSources(sources: SourceSummary[]): string {
  return sources
    .map(
      (s) =>
        `${formatSource(s.source)}: ${s.articles} article${s.articles === 1 ? '' : 's'}, ${formatSpan(s.firstDate, s.lastDate)}${s.events.length ? ` (${s.events.join(', ')})` : ''}`,
    )
    .join('\n');
}

/** An event's articles, one line each: date, outlet, title, link. */
export function renderTimeline(articles: Article[]): string {
  return articles
    .map(
      (a) => `${formatDate(a.date, a.dateApprox)} · ${formatSource(a.source)} · ${a.title}${shownUrl(a.url)}`,
    )
    .join('\n');
}

/** " <https://…>" after a title, the address in its stored form; nothing for none or an unsafe one. */
function shownUrl(url: string | null): string {
  const href = url === null ? null : articleUrl(url);
  return href === null ? '' : ` <${href}>`;
}

/** One problem as "path:line: message". */
export function formatProblem(p: CorpusProblem): string {
  return `${p.path}${p.line === null ? '' : `:${p.line}`}: ${p.message}`;
}

/** A speaker's statements: each quoted, then who said it and where, as the bot shows them. */
export function renderQuotes(answer: QuotesAnswer, style: Style = PLAIN): string {
  return answer.results
    .map(
      (q, i) =>
        `${answer.offset + i + 1}. ${quoteWords(q)}\n   — ${style.bold(quoteSpeaker(q))} · ${quoteSourceLine(q)}\n   ${style.dim(q.title)}`,
    )
    .join('\n\n');
}

/** The speakers the coverage quotes, one line each. */
export function renderSpeakers(speakers: SpeakerSummary[], style: Style = PLAIN): string {
  if (speakers.length === 0) return 'The coverage quotes no named speaker here.';
  return speakers.map((s) => `${style.bold(s.speaker)}: ${speakerLine(s)}`).join('\n');
}
