/**
 * Corpus text is data: before it goes into a Discord message it is escaped so that it can never
 * form markdown, links, mentions, emoji or channel references, whatever the article says.
 */
import { escapeMarkdown } from 'discord.js';
import { articleUrl } from '../corpus/urls.ts';

const ZERO_WIDTH_SPACE = '\u200b';

/**
 * Escapes `text` for a message: every markdown construct is escaped, mention and channel syntax
 * (`@everyone`, `<@123>`, `<#123>`, `<:emoji:1>`) is broken with a zero-width space, a line
 * starting with ">" cannot open a block quote nor one starting with "-#" small text, and URLs
 * are kept from turning into links. The visible text stays the same.
 */
export function escapeCorpusText(text: string): string {
  return breakMentionsAndLinks(formsMarkdown(text) ? escapeMarkdownFully(text) : text);
}

/**
 * Characters without which none of discord.js's markdown escapers changes anything: each of their
 * patterns needs one of these (a backslash, backtick, *, _, ~, |, #, [), or a line starting with
 * "-" or a number and a full stop (bulleted and numbered lists).
 */
const MARKDOWN_CHARACTER = /[\\`*_~|#[]/;
const LIST_START = /^ *(?:-|\d+\.)/m;

/** True when escapeMarkdown might change `text`; false means it returns `text` unchanged. */
export function formsMarkdown(text: string): boolean {
  return MARKDOWN_CHARACTER.test(text) || LIST_START.test(text);
}

/** Every escaper of discord.js's escapeMarkdown, switched on. */
export const ALL_MARKDOWN_ESCAPES = {
  bold: true,
  bulletedList: true,
  codeBlock: true,
  codeBlockContent: true,
  escape: true,
  heading: true,
  inlineCode: true,
  inlineCodeContent: true,
  italic: true,
  maskedLink: true,
  numberedList: true,
  spoiler: true,
  strikethrough: true,
  underline: true,
} as const;

function escapeMarkdownFully(text: string): string {
  return escapeMarkdown(text, ALL_MARKDOWN_ESCAPES);
}

function breakMentionsAndLinks(escaped: string): string {
  return escaped
    .replace(/^(\s*)>/gm, '$1\\>')
    .replace(/^(\s*)-#/gm, '$1\\-#')
    .replaceAll('@', `@${ZERO_WIDTH_SPACE}`)
    .replaceAll('<', `<${ZERO_WIDTH_SPACE}`)
    .replace(/:\/\//g, `:${ZERO_WIDTH_SPACE}//`)
    .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}${ZERO_WIDTH_SPACE}.`);
}

/**
 * The one way a link reaches a message: `[label](<url>)` with the label escaped as corpus text and
 * the address in its stored form (`articleUrl`), or the escaped label alone when there is no
 * address or it could end the link (an address from anywhere but the loader's schema included).
 */
export function markdownLink(label: string, url: string | null): string {
  const text = escapeCorpusText(label);
  const href = url === null ? null : articleUrl(url);
  return href === null ? text : `[${text}](<${href}>)`;
}
