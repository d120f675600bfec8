/**
 * Whether a sentence holds the kind of answer a question asks for (see question/answer-type.ts):
 * read from the sentence's kind byte (passages/sentence-kinds.ts) and, for a person or a place,
 * from the question's own capitalised names, which the sentence must hold more names than.
 * Counted with marks in a typed array, so re-ranking allocates nothing per sentence.
 */
import { HOLDS_NUMBER, HOLDS_PLACE, HOLDS_TIME, nameCount } from '../passages/sentence-kinds.ts';
import type { AnswerType } from '../question/answer-type.ts';
import type { TermTable } from '../util/term-table.ts';

/** Matches sentences against one question's answer type at a time. */
export class AnswerTypeMatcher {
  private readonly nameMark: Int32Array;
  private query = 0;
  private type: AnswerType = null;

  constructor(termCount: number) {
    this.nameMark = new Int32Array(termCount);
  }

  /**
   * Makes `type` the answer type asked and `nameIds` (term ids of the question's capitalised
   * words; -1 for a word the index lacks) the names it already holds.
   */
  setQuery(type: AnswerType, nameIds: ArrayLike<number>): void {
    this.query++;
    this.type = type;
    for (let i = 0; i < nameIds.length; i++) {
      const id = nameIds[i] as number;
      if (id >= 0) this.nameMark[id] = this.query;
    }
  }

  /** The answer type of the current query. */
  get asked(): AnswerType {
    return this.type;
  }

  /**
   * Does the sentence of kind byte `kind`, whose term ids are row `row` of `table`, hold the kind
   * of answer asked: a date, a number, or a place named beyond the question's names? (Never for
   * "who", which ranking weighs no feature for: see TYPE_FEATURE in rerank.ts.)
   */
  holds(kind: number, table: TermTable, row: number): boolean {
    switch (this.type) {
      case 'time':
        return (kind & HOLDS_TIME) !== 0;
      case 'number':
        return (kind & HOLDS_NUMBER) !== 0;
      case 'place':
        return (kind & HOLDS_PLACE) !== 0 && this.namesBeyondQuestion(kind, table, row);
      default:
        return false;
    }
  }

  /** Does the sentence hold more capitalised names than its words the question names? */
  private namesBeyondQuestion(kind: number, table: TermTable, row: number): boolean {
    const names = nameCount(kind);
    if (names === 0) return false;
    const { offsets, ids } = table;
    const { nameMark, query } = this;
    let asked = 0;
    for (let i = offsets[row] ?? 0, end = offsets[row + 1] ?? 0; i < end; i++) {
      const id = ids[i] as number;
      if (id >= 0 && nameMark[id] === query) asked++;
    }
    return names > asked;
  }
}
