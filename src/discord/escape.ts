/**
 * Corpus text is data: before it goes into a Discord message it is escaped so that it can never
 * form markdown, links, mentions, emoji or channel references, whatever the article says.
 */
import { escapeMarkdown } from 'discord.js';

const ZERO_WIDTH_SPACE = '\u200b';

/**
 * Escapes `text` for a message: every markdown construct is escaped, mention and channel syntax
 * (`@everyone`, `<@123>`, `<#123>`, `<:emoji:1>`) is broken with a zero-width space, a line
 * starting with ">" cannot open a block quote nor one starting with "-#" small text, and URLs
 * are kept from turning into links. The visible text stays the same.
 */
export function escapeCorpusText(text: string): string {
  const escaped = escapeMarkdown(text, {
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
  });
  return escaped
    .replace(/^(\s*)>/gm, '$1\\>')
    .replace(/^(\s*)-#/gm, '$1\\-#')
    .replaceAll('@', `@${ZERO_WIDTH_SPACE}`)
    .replaceAll('<', `<${ZERO_WIDTH_SPACE}`)
    .replace(/:\/\//g, `:${ZERO_WIDTH_SPACE}//`)
    .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}${ZERO_WIDTH_SPACE}.`);
}
