/**
 * Quotations in an article: spans from an opening quotation mark to its closing one, in a
 * paragraph. Curly marks pair as written; straight double quotes pair in turn. Marks inside a
 * quotation (nested quotes, straight quotes inside curly ones) belong to it. Single quotes are
 * left alone: they are apostrophes as often as quotation marks.
 */

/** A quotation: text.slice(start, end) runs from its opening mark through its closing one. */
export interface Quotation {
  start: number;
  end: number;
}

const OPEN_CURLY = '“';
const CLOSE_CURLY = '”';
const STRAIGHT = '"';

/**
 * The quotations of text[from, to), in order. A curly quotation still open at the end of the
 * paragraph runs to it (a quotation continued in the next paragraph reopens there); an unpaired
 * straight quote is not a quotation.
 */
export function findQuotations(text: string, from: number, to: number): Quotation[] {
  const found: Quotation[] = [];
  let open = -1;
  let mark = '';
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (open < 0) {
      if (c === OPEN_CURLY || c === STRAIGHT) {
        open = i;
        mark = c;
      }
    } else if ((mark === OPEN_CURLY && c === CLOSE_CURLY) || (mark === STRAIGHT && c === STRAIGHT)) {
      found.push({ start: open, end: i + 1 });
      open = -1;
    }
  }
  if (open >= 0 && mark === OPEN_CURLY) {
    let end = to;
    while (end > open + 1 && /\s/.test(text[end - 1] ?? '')) end--;
    if (end > open + 1) found.push({ start: open, end });
  }
  return found;
}
