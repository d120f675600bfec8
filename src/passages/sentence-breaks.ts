/**
 * The sentence boundaries of Unicode's UAX #29 (what ICU and `Intl.Segmenter` find), computed
 * directly for text whose characters all have a known Sentence_Break class: ASCII, the letters of
 * the Latin, Greek, Cyrillic and Armenian blocks, and common spaces, quotes, dashes and symbols.
 * ICU costs more than all the rest of sentence splitting, and almost every paragraph of English
 * news is made of such characters; others go to ICU. Checked equal to `Intl.Segmenter` on every
 * SQuAD paragraph and on random strings of these characters (see the tests and
 * scripts/check-sentence-breaks.ts).
 */
import type { IntBuffer } from '../util/term-table.ts';

// Sentence_Break property values (OLetter, Extend, Format and Sep are never in the table).
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
/** A character this module does not classify: its paragraph goes to ICU. */
const UNKNOWN = 255;

/** Characters outside ASCII whose class is known, besides the letters below U+0530. */
const KNOWN: ReadonlyArray<[string, number]> = [
  ['\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f', SP],
  ['«»‘’‚‛“”„‟‹›', CLOSE],
  ['–—', SCONTINUE],
  ['°£€¥§©®±×÷·′″•‰½¼¾²³¹−⁄‐‑‒―', OTHER],
];

/** The class of each character below CLASSIFIED (UNKNOWN when not known). */
const CLASSIFIED = 0x2200;
const CLASS = new Uint8Array(CLASSIFIED).fill(UNKNOWN);
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
// Upper and lower case letters (Lu and Ll have Sentence_Break Upper and Lower).
for (let c = 0xc0; c < 0x530; c++) {
  const ch = String.fromCharCode(c);
  if (/\p{Lu}/u.test(ch)) CLASS[c] = UPPER;
  else if (/\p{Ll}/u.test(ch)) CLASS[c] = LOWER;
}
for (const [chars, value] of KNOWN) for (const ch of chars) CLASS[ch.charCodeAt(0)] = value;

/** 1 for the classes of SB8's ¬(OLetter | Upper | Lower | ParaSep | SATerm). */
const SB8_SKIPPED = Uint8Array.from({ length: 11 }, (_, x) =>
  x === OTHER || x === SP || x === NUMERIC || x === CLOSE || x === SCONTINUE ? 1 : 0,
);

/** A character outside ASCII, or a line feed (at which a paragraph ends). */
const NOT_ASCII_OR_LF = /[\n\u0080-\uffff]/g;

/** Are the classes of all the characters of text[from, to) known (see `directSentenceEnds`)? */
export function hasKnownClasses(text: string, from: number, to: number): boolean {
  let i = from;
  for (;;) {
    // Find the next character outside ASCII (all known) natively; look it up.
    NOT_ASCII_OR_LF.lastIndex = i;
    i = NOT_ASCII_OR_LF.test(text) ? NOT_ASCII_OR_LF.lastIndex - 1 : text.length;
    if (i >= to) return true;
    const c = text.charCodeAt(i);
    if (c >= 128 && (c >= CLASSIFIED || CLASS[c] === UNKNOWN)) return false;
    i++;
  }
}

/**
 * The characters that start a rule here: terminators (ATerm, STerm) and paragraph separators (CR,
 * LF), made from the class table. (Searching for the next one is faster than matching the run
 * before it.)
 */
const RULE_START = new RegExp(
  `[${Array.from(CLASS.keys())
    .filter((c) => [ATERM, STERM, CR, LF].includes(CLASS[c] as number))
    .map((c) => `\\u${c.toString(16).padStart(4, '0')}`)
    .join('')}]`,
  'g',
);

/** The class of text[i]. */
function classAt(text: string, i: number): number {
  return CLASS[text.charCodeAt(i)] as number;
}

/**
 * Appends to `ends` the end of each UAX #29 sentence segment of text[from, to), whose characters
 * must all have known classes (`hasKnownClasses`)
 * (segmented on its own, as `Intl.Segmenter` segments text.slice(from, to)), in order; the last is
 * `to`. Rule numbers are UAX #29's.
 */
export function directSentenceEnds(text: string, from: number, to: number, ends: IntBuffer): void {
  const at = (i: number) => classAt(text, i);
  let i = from;
  while (i < to) {
    // Only terminators and paragraph separators start a rule here: skip to the next one.
    RULE_START.lastIndex = i;
    i = RULE_START.test(text) ? RULE_START.lastIndex - 1 : text.length;
    if (i >= to) break;
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
