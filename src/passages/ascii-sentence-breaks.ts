/**
 * The sentence boundaries of Unicode's UAX #29 (what ICU and `Intl.Segmenter` find) for text made
 * only of ASCII characters, computed directly: ICU costs more than all the rest of sentence
 * splitting, and most paragraphs of English news are plain ASCII. Checked equal to
 * `Intl.Segmenter` on every SQuAD paragraph and on random ASCII strings (see the tests).
 */
import type { IntBuffer } from '../search/term-table.ts';

// The Sentence_Break property values that ASCII characters have (OLetter, Extend, Format and Sep
// have none).
const OTHER = 0;
const SP = 1;
const LOWER = 2;
const UPPER = 3;
const NUMERIC = 4;
const ATERM = 5;
const STERM = 6;
const CLOSE = 7;
const SCONTINUE = 8;
const CR = 9;
const LF = 10;

/** Sentence_Break of each ASCII character. */
const CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  CLASS[c] = /[a-z]/.test(ch)
    ? LOWER
    : /[A-Z]/.test(ch)
      ? UPPER
      : /[0-9]/.test(ch)
        ? NUMERIC
        : ch === '.'
          ? ATERM
          : ch === '!' || ch === '?'
            ? STERM
            : '"\'()[]{}'.includes(ch)
              ? CLOSE
              : ',-:;'.includes(ch)
                ? SCONTINUE
                : ch === '\r'
                  ? CR
                  : ch === '\n'
                    ? LF
                    : ch === ' ' || ch === '\t' || ch === '\v' || ch === '\f'
                      ? SP
                      : OTHER;
}

/** 1 for the classes of SB8's ¬(OLetter | Upper | Lower | ParaSep | SATerm). */
const SB8_SKIPPED = Uint8Array.from({ length: 11 }, (_, x) =>
  x === OTHER || x === SP || x === NUMERIC || x === CLOSE || x === SCONTINUE ? 1 : 0,
);

/** Is text[from, to) made only of ASCII characters? */
export function isAscii(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) > 127) return false;
  return true;
}

/**
 * Appends to `ends` the end of each UAX #29 sentence segment of the ASCII text text[from, to)
 * (segmented on its own, as `Intl.Segmenter` segments text.slice(from, to)), in order; the last is
 * `to`. Rule numbers are UAX #29's.
 */
export function asciiSentenceEnds(text: string, from: number, to: number, ends: IntBuffer): void {
  const at = (i: number) => CLASS[text.charCodeAt(i)] as number;
  let i = from;
  while (i < to) {
    const c = at(i);
    if (c === CR || c === LF) {
      // SB3, SB4: break after a paragraph separator, keeping CR LF together.
      i += c === CR && i + 1 < to && at(i + 1) === LF ? 2 : 1;
      if (i < to) ends.push(i);
      continue;
    }
    if (c !== ATERM && c !== STERM) {
      i++;
      continue;
    }
    if (c === ATERM && i + 1 < to) {
      const next = at(i + 1);
      // SB6: ATerm × Numeric. SB7: (Upper | Lower) ATerm × Upper.
      const before = i > from ? at(i - 1) : OTHER;
      if (next === NUMERIC || (next === UPPER && (before === UPPER || before === LOWER))) {
        i++;
        continue;
      }
    }
    // SB9, SB10: no break inside SATerm Close* Sp*.
    let k = i + 1;
    while (k < to && at(k) === CLOSE) k++;
    while (k < to && at(k) === SP) k++;
    if (k === to) break;
    const next = at(k);
    if (next === CR || next === LF) {
      // SB11: the break comes after the paragraph separator.
      i = k;
      continue;
    }
    if (next === SCONTINUE || next === ATERM || next === STERM) {
      // SB8a: SATerm Close* Sp* × (SContinue | SATerm).
      i = k;
      continue;
    }
    if (c === ATERM) {
      // SB8: ATerm Close* Sp* × (¬(OLetter | Upper | Lower | ParaSep | SATerm))* Lower.
      let m = k;
      while (m < to && SB8_SKIPPED[at(m)] === 1) m++;
      if (m < to && at(m) === LOWER) {
        i = m;
        continue;
      }
    }
    // SB11: break after SATerm Close* Sp*.
    ends.push(k);
    i = k;
  }
  ends.push(to);
}
