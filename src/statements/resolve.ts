/**
 * Who a statement's speaker is, within its article: a name as first written in full ("Sergei
 * Lavrov" for a later "Lavrov"), a pronoun as the speaker or person it refers to, "the ministry"
 * as the organisation last named with that head, "the statement" as its issuer, a capital as its
 * government. Null when the text does not say; never a guess.
 */
import type { ArticleReading, RawStatement } from './extract.ts';
import { CAPITALS, GOVERNMENTS, NAME_PARTICLES } from './lexicon.ts';
import type { Mention } from './mentions.ts';

/** What kind of speaker a name is, as far as resolution needs to know. */
export type SpeakerType = 'person' | 'organisation' | 'government';

/** A speaker as resolved within one article. */
export interface LocalSpeaker {
  name: string;
  type: SpeakerType;
  /** An organisation named only by its head ("the Ministry"), to be completed across articles. */
  bare?: string;
}

/** A statement with its speaker resolved within the article. */
export interface ResolvedStatement extends RawStatement {
  speaker: LocalSpeaker | null;
}

/** Common spellings of governments, so "U.S." and "US" speak as one. */
const GOVERNMENT_NAMES: ReadonlyMap<string, string> = new Map([
  ['us', 'United States'],
  ['u.s.', 'United States'],
  ['usa', 'United States'],
  ['america', 'United States'],
  ['uk', 'United Kingdom'],
  ['britain', 'United Kingdom'],
  ['eu', 'European Union'],
  ['un', 'United Nations'],
]);

/** Capitalised words of a name, particles left out: "Staffan de Mistura" has two. */
export function nameWords(name: string): string[] {
  return name.split(/[\s-]+/).filter((w) => w !== '' && !NAME_PARTICLES.has(w.toLowerCase()));
}

/** A name said as a government ("Moscow", "Russia") when it is one; else null. */
export function governmentOf(name: string): string | null {
  const lower = name.toLowerCase();
  const capital = CAPITALS.get(lower);
  if (capital !== undefined) return capital;
  if (GOVERNMENTS.has(lower)) return GOVERNMENT_NAMES.get(lower) ?? name;
  return null;
}

/** Resolves every statement's speaker within its article. */
export function resolveArticle(reading: ArticleReading): ResolvedStatement[] {
  const fullNames = reading.mentions
    .filter((m) => m.mention.kind === 'name' && nameWords(m.mention.text).length >= 2)
    .map((m) => (m.mention as { text: string }).text)
    .filter((name) => governmentOf(name) === null);
  const out: ResolvedStatement[] = [];
  for (const raw of reading.statements) {
    let speaker: LocalSpeaker | null = null;
    if (raw.continues >= 0) speaker = out.find((s) => s.start === raw.continues)?.speaker ?? null;
    else if (raw.mention !== null) speaker = resolveMention(raw.mention, raw, reading, fullNames, out);
    out.push({ ...raw, speaker });
  }
  return out;
}

function resolveMention(
  mention: Mention,
  raw: RawStatement,
  reading: ArticleReading,
  fullNames: readonly string[],
  earlier: readonly ResolvedStatement[],
): LocalSpeaker | null {
  switch (mention.kind) {
    case 'name':
      return resolveName(mention.text, fullNames);
    case 'organisation': {
      if (!mention.bare) return { name: mention.text, type: 'organisation' };
      const named = reading.mentions.filter(
        (m) =>
          m.mention.start < mention.start &&
          m.mention.kind === 'organisation' &&
          !m.mention.bare &&
          m.mention.head === mention.head,
      );
      const last = named.at(-1)?.mention;
      if (last?.kind === 'organisation') return { name: last.text, type: 'organisation' };
      return { name: mention.text, type: 'organisation', bare: mention.head };
    }
    case 'document': {
      // The issuer of "the statement": the organisation that last spoke in this article.
      const issuer = earlier.filter((s) => s.speaker?.type === 'organisation').at(-1);
      return issuer?.speaker ?? null;
    }
    case 'pronoun':
      return resolvePronoun(mention.word, raw, reading, fullNames, earlier);
    default:
      return null;
  }
}

/** A name: a government by its capital, a short name by the full one written in the article. */
function resolveName(text: string, fullNames: readonly string[]): LocalSpeaker {
  const government = governmentOf(text);
  if (government !== null) return { name: government, type: 'government' };
  if (nameWords(text).length >= 2) return { name: text, type: 'person' };
  const lower = ` ${text.toLowerCase()}`;
  const full = fullNames.find((n) => ` ${n.toLowerCase()}`.endsWith(lower));
  return { name: full ?? text, type: 'person' };
}

/**
 * "he"/"she": the speaker of a statement in the same or the previous sentence when that is a
 * person, else the one person the previous sentence (or this one, before the pronoun) names;
 * "it": an organisation or government that spoke in the same or the previous sentence.
 */
function resolvePronoun(
  word: string,
  raw: RawStatement,
  reading: ArticleReading,
  fullNames: readonly string[],
  earlier: readonly ResolvedStatement[],
): LocalSpeaker | null {
  const recent = earlier.filter((s) => s.sentence >= raw.sentence - 1 && s.start < raw.start).at(-1);
  if (word === 'it') return recent?.speaker?.type === 'person' ? null : (recent?.speaker ?? null);
  if (recent !== undefined) return recent.speaker?.type === 'person' ? recent.speaker : null;
  const people = new Set<string>();
  for (const { mention, sentence } of reading.mentions) {
    if (mention.kind !== 'name' || sentence < raw.sentence - 1 || sentence > raw.sentence) continue;
    if (mention.start >= (raw.mention?.start ?? raw.start)) continue;
    // Only a name the article writes in full is surely a person ("Aleppo" is a name too).
    const resolved = resolveName(mention.text, fullNames);
    if (resolved.type === 'person' && nameWords(resolved.name).length >= 2) people.add(resolved.name);
  }
  if (people.size !== 1) return null;
  return { name: [...people][0] as string, type: 'person' };
}
