/**
 * A question's quotation as passages are searched for it: text is compared in lower case, with
 * one apostrophe and every run of other characters as a single space, so that " once and for
 * all " is found whatever its case, spacing and punctuation. No pattern is made per question: V8
 * compiles a new case-insensitive pattern on its first use, a millisecond and more.
 */

/** Runs of characters that are not part of a word. */
const NOT_WORD = /[^\p{L}\p{N}']+/gu;

/** `text` as quotations are compared (see the module), with a space at each end. */
export function quotedText(text: string): string {
  return ` ${text.toLowerCase().replace(/[’‘]/g, "'").replace(NOT_WORD, ' ').trim()} `;
}

/** A question's quotation (see the module). */
export interface Quotation {
  /** Its words as `quotedText` writes them. */
  text: string;
  /** Its words, lower case: text that does not hold each of them cannot hold the quotation. */
  words: string[];
}

/** The quotation of `text` (a question's quoted words). */
export function quotationOf(text: string): Quotation {
  const quoted = quotedText(text);
  // Longest first: the rarest word rules most text out at once.
  const words = quoted
    .trim()
    .split(' ')
    .map((w) => w.replace(/'/g, ''))
    .filter((w) => w !== '')
    .sort((a, b) => b.length - a.length);
  return { text: quoted, words };
}

/**
 * Does `text` hold the quotation? Each of its words is looked for in the lower-cased text first,
 * then the quotation as typed with single spaces; only text holding every word but not that is
 * rewritten as `quotedText` writes it.
 */
export function holdsQuotation(text: string, quotation: Quotation): boolean {
  const lower = text.toLowerCase();
  for (const word of quotation.words) if (!lower.includes(word)) return false;
  return lower.includes(quotation.text.trim()) || quotedText(text).includes(quotation.text);
}
