/** A speaker as a member types it ("Lavrov", "the Russian foreign ministry", "Moscow"), matched to the coverage's names. */
import { foldName } from '../corpus/names.ts';
import { governmentOf } from './resolve.ts';

/**
 * The one canonical name of `names` that `typed` means, or null: the same name (case and
 * punctuation aside), a government by its capital or country ("Moscow" → "Russia"), or the only
 * name holding every typed word ("Lavrov" → "Sergei Lavrov"; a leading "the" aside).
 */
export function matchSpeaker(names: readonly string[], typed: string): string | null {
  const wanted = foldName(typed).replace(/^the /, '');
  if (wanted === '') return null;
  const exact = names.find((n) => foldName(n) === wanted);
  if (exact !== undefined) return exact;
  const government = governmentOf(typed.trim());
  if (government !== null) {
    const named = names.find((n) => foldName(n) === foldName(government));
    if (named !== undefined) return named;
  }
  const words = wanted.split(' ');
  const holding = names.filter((n) => {
    const have = ` ${foldName(n)} `;
    return words.every((w) => have.includes(` ${w} `));
  });
  return holding.length === 1 ? (holding[0] as string) : null;
}
