/**
 * Reader-view extraction of a web page's article (Mozilla Readability on a linkedom DOM). It runs
 * on whichever thread calls it and Readability's cost grows faster than the page's nesting depth:
 * the bot calls it in a worker (isolated-extract.ts), and it refuses pages nested too deeply.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { type FurnitureElement, removeFurniture } from './page-furniture.ts';

/** What a page says about its article. */
export interface ExtractedPage {
  title: string | null;
  siteName: string | null;
  /** YYYY-MM-DD from the page's metadata, or null. */
  publishedDate: string | null;
  language: string | null;
  /** The article's text, paragraphs separated by blank lines. */
  text: string;
}

const DATE_META = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
  'meta[name="date"]',
  'meta[itemprop="datePublished"]',
  'time[datetime]',
];

/**
 * Deepest element nesting read. News pages sit well under 100 levels; Readability's time grows
 * faster than the depth, into seconds a few hundred levels further down.
 */
export const MAX_NESTING_DEPTH = 256;

/** A page the extractor will not read; the message is for the moderator. */
export class PageRefused extends Error {
  override name = 'PageRefused';
}

/** An element, as far as its nesting goes. */
interface Nesting {
  children: Iterable<Nesting>;
}

/** How deep elements nest under `root` (root itself is level 1); stops counting past `limit`. */
function nestingDepth(root: Nesting, limit: number): number {
  let deepest = 0;
  const stack: Array<[Nesting, number]> = [[root, 1]];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [element, depth] = next;
    if (depth > deepest) deepest = depth;
    if (deepest > limit) break;
    for (const child of element.children) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** The elements read as paragraphs of the article's text. */
const BLOCKS = 'p, h2, h3, li, blockquote';

/** The text with its spacing made single spaces, trimmed ('' for none). */
function oneLine(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

function isoDay(value: string | null | undefined): string | null {
  const match = /^(\d{4}-\d{2}-\d{2})/.exec(value?.trim() ?? '');
  return match?.[1] ?? null;
}

/** The page's article, or null when Readability finds none; PageRefused when nested too deeply. */
export function extractArticleFromHtml(html: string): ExtractedPage | null {
  const { document } = parseHTML(html);
  const root = document.documentElement as unknown as Nesting | null;
  if (root !== null && nestingDepth(root, MAX_NESTING_DEPTH) > MAX_NESTING_DEPTH)
    throw new PageRefused(
      `That page is nested too deeply to read (more than ${MAX_NESTING_DEPTH} levels); save its article as a .txt or .md file and attach that instead.`,
    );
  let published: string | null = null;
  for (const selector of DATE_META) {
    const el = document.querySelector(selector);
    published = isoDay(el?.getAttribute('content') ?? el?.getAttribute('datetime'));
    if (published) break;
  }
  const siteName = document.querySelector('meta[property="og:site_name"]')?.getAttribute('content') ?? null;
  const language = document.documentElement?.getAttribute('lang')?.slice(0, 2).toLowerCase() || null;
  const headline = oneLine(document.querySelector('h1')?.textContent);
  if (document.body) removeFurniture(document.body as unknown as FurnitureElement);
  const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], {
    charThreshold: 200,
  }).parse();
  if (!article?.content) return null;
  // Paragraph structure from the cleaned article HTML: one block per paragraph, a quote or list
  // item holding paragraphs read as those paragraphs; the headline repeated in the body left out.
  const { document: content } = parseHTML(`<html><body>${article.content}</body></html>`);
  const title = oneLine(article.title);
  const blocks = [...content.querySelectorAll(BLOCKS)]
    .filter((el) => el.querySelector(BLOCKS) === null)
    .map((el) => oneLine(el.textContent))
    .filter((t) => t !== '' && t !== title && t !== headline);
  const text = (blocks.length > 0 ? blocks.join('\n\n') : (article.textContent ?? '')).trim();
  return {
    title: article.title?.trim() || null,
    siteName: (siteName ?? article.siteName)?.trim() || null,
    publishedDate: published ?? isoDay(article.publishedTime),
    language,
    text,
  };
}
