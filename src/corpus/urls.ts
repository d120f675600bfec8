/**
 * Article addresses as the corpus stores them: http(s) URLs in the WHATWG form `new URL(u).href`
 * gives, refused when they hold a character that could end a link in the text they are shown in.
 */

/**
 * Characters an article address may not hold as typed: white space and control characters, quotes,
 * backslashes, backticks and angle brackets (a `>` ends a Discord link `[title](<url>)`).
 */
const UNSAFE = /[\s\p{Cc}"'`\\<>]/u;

/** The message for an address `articleUrl` refuses, for the person who wrote it. */
export const ARTICLE_URL_RULE =
  'must be an http(s) URL without spaces, quotes, backslashes, backticks, < or >';

/**
 * The address as stored (`new URL(raw).href`: scheme and host in lower case, other characters
 * percent-encoded), or null when `raw` is not an http(s) URL or holds an unsafe character.
 * Leading and trailing white space is trimmed first. What it returns is safe inside `<…>`.
 */
export function articleUrl(raw: string): string | null {
  const trimmed = raw.trim();
  if (!/^https?:\/\//i.test(trimmed) || UNSAFE.test(trimmed)) return null;
  let href: string;
  try {
    href = new URL(trimmed).href;
  } catch {
    return null;
  }
  return UNSAFE.test(href) ? null : href;
}
