import type { MetadataMention } from '../question/analyse.ts';
import type { AlsoReported, Answer, Excerpt } from './types.ts';

/** Shown wherever an article's outlet is unknown. */
export const UNKNOWN_SOURCE = 'Unknown outlet';
/** Shown wherever an article's publication date is unknown. */
export const UNKNOWN_DATE = 'date unknown';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Formats a YYYY-MM-DD date for people ("26 Aug 2016"), "about 26 Aug 2016" when approximate,
 * and "date unknown" when null. Never invents a date.
 */
export function formatDate(date: string | null, approx = false): string {
  if (date === null) return UNKNOWN_DATE;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  const [, y, m, d] = match;
  const text = `${Number(d)} ${MONTHS[Number(m) - 1] ?? m} ${y}`;
  return approx ? `about ${text}` : text;
}

/** The outlet's name, or "Unknown outlet". */
export function formatSource(source: string | null): string {
  return source ?? UNKNOWN_SOURCE;
}

/** "NDTV, 26 Aug 2016": who published a copy and when. */
export function formatByline(item: Pick<AlsoReported, 'source' | 'date' | 'dateApprox'>): string {
  return `${formatSource(item.source)}, ${formatDate(item.date, item.dateApprox)}`;
}

/** Outlets named after the copies in the coverage at most; the rest are counted ("and 3 more"). */
export const REPORTED_BY_NAMED = 4;

/**
 * "Also reported by NDTV (26 Aug 2016), Reuters": the copies in the coverage with their dates,
 * then the other outlets feeds found (at most REPORTED_BY_NAMED, "and N more"); null when the
 * excerpt ran in one place only.
 */
export function formatAlsoReported(excerpt: Pick<Excerpt, 'alsoIn' | 'reportedBy'>): string | null {
  const copies = excerpt.alsoIn.map(
    (copy) => `${formatSource(copy.source)} (${formatDate(copy.date, copy.dateApprox)})`,
  );
  const others = excerpt.reportedBy ?? [];
  const named = others.slice(0, REPORTED_BY_NAMED);
  const outlets = [...copies, ...named];
  if (outlets.length === 0) return null;
  const more = others.length - named.length;
  return `Also reported by ${outlets.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}

/** The sentence said when the coverage does not answer a question. */
export const NO_ANSWER_TEXT = "The coverage doesn't answer that.";

/**
 * What was read from the question and applied as filters, for the line above an answer:
 * "Read from your question: “Lavorv” as “Lavrov” · outlet NDTV · date March 2016", or null when
 * nothing was (typing slips read as other words first); what it named that no article matches
 * follows ("No article from The BRICS Post dated March: asked of all the coverage"), and a name
 * asked what they said that the coverage never quotes ("the coverage quotes no statement by Obama")
 * or quotes on none of the excerpts ("no statement by Sergei Lavrov on this").
 */
export function formatUnderstood(
  answer: Pick<Answer, 'understood' | 'corrections' | 'unmatched' | 'unquoted' | 'notQuotedOn'>,
): string | null {
  const kinds = { date: 'date', source: 'outlet', event: 'event' } as const;
  const named = (m: MetadataMention) => `${kinds[m.kind]} ${m.text}`;
  const parts = [
    ...answer.corrections.map((c) => `“${c.typed}” as “${c.read}”`),
    ...answer.understood.map(named),
  ];
  const unmatched = [...(answer.unmatched ?? [])].sort((a, b) => a.start - b.start);
  const as = { date: 'dated', source: 'from', event: 'in' } as const;
  const notes = [
    ...(unmatched.length === 0
      ? []
      : [
          `no article ${unmatched.map((m) => `${as[m.kind]} ${m.text}`).join(' ')}: asked of all the coverage`,
        ]),
    ...(answer.unquoted === undefined ? [] : [`the coverage quotes no statement by ${answer.unquoted}`]),
    ...(answer.notQuotedOn === undefined ? [] : [`no statement by ${answer.notQuotedOn} on this`]),
  ];
  const read = parts.length === 0 ? null : `Read from your question: ${parts.join(' · ')}`;
  if (notes.length === 0) return read;
  const note = notes.join('; ');
  return read === null ? `${note.charAt(0).toUpperCase()}${note.slice(1)}` : `${read}; ${note}`;
}

/** "26 Aug 2016" or "4 Mar 2016 – 7 Mar 2016". */
export function formatSpan(first: string | null, last: string | null): string {
  if (first === null) return formatDate(null);
  return first === last || last === null ? formatDate(first) : `${formatDate(first)} – ${formatDate(last)}`;
}
