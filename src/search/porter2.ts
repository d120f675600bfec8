/**
 * wink-porter2-stemmer's stem, step for step, with its regular expressions replaced by string
 * tests: a word of letters a–z gets exactly wink's stem (its departures from Porter2 included:
 * regions found again after each step, a step's suffix looked for anywhere in a region); any
 * other word is handed to wink itself.
 */
import winkStem from 'wink-porter2-stemmer';

/** wink's words stemmed as a whole. */
const EXCEPTIONS = new Map([
  ['skis', 'ski'],
  ['skies', 'sky'],
  ['dying', 'die'],
  ['lying', 'lie'],
  ['tying', 'tie'],
  ['idly', 'idl'],
  ['gently', 'gentl'],
  ['ugly', 'ugli'],
  ['early', 'earli'],
  ['only', 'onli'],
  ['singly', 'singl'],
  ['sky', 'sky'],
  ['news', 'news'],
  ['atlas', 'atlas'],
  ['cosmos', 'cosmos'],
  ['bias', 'bias'],
  ['andes', 'andes'],
]);

/** Words left as they are after step 1a. */
const INVARIANT = new Set([
  'inning',
  'outing',
  'canning',
  'herring',
  'proceed',
  'exceed',
  'succeed',
  'earring',
]);

/** Step 2's suffixes, in wink's order, each with its replacement. */
const STEP2: ReadonlyArray<readonly [string, string]> = [
  ['ational', 'ate'],
  ['ization', 'ize'],
  ['fulness', 'ful'],
  ['ousness', 'ous'],
  ['iveness', 'ive'],
  ['tional', 'tion'],
  ['biliti', 'ble'],
  ['lessli', 'less'],
  ['iviti', 'ive'],
  ['ousli', 'ous'],
  ['ation', 'ate'],
  ['entli', 'ent'],
  ['alism', 'al'],
  ['aliti', 'al'],
  ['fulli', 'ful'],
  ['alli', 'al'],
  ['ator', 'ate'],
  ['izer', 'ize'],
  ['enci', 'ence'],
  ['anci', 'ance'],
  ['abli', 'able'],
  ['bli', 'ble'],
  ['logi', 'log'],
];
const STEP2_SUFFIXES = [
  'ization',
  'ational',
  'fulness',
  'ousness',
  'iveness',
  'tional',
  'biliti',
  'lessli',
  'entli',
  'ation',
  'alism',
  'aliti',
  'ousli',
  'iviti',
  'fulli',
  'enci',
  'anci',
  'abli',
  'izer',
  'ator',
  'alli',
  'bli',
  'ogi',
  'li',
];
const STEP3: ReadonlyArray<readonly [string, string]> = [
  ['ational', 'ate'],
  ['tional', 'tion'],
  ['alize', 'al'],
  ['icate', 'ic'],
  ['iciti', 'ic'],
  ['ical', 'ic'],
  ['ness', ''],
  ['ful', ''],
];
const STEP3_SUFFIXES = ['ational', 'tional', 'alize', 'icate', 'iciti', 'ative', 'ical', 'ness', 'ful'];
const STEP4_SUFFIXES = [
  'ement',
  'ance',
  'ence',
  'able',
  'ible',
  'ment',
  'ant',
  'ent',
  'ism',
  'ate',
  'iti',
  'ous',
  'ive',
  'ize',
  'ion',
  'al',
  'er',
  'ic',
];

/**
 * The Porter2 stem of a word, always equal to `wink-porter2-stemmer`'s: a word of letters a–z
 * is stemmed here, faster; any other is stemmed by wink.
 */
export function stem(word: string): string {
  if (!isPlainWord(word)) return winkStem(word);
  if (word.length < 3) return word;
  const exception = EXCEPTIONS.get(word);
  if (exception !== undefined) return exception;
  let s = step1a(prelude(word));
  if (!INVARIANT.has(s)) s = step5(step4(step3(step2(step1c(step1b(s))))));
  return s.includes('3') ? s.replaceAll('3', 'y') : s;
}

/** Whether every character of a word is a letter a–z (the only words stemmed here). */
function isPlainWord(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 97 || c > 122) return false;
  }
  return true;
}

/** a, e, i, o, u or y (wink's vowels; "3" marks a y that is a consonant). */
function isVowel(c: string | undefined): boolean {
  return c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u' || c === 'y';
}

/** A leading y, and the first y after a, e, i, o or u, become "3". */
function prelude(s: string): string {
  let out = s.charCodeAt(0) === 121 ? `3${s.slice(1)}` : s;
  for (let i = 1; i < out.length; i++) {
    if (out[i] === 'y' && 'aeiou'.includes(out[i - 1] as string)) {
      out = `${out.slice(0, i)}3${out.slice(i + 1)}`;
      break;
    }
  }
  return out;
}

/** What follows the first run of vowels and the letter after it, if a letter is left after that. */
function region(s: string): string | null {
  let i = 0;
  while (i < s.length && !isVowel(s[i])) i++;
  if (i === s.length) return null;
  while (i < s.length && isVowel(s[i])) i++;
  return i <= s.length - 2 ? s.slice(i + 1) : null;
}

/** wink's R1 and R2 ("" where there is none). */
function regions(s: string): { r1: string; r2: string } {
  let r1 = region(s);
  if (r1 === null) return { r1: '', r2: '' };
  if (s.startsWith('gener') || s.startsWith('arsen')) r1 = s.slice(5);
  else if (s.startsWith('commun')) r1 = s.slice(6);
  return { r1, r2: region(r1) ?? '' };
}

/** wink's short syllable at the end, or a whole word of a vowel and at most one consonant. */
function isShort(s: string): boolean {
  const n = s.length;
  if (n >= 3 && !isVowel(s[n - 3]) && isVowel(s[n - 2]) && !'aeiouywx3'.includes(s[n - 1] as string))
    return true;
  return (n === 1 && isVowel(s[0])) || (n === 2 && isVowel(s[0]) && !isVowel(s[1]));
}

/** The longest of `suffixes` that `s` ends with, or null. */
function longestSuffix(s: string, suffixes: readonly string[]): string | null {
  let best: string | null = null;
  for (const suffix of suffixes) {
    if (s.endsWith(suffix) && (best === null || suffix.length > best.length)) best = suffix;
  }
  return best;
}

function step1a(s: string): string {
  const n = s.length;
  if (n >= 5 && s.endsWith('sses')) return s.slice(0, -2);
  if (s.endsWith('ied') || s.endsWith('ies')) {
    if (n >= 5) return `${s.slice(0, -3)}i`;
    if (n === 4) return `${s.slice(0, -3)}ie`;
  }
  if (s.endsWith('us') || s.endsWith('ss')) return s;
  if (!s.endsWith('s')) return s;
  const part = s.slice(0, -1);
  // wink's test: a vowel with at least two characters after it in the word without its "s".
  for (let i = 0; i <= part.length - 2; i++) if (isVowel(part[i])) return part;
  return s;
}

function step1b(s: string): string {
  if (s.endsWith('eed') || s.endsWith('eedly')) {
    const { r1 } = regions(s);
    if (!(r1.endsWith('eed') || r1.endsWith('eedly'))) return s;
    return `${s.slice(0, s.endsWith('eed') ? -3 : -5)}ee`;
  }
  const suffix = s.endsWith('ed')
    ? 2
    : s.endsWith('ing')
      ? 3
      : s.endsWith('edly')
        ? 4
        : s.endsWith('ingly')
          ? 5
          : 0;
  if (suffix === 0) return s;
  const end = s.length - suffix;
  let firstVowel = 0;
  while (firstVowel < s.length && !isVowel(s[firstVowel])) firstVowel++;
  if (firstVowel >= end) return s;
  const sd = s.slice(0, end);
  if (sd.endsWith('at') || sd.endsWith('bl') || sd.endsWith('iz')) return `${sd}e`;
  const last = sd[sd.length - 1] as string;
  if (sd.length >= 2 && last === sd[sd.length - 2] && 'bdfgmnprt'.includes(last)) return sd.slice(0, -1);
  return isShort(sd) && regions(sd).r1 === '' ? `${sd}e` : sd;
}

function step1c(s: string): string {
  const n = s.length;
  const last = s[n - 1];
  return n >= 3 && (last === 'y' || last === '3') && !isVowel(s[n - 2]) ? `${s.slice(0, -1)}i` : s;
}

function step2(s: string): string {
  const match = longestSuffix(s, STEP2_SUFFIXES);
  if (match === null || !regions(s).r1.includes(match)) return s;
  for (const [suffix, replacement] of STEP2) {
    if (s.endsWith(suffix)) return s.slice(0, -suffix.length) + replacement;
  }
  if (s.endsWith('li') && 'cdeghkmnrt'.includes(s[s.length - 3] ?? '_')) return s.slice(0, -2);
  return s;
}

function step3(s: string): string {
  const match = longestSuffix(s, STEP3_SUFFIXES);
  if (match === null) return s;
  const { r1, r2 } = regions(s);
  if (!r1.includes(match)) return s;
  for (const [suffix, replacement] of STEP3) {
    if (s.endsWith(suffix)) return s.slice(0, -suffix.length) + replacement;
  }
  return r2.includes('ative') && s.endsWith('ative') ? s.slice(0, -5) : s;
}

function step4(s: string): string {
  const match = longestSuffix(s, STEP4_SUFFIXES);
  if (match === null || !regions(s).r2.includes(match)) return s;
  if (match !== 'ion') return s.slice(0, -match.length);
  return s.length >= 4 && (s.endsWith('sion') || s.endsWith('tion')) ? s.slice(0, -3) : s;
}

function step5(s: string): string {
  if (s.endsWith('e')) {
    const { r1, r2 } = regions(s);
    const preceding = s.slice(0, -1);
    return r2.includes('e') || (r1.includes('e') && !isShort(preceding)) ? preceding : s;
  }
  if (s.endsWith('l')) {
    const { r2 } = regions(s);
    return r2.endsWith('l') && s.endsWith('ll') ? s.slice(0, -1) : s;
  }
  return s;
}
