/**
 * Question analysis: what a question names of the coverage's metadata (dates, outlets, event ids),
 * which words only frame it, and whether it asks for an overview. Pure: the corpus enters only as
 * a `QuestionContext`.
 */

import { type AnswerType, readAnswerType } from './answer-type.ts';
import { type ArticleMetadata, ContextCounts } from './context-counts.ts';
import { findDateSpans, joinDateRanges, partOfMonthStart, readDateMention } from './dates.ts';
import { type EventWords, eventWords, findEventDescriptions } from './event-names.ts';
import {
  asksForNewest,
  asksForOverview,
  eventVerbsAt,
  isFillerToken,
  isFramingToken,
  outletsAskedAt,
} from './framing.ts';
import { findOutlets, questionWords } from './outlets.ts';
import { quotedSpans } from './quoted.ts';
import { type QuestionToken, readQuestion } from './reader.ts';
import { roleWords } from './role.ts';
import { readSpeakerQuestion, type SpeakerMention } from './speaker.ts';

/** What analysis needs to know of the corpus; made once per index. */
export interface QuestionContext {
  /** Outlets as the corpus names them. */
  sources: readonly string[];
  /** Event ids the corpus defines. */
  eventIds: ReadonlySet<string>;
  /** Each event's id with the terms of its name and summary, to read "the March phone call" by. */
  events: readonly EventWords[];
  /** Is this word one the coverage's text uses? An outlet named by such a word needs a cue. */
  usedInText(word: string): boolean;
  /** Years in which articles fall on a month ("08") or a day of a month ("08-26"). */
  yearsWith(monthOrDay: string): readonly number[];
}

/** Filters a question implies: the shape of the answer layer's filters. */
export interface ImpliedFilter {
  event?: string;
  source?: string;
  since?: string;
  until?: string;
}

/** A character range [start, end) of the question. */
export interface TextSpan {
  start: number;
  end: number;
}

/** Metadata named in the question, with the filter it implies. */
export interface MetadataMention extends TextSpan {
  kind: 'date' | 'source' | 'event';
  /** The words as the member typed them. */
  text: string;
  filter: ImpliedFilter;
  /** An event named by a description ("the March phone call"), whose words still rank passages. */
  described?: boolean;
}

/** A question read: its metadata mentions, framing words, and whether it asks for an overview. */
export interface QuestionAnalysis {
  question: string;
  mentions: MetadataMention[];
  /** Spans of words that frame the question ("say", "happened", "report"). */
  framing: TextSpan[];
  /** Auxiliaries, modals and indefinite pronouns ("Can you…", "everything"): no topic words either. */
  fillers: TextSpan[];
  /** "Summarise…", "What happened…", "Tell me about…". */
  overview: boolean;
  /** "The latest…", "What's new?": the newest coverage first. */
  newest: boolean;
  /** Its tokens as wink reads them, with parts of speech. */
  tokens: QuestionToken[];
  /** Spans of the words tagged as verbs ("achieve" in "What did the call achieve?"). */
  verbs: TextSpan[];
  /** Whom it asks what they said ("What did Lavrov say…", "Moscow's position on…"), as typed. */
  speaker: SpeakerMention | null;
  /** The verb asked of that speaker ("want" of "What does Russia want?"), or null. */
  speakerVerb: SpeakerMention | null;
  /** "Who said …?" */
  asksWho: boolean;
  /** "Which outlets covered …?", "Who reported …?": one excerpt from each outlet. */
  asksOutlets: boolean;
  /** The kind of answer asked, and the noun naming it ("what time": "time"; see answer-type.ts). */
  answerType: { type: AnswerType; noun: string | null };
  /** Spans of the words inside double quotes ("Who said “once and for all”?"), quotes excluded. */
  quoted: TextSpan[];
  /**
   * Spans of the verb of "Where/When did the meeting take place?", "Where were the talks held?":
   * it asks where or when the event was, so it is neither searched for nor required.
   */
  eventVerbs: TextSpan[];
  /** The nouns of the role "Who is the president of Turkey?" asks the holder of (see role.ts). */
  roles: TextSpan[];
}

/** Words before an outlet's name that say it is a source: "according to", "reported by". */
const OUTLET_CUE_BEFORE =
  /\b(?:according to|reported by|reports? (?:from|by|in)|coverage (?:from|by|in))\s+$/i;

/** A preposition a date span may start with. */
const LEADING_PREPOSITION = /^(?:on|in|at|during|from|over|by)\s+/i;

/** Builds the context of a corpus' articles and events. */
export function questionContext(
  articles: ReadonlyArray<ArticleMetadata>,
  events: ReadonlyArray<{ id: string; name?: string; description?: string }>,
  usedInText: (word: string) => boolean,
): QuestionContext {
  return contextOf(ContextCounts.of(articles), events, usedInText);
}

/** The context of the articles `counts` counted and of `events` (see `ContextCounts.after` for a change). */
export function contextOf(
  counts: ContextCounts,
  events: ReadonlyArray<{ id: string; name?: string; description?: string }>,
  usedInText: (word: string) => boolean,
): QuestionContext {
  const sorted = counts.yearsByKey();
  return {
    sources: counts.outlets(),
    eventIds: new Set(events.map((e) => e.id)),
    events: eventWords(events),
    usedInText,
    yearsWith: (key) => sorted.get(key) ?? [],
  };
}

/** Reads a question against the corpus' metadata. */
export function analyseQuestion(question: string, context: QuestionContext): QuestionAnalysis {
  const read = readQuestion(question);
  const { dates } = read;
  const tokens = read.tokens.map(nounPeople);
  const mentions: MetadataMention[] = [];
  const mention = (kind: MetadataMention['kind'], start: number, end: number, filter: ImpliedFilter) =>
    mentions.push({ kind, start, end, text: question.slice(start, end), filter });
  let dateSpans = dates.map(({ first, last }) => ({
    start: tokens[first]?.start ?? 0,
    end: tokens[last]?.end ?? 0,
  }));
  // Chrono's and wink's readings of one date are one span ("Friday" and "26 August" are "Friday 26
  // August"; "August" is part of "the 26th of August"), with the part of a month it starts with.
  for (const span of findDateSpans(question)) {
    const overlapping = dateSpans.filter((d) => d.start < span.end && span.start < d.end);
    const start = Math.min(span.start, ...overlapping.map((d) => d.start));
    const end = Math.max(span.end, ...overlapping.map((d) => d.end));
    dateSpans = [...dateSpans.filter((d) => !overlapping.includes(d)), { start, end }];
  }
  dateSpans = dateSpans.map((d) => {
    // As written, without the preposition chrono takes in ("on 26 August" is "26 August").
    const start = d.start + (LEADING_PREPOSITION.exec(question.slice(d.start, d.end))?.[0].length ?? 0);
    return { start: partOfMonthStart(question, start), end: d.end };
  });
  const readings = dateSpans.map(({ start, end }) => ({
    start,
    end,
    range: readDateMention(question.slice(start, end), context.yearsWith),
  }));
  for (const { start, end, range } of joinDateRanges(question, readings, context.yearsWith))
    if (range !== null) mention('date', start, end, range);
  const words = questionWords(question);
  const framing = tokens
    .filter((_, i) => isFramingToken(tokens, i))
    .map(({ start, end }) => ({ start, end }));
  for (const outlet of findOutlets(words, context.sources)) {
    const start = words[outlet.first]?.start ?? 0;
    const end = words[outlet.last]?.end ?? start;
    // "Syria" names the outlet "Syria Times" only when the question says it is a source.
    const ambiguous = words.slice(outlet.first, outlet.last + 1).every((w) => context.usedInText(w.text));
    const cue = OUTLET_CUE_BEFORE.exec(question.slice(0, start));
    const cued =
      cue !== null || framing.some((f) => f.start >= end && /^[\s'’s]*$/.test(question.slice(end, f.start)));
    if (ambiguous && !cued) continue;
    if (mentions.some((m) => m.start < end && start < m.end)) continue;
    mention('source', start, end, { source: outlet.name });
    // "according to" only says where the answer comes from.
    if (cue !== null) framing.push({ start: cue.index, end: cue.index + cue[0].trimEnd().length });
  }
  for (const m of question.matchAll(/[a-z0-9]+(?:-[a-z0-9]+)+/g)) {
    if (!context.eventIds.has(m[0])) continue;
    const start = m.index;
    const end = start + m[0].length;
    // An event id holding a date ("geneva-aug-2016") names the event, not that date.
    for (let i = mentions.length - 1; i >= 0; i--) {
      const other = mentions[i] as MetadataMention;
      if (other.kind === 'date' && other.start >= start && other.end <= end) mentions.splice(i, 1);
    }
    mention('event', start, end, { event: m[0] });
  }
  for (const { id, start, end } of findEventDescriptions(question, tokens, context.events))
    if (!mentions.some((m) => m.kind === 'event'))
      mentions.push({
        kind: 'event',
        start,
        end,
        text: question.slice(start, end),
        filter: { event: id },
        described: true,
      });
  const { speaker, asksWho, stance, verb } = readSpeakerQuestion(question, tokens);
  if (stance !== null) framing.push({ start: stance.start, end: stance.end });
  const verbs = tokens.filter((t) => t.pos === 'VERB').map(({ start, end }) => ({ start, end }));
  const outletWord = tokens[outletsAskedAt(tokens)];
  const answerType = readAnswerType(question);
  const eventVerbs =
    answerType.type === 'place' || answerType.type === 'time'
      ? eventVerbsAt(tokens).map((i) => ({ start: tokens[i]?.start ?? 0, end: tokens[i]?.end ?? 0 }))
      : [];
  if (outletWord !== undefined && !framing.some((f) => f.start === outletWord.start))
    framing.push({ start: outletWord.start, end: outletWord.end });
  return {
    question,
    mentions,
    framing,
    fillers: tokens.filter(isFillerToken).map(({ start, end }) => ({ start, end })),
    tokens,
    verbs,
    overview: asksForOverview(tokens),
    newest: asksForNewest(tokens),
    speaker,
    speakerVerb: verb,
    asksWho,
    asksOutlets: outletWord !== undefined,
    answerType,
    quoted: quotedSpans(question),
    eventVerbs,
    roles: roleWords(tokens),
  };
}

/**
 * The token, "people" tagged a noun: wink tags it a verb after an auxiliary ("What did people
 * say…"), where a question means the noun.
 */
function nounPeople(t: QuestionToken): QuestionToken {
  return t.pos === 'VERB' && t.text.toLowerCase() === 'people' ? { ...t, pos: 'NOUN' } : t;
}
