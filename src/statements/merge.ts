/**
 * A quotation left unattributed in one article takes the speaker another article gives the same
 * words: outlets often run the same quote, one with its "Kerry said" and one without.
 */
import { terms } from '../search/tokenize.ts';

/** Words in a row that two quotations must share to count as the same words. */
const SHINGLE = 4;
/** Share of an unattributed quotation's shingles another quotation must hold. */
const MIN_SHARED = 0.5;

/** A direct statement as attribution across articles sees it. */
export interface QuotedWords {
  article: number;
  text: string;
  speaker: string | null;
}

/**
 * For each quotation with no speaker, the index in `quotes` of a quotation of another article with
 * a speaker that holds the same words (at least half its four-term runs), or -1. When quotations
 * of several speakers match, none is chosen: that would be a guess.
 */
export function attributeAcrossArticles(quotes: readonly QuotedWords[]): number[] {
  const shingles = quotes.map((q) => shingleSet(q.text));
  return quotes.map((q, i) => {
    if (q.speaker !== null) return -1;
    const own = shingles[i] as Set<string>;
    if (own.size === 0) return -1;
    const matches: number[] = [];
    quotes.forEach((other, j) => {
      if (other.speaker === null || other.article === q.article) return;
      const theirs = shingles[j] as Set<string>;
      let shared = 0;
      for (const s of own) if (theirs.has(s)) shared++;
      if (shared / own.size >= MIN_SHARED) matches.push(j);
    });
    const speakers = new Set(matches.map((j) => quotes[j]?.speaker));
    return speakers.size === 1 ? (matches[0] as number) : -1;
  });
}

function shingleSet(text: string): Set<string> {
  const words = terms(text);
  const out = new Set<string>();
  for (let i = 0; i + SHINGLE <= words.length; i++) out.add(words.slice(i, i + SHINGLE).join(' '));
  return out;
}
