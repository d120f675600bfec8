/**
 * An article about to be added: read from an attachment (.md, .txt, .html) or a fetched page,
 * with the moderator's overrides, and the list of metadata that could not be found.
 */
import { cleanArticleText } from '../corpus/clean.ts';
import { findDateline, isValidDate } from '../corpus/dates.ts';
import { splitFrontMatter } from '../corpus/front-matter.ts';
import { guessLanguage } from '../corpus/language.ts';
import { articleFromFrontMatter } from '../corpus/markdown.ts';
import { frontMatterSchema } from '../corpus/schema.ts';
import { parseText } from '../corpus/text.ts';
import type { Article, CorpusProblem } from '../corpus/types.ts';
import { PageRefused } from './extract.ts';
import { extractArticle } from './isolated-extract.ts';

/** The article as it will be written, before it is: an article without its id and file yet. */
export type ArticleDraft = Omit<Article, 'id' | 'path'>;

/** What the moderator typed in the command, which wins over what the file or page says. */
export interface DraftOverrides {
  event: string;
  title?: string | undefined;
  source?: string | undefined;
  date?: string | undefined;
  url?: string | undefined;
  /** What the address's source says where the page itself says nothing (a feed item's title, date, outlet). */
  fallback?: { title?: string | null; source?: string | null; date?: string | null } | undefined;
}

/** A draft could not be made: the sentence says why, for the moderator. */
export class DraftError extends Error {
  override name = 'DraftError';
}

/** Shortest text accepted as an article. */
export const MIN_ARTICLE_CHARS = 200;

/** Metadata the draft lacks, by name, for the preview. */
export function missingMetadata(draft: ArticleDraft): string[] {
  const missing: string[] = [];
  if (draft.source === null) missing.push('outlet');
  if (draft.date === null) missing.push('date');
  if (draft.url === null) missing.push('link');
  if (draft.language === null) missing.push('language');
  return missing;
}

function applyOverrides(base: Omit<ArticleDraft, 'event'>, overrides: DraftOverrides): ArticleDraft {
  if (overrides.date !== undefined && !isValidDate(overrides.date))
    throw new DraftError('`date` must be written as YYYY-MM-DD, e.g. 2016-08-26.');
  const fallback = overrides.fallback ?? {};
  const fallbackDate = fallback.date && isValidDate(fallback.date) ? fallback.date : null;
  const draft: ArticleDraft = {
    ...base,
    title: overrides.title?.trim() || base.title || fallback.title?.trim() || '',
    source: overrides.source?.trim() || base.source || fallback.source?.trim() || null,
    date: overrides.date ?? base.date ?? fallbackDate,
    dateApprox: overrides.date !== undefined ? false : base.dateApprox,
    url: overrides.url ?? base.url,
    event: overrides.event,
  };
  if (draft.text.trim().length < MIN_ARTICLE_CHARS)
    throw new DraftError('No article was found in it (the text is too short to be an article).');
  if (draft.title.trim() === '')
    throw new DraftError('The article has no title; give one with the `title` option.');
  return checkedMetadata(draft);
}

/** Fields a moderator can set with an option of the same name. */
const OPTIONS = new Set(['title', 'source', 'date', 'url', 'event']);

/**
 * The draft with its metadata as the loader's schema stores it (the URL in its stored form), or a
 * DraftError naming the first field the loader would refuse (a page date that is no real day).
 */
function checkedMetadata(draft: ArticleDraft): ArticleDraft {
  const { text: _text, ...metadata } = draft;
  const parsed = frontMatterSchema.safeParse(metadata);
  if (parsed.success) return { ...draft, ...parsed.data };
  const issue = parsed.error.issues[0];
  const field = String(issue?.path[0] ?? '');
  const value = (metadata as Record<string, unknown>)[field];
  const hint = OPTIONS.has(field) ? `; give the right one with the \`${field}\` option` : '';
  throw new DraftError(`The ${field} “${String(value)}” ${issue?.message ?? 'is not valid'}${hint}.`);
}

/** The loader's problem with the file, as the preview's refusal: "note.md:1: front matter must be YAML …; nothing was added". */
function problemError(problem: CorpusProblem): DraftError {
  const where = `${problem.path}${problem.line === null ? '' : `:${problem.line}`}`;
  return new DraftError(`${where}: ${problem.message.replace(/; file skipped$/, '')}; nothing was added.`);
}

/** The kinds of file an article can be added from. */
export type AddableKind = 'html' | 'md' | 'txt';

/** The sentence a moderator reads for a file of any other kind. */
export const ADDABLE_FILES = 'Only .md, .txt and .html files can be added.';

/** What kind of article file `fileName` names (.md, .txt, .html or .htm, any case); null for any other. */
export function addableKind(fileName: string): AddableKind | null {
  const extension = /\.(md|txt|html?)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (extension === undefined) return null;
  return extension.startsWith('htm') ? 'html' : (extension as AddableKind);
}

/** A draft from an uploaded file: Markdown with front matter, plain text, or a saved web page. */
export async function draftFromFile(
  fileName: string,
  content: string,
  overrides: DraftOverrides,
): Promise<ArticleDraft> {
  const kind = addableKind(fileName);
  if (kind === 'html') return draftFromHtml(content, overrides.url ?? null, overrides);
  if (kind === 'md') {
    const split = splitFrontMatter(fileName, content);
    if ('message' in split) throw problemError(split);
    const article = articleFromFrontMatter(
      fileName,
      fileName,
      content,
      split.hasFrontMatter ? split.data : { title: overrides.title ?? '' },
      split.body,
    );
    if ('message' in article) throw problemError(article);
    return applyOverrides(article, overrides);
  }
  if (kind === 'txt') {
    const parsed = parseText(fileName, fileName, content);
    const article = parsed.articles[0];
    if (article === undefined) {
      if (overrides.title) {
        const cleaned = cleanArticleText(content);
        return applyOverrides(
          {
            title: overrides.title,
            source: null,
            date: null,
            dateApprox: false,
            url: null,
            language: guessLanguage(cleaned.text),
            text: cleaned.text,
          },
          overrides,
        );
      }
      throw new DraftError(`${fileName}: ${parsed.problems[0]?.message ?? 'could not be read'}`);
    }
    return applyOverrides(article, overrides);
  }
  throw new DraftError(ADDABLE_FILES);
}

/** A draft from a web page, reduced to its article with a reader-view extractor (in a worker thread). */
export async function draftFromHtml(
  html: string,
  url: string | null,
  overrides: DraftOverrides,
): Promise<ArticleDraft> {
  let page: Awaited<ReturnType<typeof extractArticle>>;
  try {
    page = await extractArticle(html);
  } catch (error) {
    if (error instanceof PageRefused) throw new DraftError(error.message);
    throw error;
  }
  if (page === null) throw new DraftError('No article was found on that page.');
  const cleaned = cleanArticleText(page.text);
  // The page's metadata first, then a dateline cleaning took out, then one in the text.
  const date =
    page.publishedDate ??
    [...cleaned.datelines, ...cleaned.text.split('\n')].map(findDateline).find((d) => d !== null) ??
    null;
  return applyOverrides(
    {
      title: page.title ?? '',
      source: page.siteName,
      date,
      dateApprox: false,
      url,
      language: page.language ?? guessLanguage(cleaned.text),
      text: cleaned.text,
    },
    overrides,
  );
}
