/** An example question drawn from the corpus itself, for the help text. */
import type { AnswerEngine } from '../answer/engine.ts';

/**
 * "What did <someone> say? event:<id>" built from the corpus: the name most often in titles and
 * the most covered event. Falls back to a generic question on an empty corpus.
 */
export function exampleQuestion(index: AnswerEngine): string {
  const counts = new Map<string, number>();
  for (const article of index.corpus.articles) {
    for (const name of new Set(article.title.match(/\b[A-Z][a-z]{2,}\b/g) ?? []))
      counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const [name] = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? [];
  const event = [...index.events()].sort((a, b) => b.articles - a.articles)[0];
  if (name === undefined) return 'What happened?';
  return event ? `What did ${name} say? event:${event.id}` : `What did ${name} say?`;
}
