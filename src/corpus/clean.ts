/**
 * Cleaning of scraped article text: removes page furniture the way a reader skips it (ads, share
 * lines, captions, credits, link residue, disclaimers, promos) and rejoins sentences split across
 * a paragraph break. Everything that survives is verbatim article text.
 */
import { findDateline } from './dates.ts';

/** What cleaning found besides the text: the headline and the dateline lines it removed. */
export interface CleanedText {
  /** The article body: paragraphs separated by a blank line, each verbatim from the input. */
  text: string;
  /** The headline, when `extractHeader` was asked and the text starts with one. */
  headline: string | null;
  /**
   * Publication-date lines removed: from the head of the text ("This Article is From Aug 26,
   * 2016"), and lines anywhere that only date something ("August 27, 2016, 5:25 am").
   */
  datelines: string[];
}

/** Markdown link residue such as `[nsnbc International](#)`: keeps the link text. */
const LINK_RESIDUE = /\[([^\]\n]*)\]\((?:#|[^)\s]*)\)/g;

/** Whole lines that are page furniture wherever they appear. */
const FURNITURE_LINES: RegExp[] = [
  /^(advertisement|advertisements|sponsored( content)?|publicité|ad)$/i,
  /^(share|share this( article| story)?|tweet|print|email|follow us( on)?:?|follow us on:.*|share on .*)$/i,
  /^(related posts|related articles|related stories|related|read more|also read|recommended( for you)?)\s*:?$/i,
  /^(photo|photograph|image|picture|credit|photo credit|file photo|courtesy)( of)?\s*:?\s.{0,80}$/i,
  /^courtesy of .{0,80}$/i,
  /^(par|by|articles par)\s*:?\s+[^.!?]{0,60}$/i,
  /^(région|region|thème|theme|topics?|tags?|analyses|categories|category)\s*:.*$/i,
  // Labels of subscribers' articles.
  /^((article|contenu|content|story) )?(réservé aux abonnés|for subscribers( only)?|subscribers? only|subscriber exclusive|premium)$/i,
  // Credits of the reporters and editors behind a story, as wires and networks sign it off.
  /^(additional )?(reporting|writing|editing) by\b.{0,160}$/i,
  /^.{0,160}\bcontributed (reporting )?to this (report|story|article)\.?\)?$/i,
  // Notes that a story came from an agency's feed unedited.
  /^\(?.{0,160}\b(published|generated) from an? (syndicated|wire agency|agency|news agency|wire) feed\b.{0,40}$/i,
];

/**
 * A promo for other stories: "Read more: …", "Also Read …", "MORE ON SYRIA >>", "Lire aussi : …".
 * A sentence that starts with the same words ends as a sentence does, and is kept.
 */
const PROMO_LABEL =
  /^(read more|read also|also read|see also|more on|related|lire aussi|à lire aussi|voir aussi)\b/i;

/** An invitation to a newsletter ("sign up to our newsletters here"). */
const NEWSLETTER_PROMO =
  /\b(sign up|signup|subscribe|inbox)\b.{0,80}\bnewsletters?\b|\bnewsletters?\b.{0,80}\b(sign up|subscribe|inbox)\b/i;

/** Words a line that only dates or times something is made of ("Fri 26 Aug 2016 09.01 BST", "08:01 BST"). */
const DATE_WORD =
  /^(\d{1,4}(st|nd|rd|th|h\d\d)?|\d{1,2}[:.]\d{2}([:.]\d{2})?|am|pm|a\.m\.|p\.m\.|utc|gmt|bst|cest|cet|est|edt|pst|pdt|ist|jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t|tember)?|oct(ober)?|nov(ember)?|dec(ember)?|mon(day)?|tue(s|sday)?|wed(nesday)?|thu(rs|rsday)?|fri(day)?|sat(urday)?|sun(day)?|updated|published|posted|last|modified|on|at|le|à|publié|mis|jour)$/i;

/** Lines after which nothing more is article text: credits, copyright, disclaimers, promos. */
const END_MARKERS: RegExp[] = [
  /^la source originale de cet article/i,
  /^(copyright|©|\(c\) \d{4})/i,
  /^all rights reserved/i,
  /^avis de non-responsabilit/i,
  /^disclaimer\s*:/i,
  /^related (posts|articles|stories)\s*:?$/i,
  /^listen to the latest songs/i,
  /^.{0,60} with inputs from (agencies|wires|\w+)\.?$/i,
  /^(this|the) (article|story) (was|has been) (originally )?(published|reprinted)/i,
];

/** A photo caption: ends with an agency tag in brackets or "(File Image)"-style note. */
const CAPTION_LINE =
  /(\[(xinhua|reuters|afp|ap|getty images|tass|epa|file)\]|\((file image|file photo|representational image|photo: [^)]*)\))\s*$/i;

/**
 * A wire-photo caption sentence at the start of a paragraph, in the agencies' house style:
 * "X speaks during a press conference ... on August 3, 2015 in Doha." followed by article text.
 */
const CAPTION_SENTENCE =
  /^[A-Z][^.!?]{10,300}\b(speaks|talks|attends|arrives|gestures|looks on|listens|poses|waves|shakes hands|delivers)\b[^!?]{0,300}?\bon [A-Z][a-z]+ \d{1,2}, \d{4} in [A-Z][A-Za-z ,.'-]{1,60}?\.\s+(?=[A-Z])/;

const TERMINAL = /[.!?…:;"”’)\]]$/;

/** A line with no words, only marks ("___", "* * *"). */
function isMarksOnly(line: string): boolean {
  return !/[\p{L}\p{N}]/u.test(line);
}

/** A line that only says when: a date, a time, a zone, "Updated". */
function isDateOnly(line: string): boolean {
  const words = line.split(/[\s,|·•–—-]+/).filter((w) => w !== '');
  return words.length > 0 && words.some((w) => /\d/.test(w)) && words.every((w) => DATE_WORD.test(w));
}

function isPromo(line: string): boolean {
  if (PROMO_LABEL.test(line) && (/^[^:]{0,40}:/.test(line) || !TERMINAL.test(line))) return true;
  return NEWSLETTER_PROMO.test(line);
}

function isFurniture(line: string): boolean {
  if (line.length > 200) return false;
  return (
    FURNITURE_LINES.some((re) => re.test(line)) ||
    CAPTION_LINE.test(line) ||
    isMarksOnly(line) ||
    isPromo(line)
  );
}

/** A line made only of links (a navigation or tag list once the residue is gone). */
function isLinkList(raw: string): boolean {
  const withoutLinks = raw.replace(LINK_RESIDUE, '').replace(/[\s,;|·•:-]+/g, '');
  return raw.includes('](') && withoutLinks.length === 0;
}

function isEndMarker(line: string): boolean {
  return END_MARKERS.some((re) => re.test(line));
}

/** A headline: a short line with no sentence-ending punctuation. */
function looksLikeHeadline(line: string): boolean {
  return line.length <= 160 && !/[.!?]$/.test(line);
}

/**
 * Cleans scraped text. With `extractHeader`, the leading headline and dateline lines are taken out
 * of the body and returned separately (for .txt files with no front matter). The result's `text`
 * holds only verbatim article text, so every excerpt quoted from it is verbatim too.
 */
export function cleanArticleText(raw: string, options: { extractHeader?: boolean } = {}): CleanedText {
  const lines = raw.replace(/\r\n?/g, '\n').split('\n');
  const blocks: string[] = [];
  const seen = new Set<string>();
  const datelines: string[] = [];
  let headline: string | null = null;
  let inHeader = options.extractHeader === true;

  for (const rawLine of lines) {
    if (isLinkList(rawLine.trim())) continue;
    const line = rawLine.replace(LINK_RESIDUE, '$1').replace(/\s+$/, '').replace(/^\s+/, '');
    if (line === '') continue;
    if (isEndMarker(line)) break;
    if (isDateOnly(line)) {
      if (findDateline(line) !== null) datelines.push(line);
      continue;
    }
    if (isFurniture(line)) continue;
    // A line seen before is a repeated caption or headline.
    if (seen.has(line)) continue;
    seen.add(line);
    if (inHeader) {
      if (findDateline(line) !== null) {
        datelines.push(line);
        continue;
      }
      if (headline === null && looksLikeHeadline(line)) {
        headline = line;
        continue;
      }
      inHeader = false;
    }
    blocks.push(line.replace(CAPTION_SENTENCE, ''));
  }

  // Trailing lines with no sentence-ending punctuation are links to other stories or promos.
  while (blocks.length > 1 && !TERMINAL.test(blocks[blocks.length - 1] ?? '')) blocks.pop();

  return { text: rejoinSplitSentences(blocks).join('\n\n'), headline, datelines };
}

/** Joins a paragraph that stops mid-sentence with the next one when that one starts in lower case. */
function rejoinSplitSentences(blocks: string[]): string[] {
  const out: string[] = [];
  for (const block of blocks) {
    const previous = out[out.length - 1];
    if (previous !== undefined && !TERMINAL.test(previous) && /^[a-z]/.test(block)) {
      out[out.length - 1] = `${previous} ${block}`;
    } else {
      out.push(block);
    }
  }
  return out;
}
