/** What the coverage holds as Discord replies: events, outlets, an event's timeline, help. */
import type { APIEmbed } from 'discord.js';
import type { EventSummary, SourceSummary } from '../answer/engine.ts';
import { formatDate, formatSource, formatSpan } from '../answer/wording.ts';
import type { Article } from '../corpus/types.ts';
import { fitEmbed, joinWithin } from './embed-fit.ts';
import { escapeCorpusText } from './escape.ts';
import {
  EMBED_DESCRIPTION_MAX,
  EMBED_FIELD_NAME_MAX,
  EMBED_FIELD_VALUE_MAX,
  EMBED_FIELDS_MAX,
  EMBED_TITLE_MAX,
  truncate,
} from './limits.ts';
import { articleLink } from './render-answer.ts';
import { ACCENT, type ReplyPayload, reply } from './reply.ts';

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
  return reply({ embeds: [fitted] });
}

/** The outlets of the corpus, one line each. */
export function renderSources(sources: SourceSummary[]): ReplyPayload {
  const lines = sources.map(
    (s) =>
      `**${escapeCorpusText(formatSource(s.source))}**: ${s.articles} article${s.articles === 1 ? '' : 's'}, ${formatSpan(s.firstDate, s.lastDate)}${s.events.length ? ` (${s.events.join(', ')})` : ''}`,
  );
  return reply({
    embeds: [
      fitEmbed({
        color: ACCENT,
        title: 'Outlets in the coverage',
        description: joinWithin(lines, EMBED_DESCRIPTION_MAX),
      }),
    ],
  });
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
  return reply({ embeds: [fitEmbed(embed)] });
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
  return reply({
    embeds: [fitEmbed({ color: ACCENT, title: 'How to ask', description })],
  });
}
