/**
 * The answers this process showed, by the short key their buttons carry: what a vote is about
 * (question, filters, excerpts and scores, corpus version), and which private answers were shared.
 * Bounded: the oldest are forgotten first, and buttons of a forgotten answer fall back to what the
 * message itself carries.
 */
import { randomBytes } from 'node:crypto';
import type { ShownAnswer } from '../store/member-data.ts';

/** How many answers are remembered (default). */
export const SHOWN_ANSWERS_KEPT = 5000;

/** A bounded memory of shown answers. */
export class ShownAnswers {
  private readonly answers = new Map<string, ShownAnswer>();
  private readonly shared = new Set<string>();

  constructor(private readonly kept = SHOWN_ANSWERS_KEPT) {}

  /** Remembers an answer; returns the key its buttons carry (8 characters). */
  remember(answer: ShownAnswer): string {
    const key = randomBytes(6).toString('base64url');
    this.answers.set(key, answer);
    if (this.answers.size > this.kept) this.answers.delete(this.answers.keys().next().value as string);
    return key;
  }

  /** The answer a key names, or null once forgotten (or from before a restart). */
  get(key: string): ShownAnswer | null {
    return this.answers.get(key) ?? null;
  }

  /** Marks a private answer message as shared; false when it already was. */
  markShared(messageId: string): boolean {
    if (this.shared.has(messageId)) return false;
    this.shared.add(messageId);
    if (this.shared.size > this.kept) this.shared.delete(this.shared.values().next().value as string);
    return true;
  }

  /** Forgets that an answer was shared (its sharing failed). */
  unmarkShared(messageId: string): void {
    this.shared.delete(messageId);
  }
}
