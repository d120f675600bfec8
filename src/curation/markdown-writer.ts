/** An article as a Markdown file with front matter, under a readable file name. */
import type { ArticleDraft } from './draft.ts';

/** Lower-case words joined by dashes, at most `max` characters, ASCII only. */
export function slug(text: string, max = 60): string {
  const s = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s.slice(0, max).replace(/-+$/, '') || 'article';
}

/** "2016-08-26-ndtv-john-kerry-sergei-lavrov-kick-off" (date, outlet, title), without extension. */
export function fileBaseName(draft: Pick<ArticleDraft, 'date' | 'source' | 'title'>): string {
  return [draft.date ?? 'undated', slug(draft.source ?? 'unknown', 30), slug(draft.title, 60)].join('-');
}

const yamlString = (value: string | null) => (value === null ? 'null' : JSON.stringify(value));

/** The file's content: front matter (JSON-quoted YAML strings, so any text is safe), then the text. */
export function articleMarkdown(draft: ArticleDraft): string {
  const lines = [
    '---',
    `title: ${yamlString(draft.title)}`,
    `source: ${yamlString(draft.source)}`,
    `date: ${yamlString(draft.date)}`,
    ...(draft.dateApprox ? ['dateApprox: true'] : []),
    `url: ${yamlString(draft.url)}`,
    `event: ${yamlString(draft.event)}`,
    `language: ${yamlString(draft.language)}`,
    '---',
    '',
  ];
  return `${lines.join('\n')}${draft.text.trim()}\n`;
}
