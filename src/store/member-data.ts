/**
 * What members leave behind, kept beside the corpus: each server's settings, the votes on answers
 * and (unless QUESTION_LOG=off) the questions asked. No member id is stored, only a salted hash.
 */
import { createHash } from 'node:crypto';
import type { Filters } from '../answer/types.ts';

/** A server's own choices, set by its moderators with /settings. */
export interface ServerSettings {
  /** Whether /ask answers privately (with a Share button) unless the member says otherwise. */
  privateAnswers: boolean;
}

/** The settings of a server whose moderators never changed them. */
export const DEFAULT_SERVER_SETTINGS: ServerSettings = { privateAnswers: false };

/** One excerpt as an answer showed it: the article, its score and its place. */
export interface ShownExcerpt {
  docId: string;
  score: number;
}

/** What the member voted about: the question, its filters and what was shown. */
export interface ShownAnswer {
  question: string;
  filters: Filters;
  /** 'ask' (also More pages, follow-ups), 'compare' or 'dm' (DMs and mentions). */
  command: 'ask' | 'compare' | 'dm';
  /** True when the reply said "the coverage doesn't answer that". */
  noAnswer: boolean;
  excerpts: ShownExcerpt[];
  /** The corpus version the answer came from. */
  corpusVersion: string;
}

/** Why an answer was voted down, when the member said: an excerpt (1-based) that missed, or no answer. */
export type VoteReason = { excerpt: number } | 'should-say-no-answer' | null;

/** One member's vote on one answer; a later vote of the same member on it replaces this one. */
export interface Vote extends ShownAnswer {
  at: string;
  /** The answer message's id. */
  answerId: string;
  /** The member, as a salted hash (see `voterHash`). */
  voter: string;
  vote: 'up' | 'down';
  reason: VoteReason;
}

/** One question asked, without who asked it. */
export interface LoggedQuestion {
  at: string;
  question: string;
  filters: Filters;
  command: ShownAnswer['command'];
  noAnswer: boolean;
}

/** Whether questions are logged: not at all, or without who asked them. */
export type QuestionLogMode = 'off' | 'anonymous';

/** Where members' settings, votes and questions live (a folder, or the PostgreSQL database). */
export interface MemberData {
  /** For people: where it lives ("folder …", "the database"). */
  readonly label: string;
  /** A server's settings (the defaults when never set). */
  settings(guildId: string): Promise<ServerSettings>;
  /** Replaces a server's settings. */
  saveSettings(guildId: string, settings: ServerSettings): Promise<void>;
  /** Stores a vote, replacing that voter's earlier vote on the same answer. */
  saveVote(vote: Vote): Promise<void>;
  /** The voter's current vote on an answer, or null. */
  voteOf(answerId: string, voter: string): Promise<Vote | null>;
  /** Every current vote (one per voter and answer) cast at or after `since` (ISO time), oldest first. */
  votes(since: string): Promise<Vote[]>;
  /** Appends a question to the question log. */
  logQuestion(question: LoggedQuestion): Promise<void>;
  /** Resolves once every write begun so far has ended (the bot waits for it before it stops). */
  settled(): Promise<void>;
  /** The questions logged at or after `since` (ISO time), oldest first. */
  questions(since: string): Promise<LoggedQuestion[]>;
  /** The secret mixed into voter hashes, made once per store. */
  salt(): Promise<string>;
}

/** A member id as stored: a hash of the store's secret salt and the id, not reversible without the salt. */
export function voterHash(salt: string, memberId: string): string {
  return createHash('sha256').update(`${salt}:${memberId}`).digest('hex').slice(0, 32);
}

/** The current votes among `votes` (oldest first): the last of each voter on each answer. */
export function currentVotes(votes: Iterable<Vote>): Vote[] {
  const latest = new Map<string, Vote>();
  for (const vote of votes) {
    const key = `${vote.answerId}:${vote.voter}`;
    latest.delete(key);
    latest.set(key, vote);
  }
  return [...latest.values()];
}
