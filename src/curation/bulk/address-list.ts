/** The addresses to import: one a line (blank lines and # comments skipped), or a sitemap.xml. */
import { XMLParser } from 'fast-xml-parser';

const sitemapParser = new XMLParser({
  removeNSPrefix: true,
  parseTagValue: false,
  processEntities: false,
  maxNestedTags: 16,
});

/**
 * The addresses `text` lists, in order, as written: a sitemap's `<loc>`s when it is a
 * `<urlset>`, otherwise each non-blank line that is not a `#` comment (checked when fetched).
 */
export function readAddressList(text: string): string[] {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed.startsWith('<')) {
    const root = sitemapParser.parse(trimmed) as { urlset?: { url?: unknown } };
    const urls = root.urlset?.url;
    return (Array.isArray(urls) ? urls : urls === undefined ? [] : [urls])
      .map((u) => (typeof u === 'object' && u !== null ? String((u as { loc?: unknown }).loc ?? '') : ''))
      .map((loc) => loc.trim())
      .filter((loc) => loc !== '');
  }
  return trimmed
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}
