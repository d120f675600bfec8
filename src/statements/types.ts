/** Statements reported by the coverage: who said what, where in which article. */

/** `direct`: the speaker's words in quotation marks; `reported`: "X said that …", "X called for …". */
export type StatementKind = 'direct' | 'reported';

/** One statement an article reports. Offsets index into the article's cleaned text. */
export interface Statement {
  /** Position of the article in the corpus' article list. */
  article: number;
  /** The statement's verbatim span: the quotation with its marks, or the reporting verb and what it reports. */
  start: number;
  end: number;
  kind: StatementKind;
  /** Canonical name of the person or body who made it; null when the text does not say. */
  speaker: string | null;
  /** The reporting words ("told journalists", "said in a statement"), verbatim; null when there are none. */
  cue: string | null;
  /**
   * Id of the article that names the speaker when this article does not (the same words quoted
   * with their speaker elsewhere); null when the article itself says who.
   */
  attributedBy: string | null;
}
