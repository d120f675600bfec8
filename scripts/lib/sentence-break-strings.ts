/**
 * Random strings for checking the direct sentence boundaries against ICU: short strings of the
 * characters sentence-breaks.ts knows, most of them characters its rules look at. Deterministic
 * for a given seed.
 */
import { hasKnownClasses } from '../../src/passages/sentence-breaks.ts';

/** Characters the sentence break rules look at (terminators, closers, spaces, separators, cases). */
const TRICKY = 'aAzZ09.!?"\'()[]{},-:; \t\v\f\r\n#_$éÉςΩ\u00a0“”’–—°';

/** `count` random strings of 1 to 12 known characters, made from `seed`. */
export function* sentenceBreakStrings(count: number, seed = 1): Generator<string> {
  const known = Array.from({ length: 0x10000 }, (_, c) => String.fromCharCode(c)).filter((ch) =>
    hasKnownClasses(ch, 0, 1),
  );
  let state = seed;
  const random = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  for (let n = 0; n < count; n++) {
    const length = 1 + Math.floor(random() * 12);
    let text = '';
    for (let i = 0; i < length; i++)
      text +=
        random() < 0.8
          ? TRICKY[Math.floor(random() * TRICKY.length)]
          : known[Math.floor(random() * known.length)];
    yield text;
  }
}
