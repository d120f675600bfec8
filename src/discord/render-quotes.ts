/**
 * Who said what, as replies: a speaker's statements in the answer's shape (the words, then who
 * said them and where), and the speakers the coverage quotes. Corpus text escaped; no mentions.
 */
import type { APIEmbed } from 'discord.js';
import {
  noQuotesText,
  quoteSourceLine,
  quoteSpeaker,
  quoteWords,
  speakerLine,
} from '../answer/quote-wording.ts';
import type { QuotesAnswer, SpeakerSummary } from '../answer/quotes.ts';
import { fitEmbed } from './embed-fit.ts';
import { escapeCorpusText, markdownLink } from './escape.ts';
import { quotesFooter } from './footer.ts';
import { EMBED_DESCRIPTION_MAX, EMBED_TITLE_MAX, MESSAGE_CONTENT_MAX, truncate } from './limits.ts';
import { moreButtonRow } from './more-button.ts';
import { ACCENT, type ReplyPayload, reply } from './reply.ts';

/** custom_id prefix of /quotes' More button: `quotes-more:<offset>:<count>:<asker id>`. */
export const QUOTES_MORE_PREFIX = 'quotes-more:';

/** One statement: `"…words…" — Sergei Lavrov, told journalists · The BRICS Post · 27 Aug 2016`. */
export function renderQuoteBlock(quote: QuotesAnswer['results'][number], number: number): string {
  return [
    `**${number}.** ${escapeCorpusText(quoteWords(quote))}`,
    `— **${escapeCorpusText(quoteSpeaker(quote))}** · ${escapeCorpusText(quoteSourceLine(quote))}`,
    `-# ${markdownLink(truncate(quote.title, 200), quote.url)}`,
  ].join('\n');
}

/**
 * A page of a speaker's statements as one embed (as many as fit), with a footer carrying the
 * speaker, topic and filters and a More button (naming `askerId`) when more statements exist
 * (also when some did not fit); a plain sentence when there are none.
 */
export function renderQuotes(answer: QuotesAnswer, askerId?: string): ReplyPayload {
  if (answer.results.length === 0)
    return reply({
      content: truncate(escapeCorpusText(noQuotesText(answer.speaker, answer.about)), MESSAGE_CONTENT_MAX),
    });
  const blocks: string[] = [];
  let length = 0;
  for (const [i, quote] of answer.results.entries()) {
    let block = renderQuoteBlock(quote, answer.offset + i + 1);
    if (blocks.length === 0 && block.length > EMBED_DESCRIPTION_MAX)
      block = truncate(block, EMBED_DESCRIPTION_MAX);
    if (length + block.length + 2 > EMBED_DESCRIPTION_MAX) break;
    blocks.push(block);
    length += block.length + 2;
  }
  const about = answer.about.trim() === '' ? '' : ` about ${answer.about.trim()}`;
  const embed: APIEmbed = {
    color: ACCENT,
    title: escapeCorpusText(truncate(`What ${answer.speaker} said${about}`, EMBED_TITLE_MAX - 2)),
    description: blocks.join('\n\n'),
    footer: { text: quotesFooter(answer) },
  };
  const more = answer.hasMore || blocks.length < answer.results.length;
  const next = answer.offset + blocks.length;
  return reply({
    embeds: [fitEmbed(embed)],
    components: more
      ? [moreButtonRow(QUOTES_MORE_PREFIX, next, Math.max(1, answer.results.length), askerId)]
      : [],
  });
}

/** The speakers quoted, one line each: statements and the outlets that carry them. */
export function renderSpeakers(speakers: SpeakerSummary[]): ReplyPayload {
  const lines = speakers.map(
    (s) => `**${escapeCorpusText(s.speaker)}**: ${escapeCorpusText(speakerLine(s))}`,
  );
  let description = '';
  for (const line of lines) {
    if (description.length + line.length + 1 > EMBED_DESCRIPTION_MAX) break;
    description += `${description === '' ? '' : '\n'}${line}`;
  }
  return reply({
    embeds: [
      fitEmbed({
        color: ACCENT,
        title: 'Who the coverage quotes',
        description: description === '' ? 'The coverage quotes no named speaker here.' : description,
      }),
    ],
  });
}
