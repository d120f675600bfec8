/** The audit log: one JSON line per change, in the corpus folder (`audit.log`, not read as coverage). */
import { appendFile, readFile } from 'node:fs/promises';
import path from 'node:path';

export const AUDIT_FILE = 'audit.log';

/** One change: when, who, what, which file. */
export interface AuditEntry {
  at: string;
  userId: string;
  userName: string;
  action: 'add' | 'remove' | 'restore' | 'event-create' | 'event-rename' | 'move' | 'refresh';
  file: string | null;
  detail: string;
}

/** Appends one line to the corpus folder's audit log. */
export async function appendAudit(corpusDir: string, entry: Omit<AuditEntry, 'at'>): Promise<void> {
  const line = JSON.stringify({ at: new Date().toISOString(), ...entry });
  await appendFile(path.join(corpusDir, AUDIT_FILE), `${line}\n`, 'utf8');
}

/** The latest `count` entries, newest first; unreadable lines are skipped. */
export async function readAudit(corpusDir: string, count: number): Promise<AuditEntry[]> {
  let text: string;
  try {
    text = await readFile(path.join(corpusDir, AUDIT_FILE), 'utf8');
  } catch {
    return [];
  }
  const entries: AuditEntry[] = [];
  for (const line of text.split('\n').reverse()) {
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
