/**
 * Index terms numbered densely in order of first use. It only grows: a term keeps its id for the
 * life of the dictionary, so the segments of one segmented index, built at different times, agree.
 */
export class TermDictionary {
  /** Term of each id. */
  readonly terms: string[] = [];
  private readonly ids = new Map<string, number>();

  /** Number of terms numbered so far. */
  get size(): number {
    return this.terms.length;
  }

  /** The id of a term, numbered now when new. */
  idOf(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.terms.push(term);
      this.ids.set(term, id);
    }
    return id;
  }

  /** The id of a term, or undefined when no segment ever held it. */
  get(term: string): number | undefined {
    return this.ids.get(term);
  }
}
