/**
 * Noun phrases that can say something: a name ("Staffan de Mistura" out of "the UN special envoy
 * for Syria Staffan de Mistura"), an organisation ("the Russian foreign ministry"), a document of
 * one ("the statement"), a pronoun, a group ("they", "Kerry and Lavrov", "officials"), or a role
 * with no name ("a spokesman"). Read from wink's parts of speech; offsets are the article's.
 */
import {
  DOCUMENT_HEADS,
  GROUP_PRONOUNS,
  NAME_PARTICLES,
  ORGANISATION_HEADS,
  PERSON_PRONOUNS,
  THING_PRONOUNS,
  TITLE_WORDS,
} from './lexicon.ts';
import type { ArticleToken } from './read.ts';

/** Who a reporting verb's subject names, before it is resolved within the article. */
export type Mention =
  | { kind: 'name'; text: string; start: number; end: number }
  | { kind: 'organisation'; text: string; head: string; bare: boolean; start: number; end: number }
  | { kind: 'document'; start: number; end: number }
  | { kind: 'pronoun'; word: string; start: number; end: number }
  | { kind: 'group'; start: number; end: number }
  | { kind: 'unnamed'; start: number; end: number };

/** People and bodies named by a role only: a speaker the text does not name. */
const ROLE_NOUNS: ReadonlySet<string> = new Set([
  'official',
  'spokesman',
  'spokeswoman',
  'envoy',
  'minister',
  'diplomat',
  'side',
  'adviser',
  'advisor',
  'source',
  'analyst',
  'expert',
  'leader',
  'president',
  'secretary',
  'ambassador',
  'negotiator',
  'observer',
  'witness',
  'resident',
  'activist',
  'commander',
  'counterpart',
  'party',
]);

/** Can the token start or extend a name: a proper noun, or a particle inside one. */
function isNamePart(tokens: readonly ArticleToken[], i: number): boolean {
  const t = tokens[i];
  if (t === undefined || t.date) return false;
  if (t.pos === 'PROPN') return true;
  if (NAME_PARTICLES.has(t.text.toLowerCase())) return true;
  // The hyphen of "al-Assad", written without spaces.
  return t.text === '-' && tokens[i - 1]?.end === t.start && tokens[i + 1]?.start === t.end;
}

const isCapitalised = (t: ArticleToken) => /^\p{Lu}/u.test(t.text);

/** Title case, as a canonical organisation name is written: "Russian Foreign Ministry". */
export function titleCase(text: string): string {
  return text
    .split(/\s+/)
    .map((w) => (w.length > 0 ? (w[0] as string).toUpperCase() + w.slice(1) : w))
    .join(' ');
}

/**
 * The mention whose head is token i, or null when the token cannot be a subject. `text` is the
 * article text the tokens were read from.
 */
export function mentionAt(text: string, tokens: readonly ArticleToken[], i: number): Mention | null {
  const t = tokens[i];
  if (t === undefined || t.date) return null;
  const lower = t.text.toLowerCase();
  if (t.pos === 'PRON') {
    if (PERSON_PRONOUNS.has(lower) || THING_PRONOUNS.has(lower))
      return { kind: 'pronoun', word: lower, start: t.start, end: t.end };
    if (GROUP_PRONOUNS.has(lower)) return { kind: 'group', start: t.start, end: t.end };
    return null;
  }
  if (isNamePart(tokens, i) && (t.pos === 'PROPN' || isCapitalised(t))) return properMention(text, tokens, i);
  if (t.pos !== 'NOUN') return null;
  if (ORGANISATION_HEADS.has(t.lemma)) return organisation(text, tokens, i, i);
  if (DOCUMENT_HEADS.has(t.lemma)) return { kind: 'document', start: t.start, end: t.end };
  if (ROLE_NOUNS.has(t.lemma)) {
    const plural = lower !== t.lemma;
    return { kind: plural ? 'group' : 'unnamed', start: t.start, end: t.end };
  }
  return null;
}

/**
 * The proper-noun run around token i, as a name or an organisation; joined names are a group
 * unless `single` asks for this one name.
 */
function properMention(text: string, tokens: readonly ArticleToken[], i: number, single = false): Mention {
  let first = i;
  let last = i;
  while (first > 0 && isNamePart(tokens, first - 1)) first--;
  while (last + 1 < tokens.length && isNamePart(tokens, last + 1)) last++;
  // Trailing particles belong to the next word, not this name.
  while (last > first && !isCapitalised(tokens[last] as ArticleToken)) last--;
  const start = (tokens[first] as ArticleToken).start;
  const end = (tokens[last] as ArticleToken).end;
  if (!single && joined(tokens, first, last)) return { kind: 'group', start, end };
  for (let h = last; h >= first; h--) {
    if (ORGANISATION_HEADS.has((tokens[h] as ArticleToken).lemma))
      return organisation(text, tokens, first, h);
  }
  // The name is the run's last words: at most two capitalised ones (and particles), no title.
  let nameStart = last;
  let capitals = 0;
  for (let k = last; k >= first; k--) {
    const word = tokens[k] as ArticleToken;
    const lowerWord = word.text.toLowerCase();
    if (TITLE_WORDS.has(lowerWord)) break;
    if (NAME_PARTICLES.has(lowerWord) || word.text === '-') {
      nameStart = k;
      continue;
    }
    if (capitals === 2) break;
    capitals++;
    nameStart = k;
  }
  while (nameStart < last && (tokens[nameStart] as ArticleToken).text === '-') nameStart++;
  const from = (tokens[nameStart] as ArticleToken).start;
  return { kind: 'name', text: text.slice(from, end).replace(/\s+/g, ' '), start: from, end };
}

/** Is the run [first, last] one of several joined names: "Kerry and Lavrov", "both Kerry and …"? */
function joined(tokens: readonly ArticleToken[], first: number, last: number): boolean {
  const before = tokens[first - 1];
  const after = tokens[last + 1];
  const conjunction = (t: ArticleToken | undefined) =>
    t !== undefined && t.pos === 'CCONJ' && t.lemma !== 'but';
  if ((conjunction(after) && isNamePart(tokens, last + 2)) || before?.lemma === 'both') return true;
  // "Sergei Lavrov and the US Secretary of State John Kerry": a name joined across its title.
  for (let k = first - 1; k >= Math.max(0, first - TITLE_REACH); k--) {
    const t = tokens[k] as ArticleToken;
    if (conjunction(t)) return isNamePart(tokens, k - 1);
    if (!['DET', 'ADJ', 'PROPN', 'NOUN', 'ADP'].includes(t.pos)) return false;
  }
  return false;
}

/** Tokens of a title a joined name may stand behind ("the US Secretary of State"). */
const TITLE_REACH = 8;

/** The organisation whose head is token h, with the adjectives and nouns before it from `from` back. */
function organisation(text: string, tokens: readonly ArticleToken[], from: number, h: number): Mention {
  let first = Math.min(from, h);
  while (first > 0) {
    const prev = tokens[first - 1] as ArticleToken;
    if (!['ADJ', 'PROPN', 'NOUN'].includes(prev.pos) || prev.date) break;
    first--;
  }
  const head = tokens[h] as ArticleToken;
  const start = (tokens[first] as ArticleToken).start;
  return {
    kind: 'organisation',
    text: titleCase(text.slice(start, head.end).replace(/\s+/g, ' ')),
    head: head.lemma,
    bare: first === h,
    start,
    end: head.end,
  };
}

/** The names of people and places in tokens [from, to), in order (one per proper-noun run). */
export function namesIn(text: string, tokens: readonly ArticleToken[], from: number, to: number): Mention[] {
  const found: Mention[] = [];
  for (let i = from; i < to; i++) {
    const t = tokens[i] as ArticleToken;
    if (t.pos !== 'PROPN' || t.date) continue;
    const m = properMention(text, tokens, i, true);
    found.push(m);
    while (i + 1 < to && isNamePart(tokens, i + 1)) i++;
  }
  return found;
}
