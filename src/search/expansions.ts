/**
 * Other words for the same thing, from WordNet: a word's synonyms in the senses common to both, the head
 * of a multiword synonym ("military plane" for "warplane" gives "plane"), and the words derived
 * from it in its first sense ("die" and "death"), as index terms. The answer layer keeps those an
 * index holds and weighs them below the word itself.
 */
import lemmatizer from 'wink-lemmatizer';
import { BoundedMemo } from '../util/bounded-memo.ts';
import { terms } from './tokenize.ts';
import { type WordNetPos, wordNet } from './wordnet.ts';

const MEMO_LIMIT = 50_000;
/** Senses read, most frequent first: rarer ones ("kill" as "vote down") mostly add noise. */
const SENSES = 1;
const memo = new BoundedMemo<string, readonly string[]>(MEMO_LIMIT);

/** The lemma WordNet lists a word under, for its part of speech. */
function lemmaOf(word: string, pos: WordNetPos): string {
  const lower = word.toLowerCase();
  if (pos === 'noun') return lemmatizer.noun(lower);
  if (pos === 'verb') return lemmatizer.verb(lower);
  if (pos === 'adj') return lemmatizer.adjective(lower);
  return lower;
}

/**
 * The index terms of the words WordNet relates to `word` used as `pos` (see the module), without
 * the word's own term; none for a word WordNet lacks. Memoised: WordNet is read once per word.
 */
export function relatedTerms(word: string, pos: WordNetPos): readonly string[] {
  return memo.get(`${pos}:${word.toLowerCase()}`, () => computeRelated(word, pos));
}

function computeRelated(word: string, pos: WordNetPos): readonly string[] {
  const wn = wordNet();
  const lemma = lemmaOf(word, pos);
  const own = new Set(terms(word));
  const found = new Set<string>();
  const add = (w: string) => {
    const parts = terms(w);
    // A multiword synonym stands for its head: the last word of a noun, none of a verb's phrase.
    const head = parts.length === 1 ? parts[0] : pos === 'noun' ? parts.at(-1) : undefined;
    if (head !== undefined && !own.has(head)) found.add(head);
  };
  const senses = wn.senses(lemma, pos).slice(0, SENSES);
  // A synonym counts when the sense is common for it too: "go" means "die" only in a rare sense.
  const common = (w: string, offset: number) =>
    w.includes(' ') || wn.senses(w, pos).slice(0, SENSES).includes(offset);
  senses.forEach((offset, sense) => {
    const synset = wn.synset(pos, offset);
    for (const w of synset.words) if (w !== lemma && common(w, offset)) add(w);
    if (sense !== 0) return;
    const source = synset.words.indexOf(lemma) + 1;
    for (const p of synset.pointers) {
      if (p.symbol !== '+' || (p.source !== 0 && p.source !== source)) continue;
      const target = wn.synset(p.pos, p.offset);
      const words = p.target === 0 ? target.words : [target.words[p.target - 1] ?? ''];
      for (const w of words) if (w !== '' && !w.includes(' ')) add(w);
    }
  });
  return [...found];
}
