/**
 * Checks that the direct sentence boundaries (sentence-breaks.ts) equal `Intl.Segmenter`'s (ICU's)
 * on every SQuAD v1.1 train and dev paragraph they apply to and on random strings of the
 * characters they know, and prints the share of paragraphs that take the direct path. Exits with
 * status 1 on the first difference.
 *
 *   npx tsx scripts/check-sentence-breaks.ts [--data ../shared/eval] [--random N]
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readJsonLines } from '../bench/lib/jsonl.ts';
import { directSentenceEnds, hasKnownClasses } from '../src/passages/sentence-breaks.ts';
import { IntBuffer } from '../src/util/term-table.ts';
import { sentenceBreakStrings } from './lib/sentence-break-strings.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: path.join(import.meta.dirname, '..', '..', 'shared', 'eval') },
    random: { type: 'string', default: '1000000' },
  },
});
const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** ICU's segment ends and the direct ones of a string, as text for comparison. */
function both(text: string): [string, string] {
  const icu = Array.from(segmenter.segment(text), (s) => s.index + s.segment.length);
  const ends = new IntBuffer();
  directSentenceEnds(text, 0, text.length, ends);
  return [icu.join(','), Array.from(ends.toArray()).join(',')];
}

function check(text: string, what: string): void {
  const [icu, direct] = both(text);
  if (icu === direct) return;
  console.error(`${what}: ICU ends ${icu}, direct ${direct}\n${JSON.stringify(text)}`);
  process.exit(1);
}

const squad = path.join(values.data, 'squad');
let paragraphs = 0;
let direct = 0;
let directChars = 0;
let chars = 0;
for (const file of ['dev-paragraphs.jsonl', 'train-paragraphs.jsonl']) {
  for (const p of await readJsonLines<{ id: string; text: string }>(path.join(squad, file))) {
    for (const para of p.text.split('\n')) {
      if (para.trim() === '') continue;
      paragraphs++;
      chars += para.length;
      if (!hasKnownClasses(para, 0, para.length)) continue;
      direct++;
      directChars += para.length;
      check(para, p.id);
    }
  }
}
console.log(
  `SQuAD: ${direct} of ${paragraphs} paragraphs split directly (${((100 * directChars) / chars).toFixed(1)}% of the text); all agree with ICU`,
);

const count = Number(values.random);
let n = 0;
for (const text of sentenceBreakStrings(count)) check(text, `random string ${n++}`);
console.log(`${count} random strings of known characters agree with ICU`);
