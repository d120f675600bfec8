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

/** Whether `text` holds a character `articleUrl` refuses in an address as typed. */
export function hasUnsafeCharacter(text: string): boolean {
  return UNSAFE.test(text.trim());
}

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

/** Query parameters that only say how a reader came to a page (campaign and click trackers). */
const TRACKING_PARAMETER = /^(utm_.+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|igshid|_ga)$/i;

/**
 * The key two addresses of one page share: host in lower case, the path without trailing
 * slashes, the query without tracking parameters (utm_*, fbclid, gclid…), no fragment, the
 * scheme ignored. Not an address to fetch; `url` itself when it is no URL.
 */
export function addressKey(url: string): string {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return url;
  }
  for (const name of [...u.searchParams.keys()])
    if (TRACKING_PARAMETER.test(name)) u.searchParams.delete(name);
  return `${u.host.toLowerCase()}${u.pathname.replace(/\/+$/, '')}${u.search}`;
}
