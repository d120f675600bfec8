/** Autocomplete choices from the live corpus: at most 25, labels within 100 characters. */
import { createHash } from 'node:crypto';
import type { AnswerEngine } from '../answer/engine.ts';
import { formatSource, formatSpan } from '../answer/wording.ts';
import { AUTOCOMPLETE_CHOICES_MAX, CHOICE_NAME_MAX, CHOICE_VALUE_MAX, truncate } from './limits.ts';

export interface Choice {
  name: string;
  value: string;
}

const matchesTyped = (typed: string, ...texts: string[]) => {
  const t = typed.trim().toLowerCase();
  return t === '' || texts.some((x) => x.toLowerCase().includes(t));
};

/** Events whose id or name contains what was typed: name and date span shown, id submitted. */
export function eventChoices(index: AnswerEngine, typed: string): Choice[] {
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
export function sourceChoices(index: AnswerEngine, typed: string): Choice[] {
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

/** Joins the kept start of a long value to its hash in `choiceValue`. */
const SHORTENED_MARK = '~';
const HASH_LENGTH = 12;

/**
 * The value a choice submits for `full`: `full` itself when it fits Discord's 100 characters,
 * else its start and a hash of the whole, which `resolveChoice` maps back to `full`.
 */
export function choiceValue(full: string): string {
  if (full.length <= CHOICE_VALUE_MAX) return full;
  const hash = createHash('sha256').update(full).digest('hex').slice(0, HASH_LENGTH);
  return `${full.slice(0, CHOICE_VALUE_MAX - HASH_LENGTH - SHORTENED_MARK.length)}${SHORTENED_MARK}${hash}`;
}

/**
 * What a submitted `value` stands for among `candidates`: the candidate equal to it, else the
 * one `choiceValue` shortened to it, else `value` as typed (for the caller's "not found").
 */
export function resolveChoice(value: string, candidates: Iterable<string>): string {
  let shortened: string | undefined;
  for (const candidate of candidates) {
    if (candidate === value) return candidate;
    if (shortened === undefined && candidate.length > CHOICE_VALUE_MAX && choiceValue(candidate) === value)
      shortened = candidate;
  }
  return shortened ?? value;
}
