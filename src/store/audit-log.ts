/** The audit log: one JSON line per change, in the corpus folder (`audit.log`, not read as coverage). */
import { open, readFile } from 'node:fs/promises';
import path from 'node:path';

export const AUDIT_FILE = 'audit.log';

/** One change: when, who, what, which file, and the feed it came from when a feed brought it. */
export interface AuditEntry {
  at: string;
  userId: string;
  userName: string;
  action:
    | 'add'
    | 'remove'
    | 'restore'
    | 'event-create'
    | 'event-rename'
    | 'move'
    | 'refresh'
    | 'reject'
    | 'also-reported'
    | 'feed-add'
    | 'feed-remove'
    | 'feed-pause'
    | 'feed-resume'
    | 'feed-move';
  file: string | null;
  detail: string;
  /** The feed's address, for an article a feed brought and for a change to a feed. */
  feed?: string | undefined;
}

/** The audit-log line of an entry made now (without its newline). */
export function auditLine(entry: Omit<AuditEntry, 'at'>): string {
  return JSON.stringify({ at: new Date().toISOString(), ...entry });
}

/** Appends one line to the corpus folder's audit log; once this resolves, the line is on disk. */
export async function appendAudit(corpusDir: string, entry: Omit<AuditEntry, 'at'>): Promise<void> {
  const handle = await open(path.join(corpusDir, AUDIT_FILE), 'a');
  try {
    await handle.appendFile(`${auditLine(entry)}\n`, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** The entries of audit-log lines given newest first, at most `count`; blank and unreadable lines are skipped. */
export function parseAuditLines(newestFirst: Iterable<string>, count: number): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (const line of newestFirst) {
    if (entries.length >= count) break;
    if (line.trim() === '') continue;
    try {
      entries.push(JSON.parse(line) as AuditEntry);
    } catch {
      // A line cut by a crash: skip it.
    }
  }
  return entries;
}

/** The latest `count` entries, newest first; unreadable lines are skipped. */
export async function readAudit(corpusDir: string, count: number): Promise<AuditEntry[]> {
  let text: string;
  try {
    text = await readFile(path.join(corpusDir, AUDIT_FILE), 'utf8');
  } catch {
    return [];
  }
  return parseAuditLines(text.split('\n').reverse(), count);
}
