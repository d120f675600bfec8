/** The words of a quote's reply, shared by the CLI and the bot (which escapes them). */
import type { Quote, SpeakerSummary } from './quotes.ts';
import { formatDate, formatSource } from './wording.ts';

/** Said where a statement's speaker is not named by any article. */
export const UNNAMED_SPEAKER = 'speaker not named';

/** The statement's words: a quotation as printed, a reported clause after "…". */
export function quoteWords(quote: Pick<Quote, 'text' | 'kind'>): string {
  return quote.kind === 'direct' ? quote.text : `…${quote.text}`;
}

/** "Sergei Lavrov, told journalists" (and "attributed by The BRICS Post" when another outlet names them). */
export function quoteSpeaker(quote: Pick<Quote, 'speaker' | 'cue' | 'attributedBy'>): string {
  const who = quote.speaker ?? UNNAMED_SPEAKER;
  const cue = quote.cue === null ? '' : `, ${quote.cue}`;
  const by = quote.attributedBy === null ? '' : ` (attributed by ${quote.attributedBy})`;
  return `${who}${cue}${by}`;
}

/** "The BRICS Post · 27 Aug 2016 · Geneva talks": outlet, date and event of a quote. */
export function quoteSourceLine(quote: Pick<Quote, 'source' | 'date' | 'dateApprox' | 'eventName'>): string {
  const parts = [formatSource(quote.source), formatDate(quote.date, quote.dateApprox)];
  if (quote.eventName !== null) parts.push(quote.eventName);
  return parts.join(' · ');
}

/** "12 statements in NDTV (7), Unknown outlet (5)": how often a speaker is quoted, and where. */
export function speakerLine(summary: SpeakerSummary): string {
  const outlets = summary.outlets.map((o) => `${formatSource(o.source)} (${o.statements})`).join(', ');
  return `${summary.statements} statement${summary.statements === 1 ? '' : 's'} in ${outlets}`;
}

/** Said when a speaker has no statement inside the filters (or none about the topic). */
export function noQuotesText(speaker: string, about: string): string {
  return about.trim() === ''
    ? `The coverage quotes no statement by ${speaker} inside these filters.`
    : `The coverage quotes nothing ${speaker} said about “${about.trim()}”.`;
}
