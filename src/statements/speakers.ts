/**
 * Speakers merged across articles: the variants of one person's name ("Sergei" / "Sergey Lavrov")
 * become the most written one, a short name ("Lavrov", "De Mistura") the one full name that ends
 * with it, and an organisation named by its head only ("the Ministry") the one organisation of
 * that head the coverage names in full.
 */
import { type LocalSpeaker, nameWords } from './resolve.ts';

/** Canonical names of the speakers of a corpus. */
export class SpeakerNames {
  /** Lower-case full name → canonical name. */
  private readonly canonical = new Map<string, string>();
  private readonly people: string[] = [];
  private readonly organisations: string[];

  /**
   * `fullNames` are the names of people as written in full anywhere in the coverage (each
   * occurrence once: the most written variant wins); `organisations` the organisations named in full.
   */
  constructor(fullNames: readonly string[], organisations: readonly string[]) {
    const counts = new Map<string, { name: string; count: number }>();
    for (const name of fullNames) {
      const key = name.toLowerCase();
      const entry = counts.get(key) ?? { name, count: 0 };
      entry.count++;
      counts.set(key, entry);
    }
    const groups: Array<Array<{ name: string; count: number }>> = [];
    for (const entry of [...counts.values()].sort((a, b) => b.count - a.count)) {
      const group = groups.find((g) => sameName((g[0] as { name: string }).name, entry.name));
      if (group !== undefined) group.push(entry);
      else groups.push([entry]);
    }
    for (const group of groups) {
      const best = (group[0] as { name: string }).name;
      this.people.push(best);
      for (const { name } of group) this.canonical.set(name.toLowerCase(), best);
    }
    this.organisations = [...new Set(organisations)];
  }

  /** The canonical name of a speaker resolved within an article. */
  nameOf(speaker: LocalSpeaker): string {
    if (speaker.type === 'organisation') {
      if (speaker.bare === undefined) return speaker.name;
      const head = speaker.bare.toLowerCase();
      const full = this.organisations.filter((o) => o.toLowerCase().endsWith(` ${head}`));
      return full.length === 1 ? (full[0] as string) : speaker.name;
    }
    if (speaker.type !== 'person') return speaker.name;
    const lower = speaker.name.toLowerCase();
    const known = this.canonical.get(lower);
    if (known !== undefined) return known;
    if (nameWords(speaker.name).length >= 2) return speaker.name;
    const ending = this.people.filter((p) => ` ${p.toLowerCase()}`.endsWith(` ${lower}`));
    return ending.length === 1 ? (ending[0] as string) : speaker.name;
  }
}

/** Same surname, and first names equal or one letter apart ("Sergei" / "Sergey"). */
function sameName(a: string, b: string): boolean {
  const x = nameWords(a.toLowerCase());
  const y = nameWords(b.toLowerCase());
  if (x.length < 2 || y.length < 2 || x.at(-1) !== y.at(-1)) return false;
  return editDistance(x[0] as string, y[0] as string) <= 1;
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(
        (row[j] as number) + 1,
        (next[j - 1] as number) + 1,
        (row[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    row = next;
  }
  return row[b.length] as number;
}
