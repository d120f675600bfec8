/** The address a page names as its own canonical one, for finding a copy of an article already in. */
import { articleUrl, hasUnsafeCharacter } from '../corpus/urls.ts';

/** How far into a page its `<link rel="canonical">` is looked for (it belongs in the head). */
const HEAD_CHARS = 200_000;

/**
 * The `href` of the page's first `<link rel="canonical">`, resolved against `pageUrl` and in
 * the stored form `articleUrl` gives; null when there is none or it is no safe http(s) URL.
 */
export function canonicalLink(html: string, pageUrl: string): string | null {
  for (const [tag] of html.slice(0, HEAD_CHARS).matchAll(/<link\b[^>]*>/gi)) {
    const rel = attribute(tag, 'rel');
    if (rel === null || !rel.toLowerCase().split(/\s+/).includes('canonical')) continue;
    const href = attribute(tag, 'href');
    if (href === null) return null;
    const typed = decodeEntities(href);
    if (hasUnsafeCharacter(typed)) return null;
    let resolved: string;
    try {
      resolved = new URL(typed.trim(), pageUrl).href;
    } catch {
      return null;
    }
    return articleUrl(resolved);
  }
  return null;
}

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return match === null ? null : (match[1] ?? match[2] ?? match[3] ?? null);
}

function decodeEntities(text: string): string {
  return text.replace(/&amp;/g, '&').replace(/&#38;/g, '&');
}
