/**
 * Chat shorthand in a question, read as the words it stands for: "wat did lavrov say abt
 * terrorists" is asked as "what did lavrov say about terrorists", "whos the un envoy" as "who's
 * the un envoy". Members type so in Discord; the words are too short, or too far from theirs, for
 * the spelling step to read. Also "the us" typed in lower case: the country, not the pronoun.
 */
import { quotedSpans } from './quoted.ts';

/** A word of the question as typed and the words it is read as. */
export interface ShorthandReading {
  typed: string;
  read: string;
}

/**
 * Common English chat shorthand and contractions typed without their apostrophe, by what is
 * typed in lower case. Only forms that are not also an English word of their own ("ill", "were",
 * "its", "well" are left as typed).
 */
const SHORTHAND: ReadonlyMap<string, string> = new Map([
  ['u', 'you'],
  ['ya', 'you'],
  ['ur', 'your'],
  ['r', 'are'],
  ['abt', 'about'],
  ['bout', 'about'],
  ['ppl', 'people'],
  ['wat', 'what'],
  ['wut', 'what'],
  ['wht', 'what'],
  ['whats', "what's"],
  ['whos', "who's"],
  ['wheres', "where's"],
  ['whens', "when's"],
  ['hows', "how's"],
  ['whys', "why's"],
  ['dont', "don't"],
  ['didnt', "didn't"],
  ['doesnt', "doesn't"],
  ['isnt', "isn't"],
  ['wasnt', "wasn't"],
  ['arent', "aren't"],
  ['werent', "weren't"],
  ['havent', "haven't"],
  ['hasnt', "hasn't"],
  ['couldnt', "couldn't"],
  ['wouldnt', "wouldn't"],
  ['shouldnt', "shouldn't"],
  ['im', "I'm"],
  ['ive', "I've"],
  ['thats', "that's"],
  ['theres', "there's"],
  ['cud', 'could'],
  ['cld', 'could'],
  ['wud', 'would'],
  ['wld', 'would'],
  ['shud', 'should'],
  ['hv', 'have'],
  ['thru', 'through'],
  ['tho', 'though'],
  ['cuz', 'because'],
  ['coz', 'because'],
  ['bc', 'because'],
  ['b4', 'before'],
  ['govt', 'government'],
  ['gov', 'government'],
  ['intl', 'international'],
  ['pres', 'president'],
  ['info', 'information'],
  ['intel', 'intelligence'],
  ['admin', 'administration'],
  ['convo', 'conversation'],
  ['yrs', 'years'],
  ['wanna', 'want to'],
  ['gonna', 'going to'],
  ['dunno', "don't know"],
  ['rn', 'right now'],
]);

/** "tl;dr" (too long; didn't read), which chat uses for a summary, at the start of a text. */
const TLDR = /^tl;?dr\b/i;

/** A word as typed: letters and digits, not part of a longer word, a dotted acronym or a contraction. */
const WORD = /(?<![\p{L}\p{N}.'’@#-])[\p{L}\p{N}]+(?![\p{L}\p{N}'’@]|\.\p{L})/gu;

/**
 * The question with its chat shorthand read as words (see the module), and what was read, in
 * order. Only words typed all in lower case are read ("U" or "IM" in capitals may be a name), and
 * none inside double quotes.
 */
export function readShorthand(question: string): { text: string; readings: ShorthandReading[] } {
  const readings: ShorthandReading[] = [];
  let text = '';
  let at = 0;
  const quoted = quotedSpans(question);
  for (const m of question.matchAll(WORD)) {
    const typed = m[0];
    const start = m.index;
    // Words inside double quotes are a quotation, looked for as typed.
    if (quoted.some((q) => q.start <= start && start < q.end)) continue;
    const hyphened = question[start + typed.length] === '-';
    let read = typed === typed.toLowerCase() && !hyphened ? SHORTHAND.get(typed) : undefined;
    // "tl;dr", "TLDR": a summary, in any case.
    const tldr = /^tl(?:dr)?$/i.test(typed) ? TLDR.exec(question.slice(start)) : null;
    if (tldr !== null) {
      text += `${question.slice(at, start)}summary`;
      at = start + tldr[0].length;
      readings.push({ typed: tldr[0], read: 'summary' });
      continue;
    }
    // "the us", "the us-backed rebels": after "the", "us" is the country.
    if (typed === 'us' && /\bthe\s+$/i.test(question.slice(0, start))) read = 'US';
    if (read === undefined) continue;
    text += question.slice(at, start) + read;
    at = start + typed.length;
    readings.push({ typed, read });
  }
  return readings.length === 0 ? { text: question, readings } : { text: text + question.slice(at), readings };
}
