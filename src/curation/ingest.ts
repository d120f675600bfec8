/**
 * What /corpus add may read, in one place: an attached file of a kind `addableKind` knows and
 * within the size limit, or a page at an address that serves HTML or text, read into a draft.
 */
import { canonicalLink } from './canonical-link.ts';
import {
  ADDABLE_FILES,
  type ArticleDraft,
  addableKind,
  DraftError,
  type DraftOverrides,
  draftFromFile,
  draftFromHtml,
} from './draft.ts';
import { type FetchPolicy, FetchRefused, fetchDocument } from './fetch-page.ts';

/** A file a moderator attached: its name, size in bytes and where Discord serves it. */
export interface Attachment {
  name: string;
  size: number;
  url: string;
}

/**
 * The draft of an attached file. Refuses (FetchRefused, DraftError) a file over the policy's
 * size or of another kind before downloading it.
 */
export async function draftFromAttachment(
  file: Attachment,
  overrides: DraftOverrides,
  policy: FetchPolicy,
): Promise<ArticleDraft> {
  if (file.size > policy.maxBytes)
    throw new FetchRefused(
      `That file is too large (${Math.round(file.size / 1000)} kB; the limit is ${Math.round(policy.maxBytes / 1000)} kB).`,
    );
  if (addableKind(file.name) === null) throw new DraftError(ADDABLE_FILES);
  const fetched = await fetchDocument(file.url, policy);
  return draftFromFile(file.name, fetched.body, overrides);
}

/** The draft of the page at `url`: HTML through the reader view, text as it is; anything else refused. */
export async function draftFromAddress(
  url: string,
  overrides: DraftOverrides,
  policy: FetchPolicy,
): Promise<ArticleDraft> {
  return (await readAddress(url, overrides, policy)).draft;
}

/**
 * As `draftFromAddress`, with the address the page names as canonical (`<link rel="canonical">`,
 * checked as article addresses are), or null: for finding a copy of an article already in.
 */
export async function readAddress(
  url: string,
  overrides: DraftOverrides,
  policy: FetchPolicy,
): Promise<{ draft: ArticleDraft; canonical: string | null }> {
  const fetched = await fetchDocument(url, policy);
  if (!/html|text\/plain|markdown/i.test(fetched.contentType))
    throw new FetchRefused(`That address is not a web page (${fetched.contentType || 'no content type'}).`);
  if (!/html/i.test(fetched.contentType))
    return { draft: await draftFromFile('page.txt', fetched.body, { ...overrides, url }), canonical: null };
  const draft = await draftFromHtml(fetched.body, url, { ...overrides, url });
  return { draft, canonical: canonicalLink(fetched.body, fetched.url) };
}
