/** Autocomplete choices from the live corpus: at most 25, labels within 100 characters. */
import type { CoverageIndex } from '../answer/coverage-index.ts';
import { formatSource } from '../answer/wording.ts';
import { AUTOCOMPLETE_CHOICES_MAX, CHOICE_NAME_MAX, CHOICE_VALUE_MAX, truncate } from './limits.ts';
import { formatSpan } from './render.ts';

export interface Choice {
  name: string;
  value: string;
}

const matchesTyped = (typed: string, ...texts: string[]) => {
  const t = typed.trim().toLowerCase();
  return t === '' || texts.some((x) => x.toLowerCase().includes(t));
};

/** Events whose id or name contains what was typed: name and date span shown, id submitted. */
export function eventChoices(index: CoverageIndex, typed: string): Choice[] {
  return index
    .events()
    .filter((e) => matchesTyped(typed, e.id, e.name))
    .slice(0, AUTOCOMPLETE_CHOICES_MAX)
    .map((e) => ({
      name: truncate(
        `${e.name} · ${formatSpan(e.firstDate ?? e.start, e.lastDate ?? e.end)}`,
        CHOICE_NAME_MAX,
      ),
      value: e.id,
    }));
}

/** Known outlets containing what was typed, with their article counts. */
export function sourceChoices(index: CoverageIndex, typed: string): Choice[] {
  return index
    .sources()
    .filter(
      (s): s is typeof s & { source: string } => s.source !== null && s.source.length <= CHOICE_VALUE_MAX,
    )
    .filter((s) => matchesTyped(typed, s.source))
    .slice(0, AUTOCOMPLETE_CHOICES_MAX)
    .map((s) => ({
      name: truncate(
        `${formatSource(s.source)} · ${s.articles} article${s.articles === 1 ? '' : 's'}`,
        CHOICE_NAME_MAX,
      ),
      value: s.source,
    }));
}
