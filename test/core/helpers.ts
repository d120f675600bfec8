import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeEach } from 'vitest';

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

/**
 * Registers, in the calling test file, a fresh copy of the built-in corpus made before each test
 * (see `copyOfCorpus`: its removed-articles folder lands beside it, in the same temporary folder);
 * returns the folder of the current test's copy. Every copy is removed after the file's tests.
 */
export function corpusCopyPerTest(): () => string {
  const copies: Array<{ dir: string; remove: () => Promise<void> }> = [];
  beforeEach(async () => {
    copies.push(await copyOfCorpus());
  });
  afterAll(async () => {
    await Promise.all(copies.map((c) => c.remove()));
  });
  return () => {
    const current = copies.at(-1);
    if (current === undefined) throw new Error('corpusCopyPerTest: read inside a test');
    return current.dir;
  };
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

const execCli = promisify(execFile);

/**
 * Runs the CLI (`src/cli/main.ts`) from the project's folder with its saved indexes in `cacheDir`
 * and no colours (and `env` added to the environment); resolves with its output and exit code, whatever the code.
 */
export async function runCli(
  args: string[],
  cacheDir: string,
  env: Record<string, string> = {},
): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await execCli(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', ...args],
      {
        cwd: path.join(import.meta.dirname, '..', '..'),
        env: { ...process.env, INDEX_CACHE_DIR: cacheDir, FORCE_COLOR: '0', NO_COLOR: '1', ...env },
      },
    );
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

/** An article the built-in corpus lacks (a truce at sundown on Eid al-Adha), for tests that add one. */
/** Waits until `done()` holds, checking every `stepMs`, for at most `ms`; throws when it never does. */
export async function until(done: () => boolean, ms = 5000, stepMs = 20): Promise<void> {
  const end = Date.now() + ms;
  while (!done()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, stepMs));
  }
}

export const TRUCE_ARTICLE = `---
title: "Kerry and Lavrov agree on a Syrian truce"
source: "Example Wire"
date: "2016-09-10"
event: geneva-aug-2016
---
Kerry and Lavrov announced a nationwide truce in Syria that would begin at sundown on Monday, the first day of Eid al-Adha.
`;

/** A question only TRUCE_ARTICLE answers. */
export const TRUCE_QUESTION = 'What happens at sundown on Eid al-Adha?';

/**
 * Each article's sentence kinds (see passages/sentence-kinds.ts), read from the sentence table's
 * tags at the article's rows: comparable between engines whose rows lie in different places.
 */
export function kindsByArticle(parts: {
  sentences: readonly (readonly unknown[])[];
  sentenceTerms: { tags?: Uint8Array };
  sentenceRows?: Int32Array;
}): number[][] {
  let row = 0;
  return parts.sentences.map((list, a) => {
    const first = parts.sentenceRows === undefined ? row : (parts.sentenceRows[a] as number);
    row += list.length;
    return Array.from({ length: list.length }, (_, s) => parts.sentenceTerms.tags?.[first + s] ?? -1);
  });
}
