/** Starting an entry point of the bot as its own process (as `npm start` does), and watching its output. */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ANSWERING_NODE_FLAGS } from '../../src/util/node-flags.ts';
import { APP_ID, GUILD_ID, TOKEN } from './fake-discord.ts';

export const ROOT = path.join(import.meta.dirname, '..', '..');

/** A started process: its output so far, its exit code, and a wait for a line of output. */
export interface Started {
  child: ReturnType<typeof spawn>;
  exited: Promise<number | null>;
  waitFor(text: string, ms?: number): Promise<void>;
  output(): string;
}

/** Runs `entry` (e.g. `src/main.ts`) under tsx with the bot's Node options and only `env` (plus PATH, HOME, no saved index). */
export function startEntry(entry: string, env: Record<string, string>): Started {
  const child = spawn(process.execPath, [...ANSWERING_NODE_FLAGS, '--import', 'tsx', entry], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', INDEX_CACHE_DIR: 'off', ...env },
  });
  let output = '';
  child.stdout.on('data', (d) => {
    output += d;
  });
  child.stderr.on('data', (d) => {
    output += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const waitFor = async (text: string, ms = 15_000) => {
    const until = Date.now() + ms;
    while (!output.includes(text)) {
      if (Date.now() > until) throw new Error(`timed out waiting for "${text}" in:\n${output}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  return { child, exited, waitFor, output: () => output };
}

let copy: string | null = null;

/**
 * A copy of the built-in corpus, made once per test file and removed when it ends: bot processes
 * write their question and vote logs beside their corpus, never into the project's corpus/.
 */
function corpusCopy(): string {
  if (copy === null) {
    const temp = mkdtempSync(path.join(tmpdir(), 'coverage-bot-corpus-'));
    copy = path.join(temp, 'corpus');
    cpSync(path.join(ROOT, 'corpus'), copy, {
      recursive: true,
      filter: (source) => !source.endsWith('.log'),
    });
    process.on('exit', () => rmSync(temp, { recursive: true, force: true }));
  }
  return copy;
}

/**
 * The environment of a bot that logs in to the fake Discord at `apiUrl`, curated from its server,
 * serving a copy of the built-in corpus unless `extra` gives a database, plus `extra`.
 */
export function botEnv(apiUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...(extra.DATABASE_URL === undefined ? { CORPUS_DIR: corpusCopy() } : {}),
    DISCORD_TOKEN: TOKEN,
    DISCORD_CLIENT_ID: APP_ID,
    DISCORD_API_URL: apiUrl,
    MODERATOR_GUILD_IDS: GUILD_ID,
    ...extra,
  };
}

/** A JSON log line, parsed. */
export type LogEvent = { msg: string; level: string; shard?: number; [key: string]: unknown };

/** The JSON log lines in `output` (other lines, such as a shard's tagged text, are skipped). */
export function logEvents(output: string): LogEvent[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogEvent);
}
