import { describe, expect, it } from 'vitest';
import { TokenReader } from '../../src/search/token-reader.ts';
import { tokenize } from '../../src/search/tokenize.ts';
import { readJsonl } from '../core/helpers.ts';

describe('TokenReader', () => {
  const tricky = [
    "The U.S.is said to back it; the U.S. and US officials, Syria’s and Syria's forces.",
    'It ended.The talks resumed at 10.30 with 290,000 dead, 1.8 million fled, e.g. in Café Noël.',
    "ΟΔΟΣ, İstanbul™, ﬁne “quotes” — Kerry–Lavrov, don’t, rock'n'roll, 𝐌𝐚𝐭𝐡 and 😀 emoji.",
    'A.B.C. a.b. x. 5. end.',
  ];

  it('gives the tokens tokenize gives, for any slice, read once or again', async () => {
    const paragraphs = await readJsonl<{ text: string }>('squad-sample-paragraphs.jsonl');
    const texts = [...tricky, ...paragraphs.slice(0, 80).map((p) => p.text)];
    const reader = new TokenReader();
    for (let round = 0; round < 2; round++)
      for (const text of texts)
        for (const [from, to] of [
          [0, text.length],
          [7, Math.min(text.length, 130)],
          [Math.floor(text.length / 3), text.length - 2],
        ] as const)
          expect(reader.read(text, from, to), `${from}-${to} ${text}`).toEqual(
            tokenize(text.slice(from, to)),
          );
  });

  it('keeps only the tokens whose term is asked for, at their places', () => {
    const reader = new TokenReader();
    const text = tricky[1] as string;
    const wanted = new Set(['talk', 'fled', '290000']);
    expect(reader.read(text, 3, text.length, (t) => wanted.has(t))).toEqual(
      tokenize(text.slice(3)).filter((t) => wanted.has(t.term)),
    );
  });
});
