/**
 * Outlets named in a question, as the corpus names them or by a distinctive part of the name:
 * "NDTV" for "NDTV (AFP copy)", "BRICS Post" for "The BRICS Post", "Mondialisation" for
 * "nsnbc international, republished by Mondialisation.ca".
 */
import { foldName } from '../corpus/names.ts';
import { isCommonWord } from '../search/common-words.ts';

/** A word of the question with its offsets. */
export interface QuestionWord {
  text: string;
  start: number;
  end: number;
}

/** An outlet mention: the words [first, last] of the question and the name part they matched. */
export interface OutletMention {
  first: number;
  last: number;
  /** The matched words, folded: what the source filter is given (it matches whole words). */
  name: string;
}

/** An outlet's name, folded: its words, and as one string with and without "the". */
interface FoldedName {
  words: string[];
  joined: string;
  withoutThe: string;
}

/** The outlets' names, folded; a corpus' list of outlets is read once, not per question. */
const namesOf = new WeakMap<readonly string[], FoldedNames>();

/** The folded names, whether one starts with "the", and every word of any name. */
interface FoldedNames {
  names: FoldedName[];
  anyThe: boolean;
  words: Set<string>;
}

function foldedNames(sources: readonly string[]): FoldedNames {
  let folded = namesOf.get(sources);
  if (folded === undefined) {
    const names = sources.map((s) => {
      const words = foldName(s).split(' ').filter(Boolean);
      return { words, joined: words.join(' '), withoutThe: words.filter((w) => w !== 'the').join(' ') };
    });
    folded = {
      names,
      anyThe: names.some((name) => name.words[0] === 'the'),
      words: new Set(names.flatMap((name) => name.words)),
    };
    namesOf.set(sources, folded);
  }
  return folded;
}

/** Longest run of question words tried against an outlet's name. */
const MAX_WORDS = 5;

/** Words of text with offsets: letters and digits. */
export function questionWords(text: string): QuestionWord[] {
  return [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({
    text: m[0],
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/** Is folded[from, from + n) a run of consecutive words of `whole`? */
function containsRun(whole: readonly string[], folded: readonly string[], from: number, n: number): boolean {
  outer: for (let i = 0; i + n <= whole.length; i++) {
    for (let j = 0; j < n; j++) if (whole[i + j] !== folded[from + j]) continue outer;
    return true;
  }
  return false;
}

/**
 * The outlets a question names, longest match first, not overlapping. A run of words names an
 * outlet when it is a run of the outlet's name and holds a word that is not common English, or
 * when it is the whole name (a leading "the" aside) written with capitals ("The Guardian").
 */
export function findOutlets(words: readonly QuestionWord[], sources: readonly string[]): OutletMention[] {
  const { names, anyThe, words: nameWords } = foldedNames(sources);
  if (names.length === 0) return [];
  const folded = words.map((w) => foldName(w.text));
  const mentions: OutletMention[] = [];
  for (let i = 0; i < words.length; ) {
    // A run starting with a word no outlet's name holds is in no name.
    if (!nameWords.has(folded[i] as string)) {
      i++;
      continue;
    }
    let found: OutletMention | null = null;
    for (let n = Math.min(MAX_WORDS, words.length - i); n >= 1 && found === null; n--) {
      if (folded[i] === 'the' && n > 1 && !anyThe) continue;
      // Most runs are in no name: what makes a run a mention is read only for one that is.
      const name = names.find((name) => containsRun(name.words, folded, i, n)) ?? null;
      if (name === null) continue;
      const run = folded.slice(i, i + n);
      const distinctive = run.some((w) => w.length >= 2 && /\p{L}/u.test(w) && !isCommonWord(w));
      const capitalised = words.slice(i, i + n).every((w) => w.text === 'the' || /^\p{Lu}/u.test(w.text));
      const joined = run.join(' ');
      for (const candidate of names) {
        if (candidate !== name && !containsRun(candidate.words, folded, i, n)) continue;
        const whole = joined === candidate.withoutThe || joined === candidate.joined;
        if (distinctive || (whole && capitalised)) {
          found = { first: i, last: i + n - 1, name: run.filter((w) => w !== 'the').join(' ') };
          break;
        }
      }
    }
    if (found === null) i++;
    else {
      mentions.push(found);
      i = found.last + 1;
    }
  }
  return mentions;
}
