import type { Article } from '../corpus/types.ts';
import type { MetadataMention } from '../question/analyse.ts';
/** Exact filters a question can carry; every result lies inside all of them. */
export interface Filters {
  /** Event id. */
  event?: string | undefined;
  /** Outlet name, matched case-insensitively against the article's source. */
  source?: string | undefined;
  /** Inclusive lower bound, YYYY-MM-DD. Articles with an unknown date are excluded when set. */
  since?: string | undefined;
  /** Inclusive upper bound, YYYY-MM-DD. Articles with an unknown date are excluded when set. */
  until?: string | undefined;
}

/** A character range [start, end) inside an excerpt's `text`. */
export interface Span {
  start: number;
  end: number;
}

/** Where a shown text was published: its article's id as `docId`, and its metadata. */
export interface Published extends Pick<Article, 'title' | 'source' | 'date' | 'dateApprox' | 'url'> {
  docId: string;
}

/** Another article that carried the same text (syndicated copy). */
export type AlsoReported = Published;

/** Where a shown text was published, with its event (id and display name, or null). */
export interface PublishedInEvent extends Published, Pick<Article, 'event'> {
  /** Event display name, or null. */
  eventName: string | null;
}

/** One quoted excerpt: verbatim text of an article, with where it came from. */
export interface Excerpt extends PublishedInEvent {
  /** Verbatim slice of the article's cleaned text, with "…" where it was trimmed. Plain text, no markup. */
  text: string;
  /** Ranges of `text` that matched query terms, for highlighting; sorted, non-overlapping. */
  highlights: Span[];
  score: number;
  /** Other articles that ran the same text, earliest first; this excerpt is the earliest copy. */
  alsoIn: AlsoReported[];
  /**
   * Other outlets that reported the same article, by name, as feeds found them (copies not in the
   * coverage; see reported-by.ts). Absent when there are none.
   */
  reportedBy?: string[] | undefined;
  /** Who said what the excerpt quotes (see statements/), or null when it quotes no one known. */
  speaker: string | null;
}

/** A word of the question read as another (a typing slip, see spelling.ts). */
export interface Correction {
  /** The word as typed. */
  typed: string;
  /** The word it was read as, as the coverage (or English, for a question word) writes it. */
  read: string;
}

/** What the coverage says about a question: plain data, rendered by the CLI and the bot alike. */
export interface Answer {
  question: string;
  filters: Filters;
  /**
   * Dates, outlets and events read from the question and applied as filters besides `filters`
   * ("What did NDTV report…" is asked of NDTV's articles).
   */
  understood: MetadataMention[];
  /**
   * Dates, outlets and events read from the question that no article matches together ("What did
   * The BRICS Post report in March?"), so not applied; absent when there are none.
   */
  unmatched?: MetadataMention[];
  /**
   * The name the question asks what they said ("What did Obama say…") when the coverage quotes no
   * statement of theirs, so that its passages only name them; absent otherwise.
   */
  unquoted?: string;
  /**
   * The speaker the question asks what they said on a subject ("What has Lavrov said about
   * Aleppo?") when the coverage quotes them but none of the first excerpts: those are on the
   * subject, not theirs; absent otherwise.
   */
  notQuotedOn?: string;
  /** Typing slips of the question read as other words ("Lavorv" as "Lavrov"), in order. */
  corrections: Correction[];
  /** True when the coverage does not answer the question; `results` is then empty. */
  noAnswer: boolean;
  /** Excerpts, best first, starting at the requested offset. */
  results: Excerpt[];
  /** The offset of the first result in the full ranked list (for paging). */
  offset: number;
  /** Whether more results exist after these. */
  hasMore: boolean;
}
