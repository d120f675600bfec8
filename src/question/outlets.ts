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

/** The words of each outlet name, folded; a corpus' list of outlets is read once, not per question. */
const namesOf = new WeakMap<readonly string[], string[][]>();

function foldedNames(sources: readonly string[]): string[][] {
  let names = namesOf.get(sources);
  if (names === undefined) {
    names = sources.map((s) => foldName(s).split(' ').filter(Boolean));
    namesOf.set(sources, names);
  }
  return names;
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

/** Is `part` a run of consecutive words of `whole`? */
function containsRun(whole: readonly string[], part: readonly string[]): boolean {
  outer: for (let i = 0; i + part.length <= whole.length; i++) {
    for (let j = 0; j < part.length; j++) if (whole[i + j] !== part[j]) continue outer;
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
  const names = foldedNames(sources);
  if (names.length === 0) return [];
  const folded = words.map((w) => foldName(w.text));
  const mentions: OutletMention[] = [];
  for (let i = 0; i < words.length; ) {
    let found: OutletMention | null = null;
    for (let n = Math.min(MAX_WORDS, words.length - i); n >= 1 && found === null; n--) {
      const run = folded.slice(i, i + n);
      if (run[0] === 'the' && n > 1 && !names.some((name) => name[0] === 'the')) continue;
      const distinctive = run.some((w) => w.length >= 2 && /\p{L}/u.test(w) && !isCommonWord(w));
      const capitalised = words.slice(i, i + n).every((w) => w.text === 'the' || /^\p{Lu}/u.test(w.text));
      for (const name of names) {
        const whole =
          run.join(' ') === name.filter((w) => w !== 'the').join(' ') || run.join(' ') === name.join(' ');
        if (containsRun(name, run) && (distinctive || (whole && capitalised))) {
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
