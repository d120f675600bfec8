/**
 * The words a question quotes between double quotes ("Who said “once and for all”?"): looked for
 * as typed, so neither read as shorthand nor changed before they are searched.
 */

/** Text inside straight or curly double quotes, at least two characters of it. */
const QUOTED = /["\u201c\u201d]([^"\u201c\u201d]{2,200})["\u201c\u201d]/gu;

/** The spans of the question's text inside double quotes, quotes excluded. */
export function quotedSpans(question: string): Array<{ start: number; end: number }> {
  return [...question.matchAll(QUOTED)].map((m) => ({
    start: m.index + 1,
    end: m.index + 1 + (m[1] ?? '').length,
  }));
}
