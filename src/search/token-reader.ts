/**
 * `tokenize` for text read again and again (excerpts and their highlights): words are read in
 * place by a WordTable and each distinct raw word is tokenised once, so a word seen before costs
 * no string, no map lookup by its text and no normalisation.
 */
import { IntBuffer } from '../util/term-table.ts';
import { normaliseWord, type Token, tokenize } from './tokenize.ts';
import { WordTable } from './word-table.ts';

/** Distinct words remembered before the reader starts again, which bounds its memory. */
const KEPT_WORDS = 200_000;

export class TokenReader {
  private words = new WordTable();
  /** Per word id, the tokens `tokenize` makes of the word, offsets relative to its start. */
  private tokensOf: Array<readonly Token[]> = [];
  private readonly ids = new IntBuffer(256);
  private readonly spans = new IntBuffer(512);

  /**
   * The tokens `tokenize(text.slice(from, to))` gives, offsets relative to `from`, only those whose
   * term `keep` accepts (all without it). Each WORD match is tokenised on its own, so tokenising
   * the words one by one gives the same tokens.
   */
  read(text: string, from = 0, to = text.length, keep?: (term: string) => boolean): Token[] {
    if (this.words.size > KEPT_WORDS) {
      this.words = new WordTable();
      this.tokensOf = [];
    }
    const { ids, spans } = this;
    ids.length = 0;
    spans.length = 0;
    this.words.appendWordIds(text, ids, from, to, spans);
    const out: Token[] = [];
    for (let w = 0; w < ids.length; w++) {
      const id = ids.at(w);
      let tokens = this.tokensOf[id];
      if (tokens === undefined) {
        tokens = tokensOfWord(this.words.word(id));
        this.tokensOf[id] = tokens;
      }
      if (tokens.length === 0) continue;
      const shift = spans.at(2 * w) - from;
      for (const t of tokens)
        if (keep === undefined || keep(t.term))
          out.push({ term: t.term, start: t.start + shift, end: t.end + shift });
    }
    return out;
  }
}

const NO_TOKENS: readonly Token[] = [];

/** The tokens `tokenize` makes of one raw word: a word without a dot is one term or none. */
function tokensOfWord(raw: string): readonly Token[] {
  if (raw.includes('.')) return tokenize(raw);
  const term = normaliseWord(raw);
  return term === null ? NO_TOKENS : [{ term, start: 0, end: raw.length }];
}
