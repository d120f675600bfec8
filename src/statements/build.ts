/**
 * The statements of a corpus, read on first use or in steps after a build: each article read for its statements,
 * speakers resolved within it, names merged across articles, and unattributed quotations given
 * the speaker another article names for the same words.
 */
import type { Article } from '../corpus/types.ts';
import type { SentenceSpan } from '../passages/sentences.ts';
import { readStatements } from './extract.ts';
import { attributeAcrossArticles } from './merge.ts';
import { governmentOf, nameWords, type ResolvedStatement, resolveArticle } from './resolve.ts';
import { SpeakerNames } from './speakers.ts';
import type { Statement } from './types.ts';

/** What reading one article gives: its statements resolved within it, and the names it uses. */
interface ArticleStatements {
  resolved: ResolvedStatement[];
  fullNames: string[];
  organisations: string[];
}

function readArticle(article: Article, sentences: readonly SentenceSpan[]): ArticleStatements {
  const reading = readStatements(article.text, sentences);
  const fullNames: string[] = [];
  const organisations: string[] = [];
  for (const { mention } of reading.mentions) {
    if (mention.kind === 'name' && nameWords(mention.text).length >= 2 && governmentOf(mention.text) === null)
      fullNames.push(mention.text);
    if (mention.kind === 'organisation' && !mention.bare) organisations.push(mention.text);
  }
  return { resolved: resolveArticle(reading), fullNames, organisations };
}

/** Every statement of the corpus, articles in order, statements in text order within each. */
export function extractStatements(
  articles: readonly Article[],
  sentences: readonly (readonly SentenceSpan[])[],
): Statement[] {
  return combine(
    articles,
    articles.map((article, a) => readArticle(article, sentences[a] ?? [])),
  );
}

/** Articles read between two yields to the event loop by `extractStatementsInSteps`. */
const ARTICLES_PER_STEP = 16;

/**
 * The same statements as `extractStatements`, read a few articles at a time with a yield to the
 * event loop between them, so a bot reading a large corpus keeps answering meanwhile.
 */
export async function extractStatementsInSteps(
  articles: readonly Article[],
  sentences: readonly (readonly SentenceSpan[])[],
): Promise<Statement[]> {
  const read: ArticleStatements[] = [];
  for (let a = 0; a < articles.length; a++) {
    if (a % ARTICLES_PER_STEP === 0 && a > 0) await new Promise((resolve) => setImmediate(resolve));
    read.push(readArticle(articles[a] as Article, sentences[a] ?? []));
  }
  return combine(articles, read);
}

/** Names merged across articles; unattributed quotations take the speaker another article gives. */
function combine(articles: readonly Article[], read: readonly ArticleStatements[]): Statement[] {
  const names = new SpeakerNames(
    read.flatMap((r) => r.fullNames),
    read.flatMap((r) => r.organisations),
  );
  const statements: Statement[] = [];
  read.forEach(({ resolved: list }, a) => {
    const text = articles[a]?.text ?? '';
    for (const s of list) {
      // A reported statement is someone's only when the text says whose.
      if (s.kind === 'reported' && s.speaker === null) continue;
      statements.push({
        article: a,
        start: s.start,
        end: s.end,
        kind: s.kind,
        speaker: s.speaker === null ? null : names.nameOf(s.speaker),
        cue: s.cue === null ? null : text.slice(s.cue.start, s.cue.end),
        attributedBy: null,
      });
    }
  });
  const direct = statements.filter((s) => s.kind === 'direct');
  const matches = attributeAcrossArticles(
    direct.map((s) => ({
      article: s.article,
      text: articles[s.article]?.text.slice(s.start, s.end) ?? '',
      speaker: s.speaker,
    })),
  );
  matches.forEach((m, i) => {
    const source = direct[m];
    const target = direct[i];
    if (source === undefined || target === undefined) return;
    target.speaker = source.speaker;
    target.attributedBy = articles[source.article]?.id ?? null;
  });
  return statements;
}
