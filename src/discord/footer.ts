/**
 * What a reply's footer carries for its buttons: the question (or the speaker and topic) and the
 * filters, so More, votes and follow-up threads work after a restart, from the message alone.
 */
import { formatInlineFilters, parseInlineQuery } from '../answer/inline-filters.ts';
import type { Filters } from '../answer/types.ts';
import { EMBED_FOOTER_MAX, truncate } from './limits.ts';

/** The footer prefix that carries an answer's question (and its filters) for the More button. */
export const ASKED_PREFIX = 'Asked: ';

/** The footer prefix that carries the speaker of a page of /quotes. */
export const QUOTES_PREFIX = 'Quotes of: ';

const ABOUT_LINE = '\nAbout: ';

const FILTERS_LINE = '\nFilters: ';

const NO_FILTERS = 'none';

/** Text on one line, as typed but with its runs of white space made one space. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The filters line's value: the filters as typed inline, or `none`. */
function filtersText(filters: Filters): string {
  return formatInlineFilters(filters) || NO_FILTERS;
}

function filtersOf(inline: string): Filters {
  return inline === NO_FILTERS ? {} : parseInlineQuery(inline).filters;
}

/**
 * The footer that carries the question and its filters, for the More button after a restart:
 * the question on one line as asked, the filters on their own line, so text in the question that
 * looks like a filter (`since:…`) stays part of the question.
 */
export function askedFooter(question: string, filters: Filters): string {
  const inline = filtersText(filters);
  return `${truncate(`${ASKED_PREFIX}${oneLine(question)}`, EMBED_FOOTER_MAX - FILTERS_LINE.length - inline.length)}${FILTERS_LINE}${inline}`;
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
  return { question: body.slice(0, at), filters: filtersOf(body.slice(at + FILTERS_LINE.length)) };
}

/** What a page of /quotes asked: whose statements, about what, inside which filters. */
export interface QuotesQuery {
  speaker: string;
  about: string;
  filters: Filters;
}

/**
 * The footer of a page of /quotes: the speaker, the topic (when one was given) and the filters,
 * one a line. Speakers' names and topics are short (Discord limits the options), so none is cut.
 */
export function quotesFooter(query: QuotesQuery): string {
  const about = oneLine(query.about);
  return `${QUOTES_PREFIX}${oneLine(query.speaker)}${about === '' ? '' : `${ABOUT_LINE}${about}`}${FILTERS_LINE}${filtersText(query.filters)}`;
}

/** The speaker, topic and filters a footer written by `quotesFooter` carries, or null. */
export function quotesFooterQuery(footer: string | undefined): QuotesQuery | null {
  if (!footer?.startsWith(QUOTES_PREFIX)) return null;
  const body = footer.slice(QUOTES_PREFIX.length);
  const filtersAt = body.lastIndexOf(FILTERS_LINE);
  if (filtersAt < 0) return null;
  const head = body.slice(0, filtersAt);
  const aboutAt = head.indexOf(ABOUT_LINE);
  return {
    speaker: aboutAt < 0 ? head : head.slice(0, aboutAt),
    about: aboutAt < 0 ? '' : head.slice(aboutAt + ABOUT_LINE.length),
    filters: filtersOf(body.slice(filtersAt + FILTERS_LINE.length)),
  };
}
