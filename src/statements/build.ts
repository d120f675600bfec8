/**
 * The statements of a corpus, extracted at build time: each article read for its statements,
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

/** Every statement of the corpus, articles in order, statements in text order within each. */
export function extractStatements(
  articles: readonly Article[],
  sentences: readonly (readonly SentenceSpan[])[],
): Statement[] {
  const fullNames: string[] = [];
  const organisations: string[] = [];
  const resolved: ResolvedStatement[][] = articles.map((article, a) => {
    const reading = readStatements(article.text, sentences[a] ?? []);
    for (const { mention } of reading.mentions) {
      if (
        mention.kind === 'name' &&
        nameWords(mention.text).length >= 2 &&
        governmentOf(mention.text) === null
      )
        fullNames.push(mention.text);
      if (mention.kind === 'organisation' && !mention.bare) organisations.push(mention.text);
    }
    return resolveArticle(reading);
  });
  const names = new SpeakerNames(fullNames, organisations);
  const statements: Statement[] = [];
  resolved.forEach((list, a) => {
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
