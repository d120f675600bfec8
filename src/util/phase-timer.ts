/** Where the time of one piece of work went: named phases in the order they ended. */

/** One phase: its name, when it ended (ms since the Unix epoch, comparable across processes) and how long it took. */
export interface Phase {
  name: string;
  endedAt: number;
  ms: number;
}

/** The wall-clock time now, in ms since the Unix epoch, with performance.now()'s resolution. */
export function epochMs(): number {
  return performance.timeOrigin + performance.now();
}

/** Times consecutive phases of one piece of work: each `lap` ends one and starts the next. */
export class PhaseTimer {
  /** When the work started (ms since the Unix epoch). */
  readonly startedAt = epochMs();
  readonly phases: Phase[] = [];
  private last = this.startedAt;

  /** Ends the phase under way as `name`, and starts the next one now. */
  lap(name: string): void {
    const now = epochMs();
    this.phases.push({ name, endedAt: now, ms: now - this.last });
    this.last = now;
  }
}
