/**
 * Members' settings, votes and questions in the corpus folder, beside the audit log: one JSON
 * line per record, appended and flushed (the `.log` files are not read as coverage). A later line
 * replaces an earlier one with the same key (a server's settings, a voter's vote on an answer).
 */
import { randomBytes } from 'node:crypto';
import { open, readFile } from 'node:fs/promises';
import path from 'node:path';
import { SerialQueue } from '../util/serial-queue.ts';
import {
  currentVotes,
  DEFAULT_SERVER_SETTINGS,
  type LoggedQuestion,
  type MemberData,
  type ServerSettings,
  type Vote,
} from './member-data.ts';

/** The files, in the corpus folder. */
export const FEEDBACK_FILE = 'feedback.log';
export const QUESTIONS_FILE = 'questions.log';
export const SETTINGS_FILE = 'server-settings.log';
export const SALT_FILE = 'member-salt.log';

async function appendLine(file: string, record: unknown): Promise<void> {
  const handle = await open(file, 'a');
  try {
    await handle.appendFile(`${JSON.stringify(record)}\n`, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** The records of a JSON-lines file, oldest first; a missing file is empty, unreadable lines are skipped. */
async function readLines<T>(file: string): Promise<T[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const records: T[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      records.push(JSON.parse(line) as T);
    } catch {
      // A line cut by a crash: skip it.
    }
  }
  return records;
}

/** Member data in a corpus folder. */
export class FolderMemberData implements MemberData {
  private readonly writes = new SerialQueue();
  private saltValue: Promise<string> | null = null;

  constructor(readonly dir: string) {}

  get label(): string {
    return `folder ${this.dir}`;
  }

  private file(name: string): string {
    return path.join(this.dir, name);
  }

  async settings(guildId: string): Promise<ServerSettings> {
    await this.settled();
    const lines = await readLines<{ guildId: string; settings: ServerSettings }>(this.file(SETTINGS_FILE));
    const last = lines.filter((l) => l.guildId === guildId).at(-1);
    return { ...DEFAULT_SERVER_SETTINGS, ...last?.settings };
  }

  saveSettings(guildId: string, settings: ServerSettings): Promise<void> {
    return this.writes.run(() =>
      appendLine(this.file(SETTINGS_FILE), { at: new Date().toISOString(), guildId, settings }),
    );
  }

  saveVote(vote: Vote): Promise<void> {
    return this.writes.run(() => appendLine(this.file(FEEDBACK_FILE), vote));
  }

  async voteOf(answerId: string, voter: string): Promise<Vote | null> {
    await this.settled();
    const votes = await readLines<Vote>(this.file(FEEDBACK_FILE));
    return votes.filter((v) => v.answerId === answerId && v.voter === voter).at(-1) ?? null;
  }

  async votes(since: string): Promise<Vote[]> {
    await this.settled();
    return currentVotes(await readLines<Vote>(this.file(FEEDBACK_FILE))).filter((v) => v.at >= since);
  }

  /** Reads wait for it: a report or a vote sees every write begun before it. */
  settled(): Promise<void> {
    return this.writes.idle();
  }

  logQuestion(question: LoggedQuestion): Promise<void> {
    return this.writes.run(() => appendLine(this.file(QUESTIONS_FILE), question));
  }

  async questions(since: string): Promise<LoggedQuestion[]> {
    await this.settled();
    return (await readLines<LoggedQuestion>(this.file(QUESTIONS_FILE))).filter((q) => q.at >= since);
  }

  salt(): Promise<string> {
    this.saltValue ??= this.writes
      .run(async () => {
        const [saved] = await readLines<{ salt: string }>(this.file(SALT_FILE));
        if (saved?.salt) return saved.salt;
        const salt = randomBytes(32).toString('hex');
        await appendLine(this.file(SALT_FILE), { salt });
        return salt;
      })
      .catch((error: unknown) => {
        this.saltValue = null;
        throw error;
      });
    return this.saltValue;
  }
}
