/**
 * Page furniture found by its markup, before the reader view reads a page: ad slots, sponsored
 * and promo boxes, related links, newsletter and subscription boxes, share bars, captions and
 * credits, bylines and datelines, asides, figures, forms. Outlets name these boxes in their class
 * names, ids, data attributes, roles and labels; the words are read out of those names
 * ("article-body__ad-slot", "ResponsiveAdSlot", "newsletter-inline"), so no outlet is listed.
 */

/** The little of a DOM element this needs (linkedom's and the browser's elements have it). */
export interface FurnitureElement {
  tagName: string;
  textContent: string | null;
  attributes: ArrayLike<{ name: string; value: string }>;
  children: ArrayLike<FurnitureElement>;
  parentElement: FurnitureElement | null;
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): ArrayLike<FurnitureElement>;
  remove(): void;
  replaceWith(...nodes: FurnitureElement[]): void;
}

/** Words in a box's names that make it furniture. */
const FURNITURE_WORDS = new Set([
  'ad',
  'ads',
  'adv',
  'advert',
  'adverts',
  'advertisement',
  'advertising',
  'adslot',
  'adtext',
  'adwrap',
  'dfp',
  'gpt',
  'mpu',
  'inread',
  'leaderboard',
  'sponsor',
  'sponsored',
  'promo',
  'promoted',
  'promotion',
  'related',
  'recirc',
  'recirculation',
  'outbrain',
  'taboola',
  'newsletter',
  'newsletters',
  'signup',
  'subscribe',
  'subscription',
  'paywall',
  'barrier',
  'share',
  'sharing',
  'social',
  'caption',
  'legend',
  'credit',
  'copyright',
  'byline',
  'dateline',
  'timestamp',
  'meta',
  'tags',
  'topics',
  'breadcrumb',
  'breadcrumbs',
  'trending',
  'comments',
  'bio',
  'pullquote',
  'gallery',
  'toolbar',
  'standfirst',
  'dek',
  'desc',
  'rubric',
  'kicker',
  'header',
  'masthead',
  'footer',
  'nav',
  'menu',
  'sidebar',
  'rail',
  'widget',
]);

/** Two words in a row that make a box furniture. */
const FURNITURE_PAIRS = new Set([
  'read more',
  'also read',
  'read next',
  'more on',
  'most read',
  'most popular',
  'most viewed',
  'key events',
  'off screen',
  'visually hidden',
  'sr only',
  'sign up',
  'skip link',
]);

/** Elements that are furniture by what they are: asides, figures and their captions, forms, embeds of ads. */
const FURNITURE_TAGS = new Set([
  'aside',
  'figure',
  'figcaption',
  'form',
  'button',
  'iframe',
  'noscript',
  'amp-ad',
  'amp-embed',
  'amp-social-share',
  'amp-sidebar',
]);

/** Roles of boxes around an article, never in it. */
const FURNITURE_ROLES = new Set(['complementary', 'navigation', 'banner', 'contentinfo', 'search', 'dialog']);

/** Inline elements: hidden from screen readers, they may still be a visible part of a word (a drop cap). */
const INLINE_TAGS = new Set(['span', 'a', 'b', 'i', 'em', 'strong', 'abbr', 'sup', 'sub', 'small']);

/** Embedded social posts: their own paragraphs are quoted text, the rest is the embed's chrome. */
const SOCIAL_POSTS = 'blockquote.twitter-tweet, blockquote.instagram-media, blockquote.tiktok-embed';

/** Share of the page's paragraph text a box may hold and still be taken for furniture. */
const MAX_FURNITURE_SHARE = 0.5;

/** "article-body__ad-slot--2A5g3 ResponsiveAdSlot" → article, body, ad, slot, 2a5g3, responsive, ad, slot. */
function nameWords(value: string): string[] {
  return value
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

/** Whether a name (a class list, an id, a data attribute) says furniture. */
function furnitureName(value: string): boolean {
  for (const token of value.split(/\s+/)) {
    const words = nameWords(token);
    for (let i = 0; i < words.length; i++) {
      const word = words[i] as string;
      if (FURNITURE_WORDS.has(word)) return true;
      if (i + 1 < words.length && FURNITURE_PAIRS.has(`${word} ${words[i + 1]}`)) return true;
    }
  }
  return false;
}

/** Whether `element` is furniture by its tag, role, hidden state or names. */
function isFurniture(element: FurnitureElement): boolean {
  const tag = element.tagName.toLowerCase();
  if (FURNITURE_TAGS.has(tag)) return true;
  if (FURNITURE_ROLES.has(element.getAttribute('role') ?? '')) return true;
  if (element.getAttribute('hidden') !== null) return true;
  if (element.getAttribute('aria-hidden') === 'true' && !INLINE_TAGS.has(tag)) return true;
  for (const { name, value } of Array.from(element.attributes)) {
    if (name === 'class' || name === 'id' || name === 'aria-label' || name.startsWith('data-')) {
      if (name.startsWith('data-') && furnitureName(name.slice(5))) return true;
      if (value.length <= 200 && furnitureName(value)) return true;
    }
  }
  return false;
}

/** Characters of text in the paragraphs under `element`. */
function paragraphChars(element: FurnitureElement): number {
  let chars = 0;
  for (const p of Array.from(element.querySelectorAll('p'))) chars += (p.textContent ?? '').trim().length;
  return chars;
}

/** Whether `link` shows an address rather than words ("pic.twitter.com/…", "https://t.co/…"). */
function isBareAddress(link: FurnitureElement): boolean {
  return /^(https?:\/\/)?[\w-]+(\.[\w-]+)+\/\S*$/.test((link.textContent ?? '').trim());
}

/**
 * Keeps only the paragraphs of each embedded social post (without links that show a bare
 * address), dropping its chrome: the author and date line, and the embed box around it with its
 * skip links and consent notices.
 */
function unwrapSocialPosts(body: FurnitureElement): void {
  for (const post of Array.from(body.querySelectorAll(SOCIAL_POSTS))) {
    const paragraphs = Array.from(post.querySelectorAll('p'));
    for (const p of paragraphs)
      for (const a of Array.from(p.querySelectorAll('a'))) if (isBareAddress(a)) a.remove();
    let box: FurnitureElement = post;
    for (let up = post.parentElement; up !== null && up !== body; up = up.parentElement) {
      if (nameWords(up.getAttribute('class') ?? '').includes('embed')) box = up;
    }
    box.replaceWith(...paragraphs);
  }
}

/**
 * Removes the page furniture inside `body` (see the module's comment), leaving the article's own
 * text. A box holding more than half of the page's paragraph text, or the page's headline, is not
 * taken for furniture (an outlet may call its article box "paywall-article"); boxes inside it
 * still are.
 */
export function removeFurniture(body: FurnitureElement): void {
  unwrapSocialPosts(body);
  const total = paragraphChars(body);
  const visit = (element: FurnitureElement): void => {
    for (const child of Array.from(element.children)) {
      if (
        isFurniture(child) &&
        paragraphChars(child) <= total * MAX_FURNITURE_SHARE &&
        child.querySelectorAll('h1').length === 0 &&
        child.tagName.toLowerCase() !== 'h1'
      )
        child.remove();
      else visit(child);
    }
  };
  visit(body);
}
