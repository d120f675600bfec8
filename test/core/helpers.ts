import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The project's built-in corpus. */
export const CORPUS_DIR = path.join(import.meta.dirname, '..', '..', 'corpus');
export const FIXTURES = path.join(import.meta.dirname, 'fixtures');
export const SEEDS = path.join(FIXTURES, 'seeds');

/** Reads a JSONL fixture. */
export async function readJsonl<T>(name: string): Promise<T[]> {
  const text = await readFile(path.join(FIXTURES, name), 'utf8');
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
}

/** A fresh temporary folder, removed by the returned function. */
export async function tempDir(
  prefix = 'coverage-test-',
): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** A copy of the built-in corpus in a temporary folder. */
export async function copyOfCorpus(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const temp = await tempDir('coverage-corpus-');
  const dir = path.join(temp.dir, 'corpus');
  // The coverage only: not the logs a bot run on the built-in corpus leaves beside it.
  await cp(CORPUS_DIR, dir, { recursive: true, filter: (source) => !source.endsWith('.log') });
  return { dir, remove: temp.remove };
}

/** Lower case, quote marks and white space normalised, as the coverage questions' README says. */
export function normaliseForMatch(text: string): string {
  return text
    .toLowerCase()
    .replace(/[“”"'’‘]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface CoverageQuestion {
  id: string;
  question: string;
  event?: string;
  answers: string[];
  expectNoAnswer?: boolean;
}
