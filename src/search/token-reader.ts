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
  /**
   * Per word id, what `tokenize` makes of the word: the term of a word without a dot (null for
   * none), or the tokens of one with dots, offsets relative to the word's start.
   */
  private known: Array<string | null | readonly Token[]> = [];
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
      this.known = [];
    }
    const { ids, spans } = this;
    ids.length = 0;
    spans.length = 0;
    this.words.appendWordIds(text, ids, from, to, spans);
    const out: Token[] = [];
    for (let w = 0; w < ids.length; w++) {
      const id = ids.at(w);
      let known = this.known[id];
      if (known === undefined) {
        known = readWord(this.words.word(id));
        this.known[id] = known;
      }
      if (known === null) continue;
      const shift = spans.at(2 * w) - from;
      if (typeof known === 'string') {
        if (keep === undefined || keep(known))
          out.push({ term: known, start: shift, end: spans.at(2 * w + 1) - from });
        continue;
      }
      for (const t of known)
        if (keep === undefined || keep(t.term))
          out.push({ term: t.term, start: t.start + shift, end: t.end + shift });
    }
    return out;
  }
}

/** What `tokenize` makes of one raw word: a word without a dot is one term or none. */
function readWord(raw: string): string | null | readonly Token[] {
  return raw.includes('.') ? tokenize(raw) : normaliseWord(raw);
}
