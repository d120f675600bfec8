/**
 * How often this process' main thread has been preempted (made to give its core to another
 * thread or process), from /proc/thread-self/status on Linux; null elsewhere. A call during which
 * the count moved may have waited for a core, whatever its code did.
 */
import { readFileSync } from 'node:fs';

const COUNT = /nonvoluntary_ctxt_switches:\s*(\d+)/;

/** The main thread's involuntary context switches so far, or null where Linux does not say. */
export function preemptions(): number | null {
  try {
    const m = COUNT.exec(readFileSync('/proc/thread-self/status', 'latin1'));
    return m === null ? null : Number(m[1]);
  } catch {
    return null;
  }
}
