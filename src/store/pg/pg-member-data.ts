/** Members' settings, votes and questions in the PostgreSQL database that holds the corpus. */
import type pg from 'pg';
import {
  DEFAULT_SERVER_SETTINGS,
  type LoggedQuestion,
  type MemberData,
  type ServerSettings,
  type Vote,
} from '../member-data.ts';
import { unavailableOr } from './errors.ts';

/** Member data in the database's server_settings, feedback_votes and question_log tables. */
export class PgMemberData implements MemberData {
  readonly label = 'the database';
  private saltValue: Promise<string> | null = null;
  /** Queries under way, for `settled`. */
  private readonly running = new Set<Promise<unknown>>();

  constructor(private readonly pool: pg.Pool) {}

  private async query(text: string, values: unknown[] = []): Promise<pg.QueryResult> {
    const run = this.pool.query(text, values);
    this.running.add(run);
    try {
      return await run;
    } catch (error) {
      return unavailableOr(error);
    } finally {
      this.running.delete(run);
    }
  }

  async settled(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }

  async settings(guildId: string): Promise<ServerSettings> {
    const { rows } = await this.query('SELECT settings FROM server_settings WHERE guild_id = $1', [guildId]);
    return { ...DEFAULT_SERVER_SETTINGS, ...(rows[0]?.settings as Partial<ServerSettings> | undefined) };
  }

  async saveSettings(guildId: string, settings: ServerSettings): Promise<void> {
    await this.query(
      `INSERT INTO server_settings (guild_id, settings) VALUES ($1, $2)
       ON CONFLICT (guild_id) DO UPDATE SET settings = EXCLUDED.settings, updated_at = now()`,
      [guildId, JSON.stringify(settings)],
    );
  }

  async saveVote(vote: Vote): Promise<void> {
    await this.query(
      `INSERT INTO feedback_votes (answer_id, voter, at, vote, record) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (answer_id, voter) DO UPDATE
         SET at = EXCLUDED.at, vote = EXCLUDED.vote, record = EXCLUDED.record`,
      [vote.answerId, vote.voter, vote.at, vote.vote, JSON.stringify(vote)],
    );
  }

  async voteOf(answerId: string, voter: string): Promise<Vote | null> {
    const { rows } = await this.query(
      'SELECT record FROM feedback_votes WHERE answer_id = $1 AND voter = $2',
      [answerId, voter],
    );
    return (rows[0]?.record as Vote | undefined) ?? null;
  }

  async votes(since: string): Promise<Vote[]> {
    const { rows } = await this.query('SELECT record FROM feedback_votes WHERE at >= $1 ORDER BY at', [
      since,
    ]);
    return rows.map((r) => r.record as Vote);
  }

  async logQuestion(question: LoggedQuestion): Promise<void> {
    await this.query('INSERT INTO question_log (at, record) VALUES ($1, $2)', [
      question.at,
      JSON.stringify(question),
    ]);
  }

  async questions(since: string): Promise<LoggedQuestion[]> {
    const { rows } = await this.query('SELECT record FROM question_log WHERE at >= $1 ORDER BY seq', [since]);
    return rows.map((r) => r.record as LoggedQuestion);
  }

  salt(): Promise<string> {
    this.saltValue ??= this.query('SELECT member_salt FROM corpus_state WHERE id = 1').then(
      ({ rows }) => String(rows[0]?.member_salt),
      (error: unknown) => {
        this.saltValue = null;
        throw error;
      },
    );
    return this.saltValue;
  }
}
