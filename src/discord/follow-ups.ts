/**
 * Follow-up questions: the filters a follow-up thread keeps (those of the answer it was opened on)
 * and the filters a DM conversation carries for a while. A follow-up that names its own filters,
 * inline or in its words, is asked with those instead.
 */
import type { Filters } from '../answer/types.ts';
import type { MetadataMention } from '../question/analyse.ts';

/** How long a DM's last filters carry over to the member's next question (default). */
export const DM_CARRY_MS = 15 * 60_000;

/** Remembered threads and DM conversations at most (the oldest are forgotten first). */
const KEPT = 10_000;

/** True when `filters` sets at least one filter. */
export function hasFilters(filters: Filters): boolean {
  return Object.values(filters).some((v) => v !== undefined);
}

/**
 * The carried filters a follow-up keeps, given what its own words named: a named event replaces
 * the event, a named outlet the source, a named date both dates.
 */
export function keptFilters(
  carried: Filters,
  understood: ReadonlyArray<Pick<MetadataMention, 'kind'>>,
): Filters {
  const named = new Set(understood.map((m) => m.kind));
  const kept: Filters = { ...carried };
  if (named.has('event')) delete kept.event;
  if (named.has('source')) delete kept.source;
  if (named.has('date')) {
    delete kept.since;
    delete kept.until;
  }
  return Object.fromEntries(Object.entries(kept).filter(([, v]) => v !== undefined));
}

/** Threads opened on answers, and members' last DM filters. */
export class FollowUps {
  private readonly threads = new Map<string, Filters>();
  private readonly dms = new Map<string, { filters: Filters; at: number }>();

  constructor(
    private readonly dmCarryMs = DM_CARRY_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Remembers the filters of the answer a thread was opened on. */
  rememberThread(threadId: string, filters: Filters): void {
    this.threads.set(threadId, filters);
    if (this.threads.size > KEPT) this.threads.delete(this.threads.keys().next().value as string);
  }

  /** A follow-up thread's filters, or undefined when this process does not know the thread. */
  threadFilters(threadId: string): Filters | undefined {
    return this.threads.get(threadId);
  }

  /** Remembers the filters a member's DM question was answered with. */
  rememberDm(memberId: string, filters: Filters): void {
    this.dms.delete(memberId);
    this.dms.set(memberId, { filters, at: this.now() });
    if (this.dms.size > KEPT) this.dms.delete(this.dms.keys().next().value as string);
  }

  /** The member's last DM filters, if they asked recently; otherwise none. */
  dmFilters(memberId: string): Filters {
    const last = this.dms.get(memberId);
    if (last === undefined || this.now() - last.at > this.dmCarryMs) return {};
    return last.filters;
  }
}
