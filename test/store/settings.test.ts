import { describe, expect, it } from 'vitest';
import { ConfigError, readBotConfig, readCorpusSettings } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { databaseSecrets, openCorpusStoreWaiting } from '../../src/store/open.ts';
import { redactDatabaseUrl } from '../../src/store/pg/errors.ts';

const URL_WITH_PASSWORD = 'postgres://bot:s3cr%40t-pw@db.internal:5432/coverage';

describe('DATABASE_URL', () => {
  it('is optional: unset or empty keeps the corpus folder', () => {
    expect(readCorpusSettings({}).databaseUrl).toBeUndefined();
    expect(readCorpusSettings({ DATABASE_URL: '  ' }).databaseUrl).toBeUndefined();
    expect(readCorpusSettings({ DATABASE_URL: URL_WITH_PASSWORD }).databaseUrl).toBe(URL_WITH_PASSWORD);
  });

  it('refuses an address that is not PostgreSQL, naming the variable but never its value', () => {
    const read = () => readCorpusSettings({ DATABASE_URL: 'mysql://root:hunter2@host/db' });
    expect(read).toThrow(ConfigError);
    expect(read).toThrow(/DATABASE_URL must be a PostgreSQL address/);
    expect(read).not.toThrow(/hunter2/);
  });

  it('is shown without its password, and the logger redacts the password wherever it appears', () => {
    expect(redactDatabaseUrl(URL_WITH_PASSWORD)).toBe('postgres://bot:redacted@db.internal:5432/coverage');
    const lines: string[] = [];
    const logger = createLogger('info', databaseSecrets(URL_WITH_PASSWORD), (l) => lines.push(l));
    logger.error('could not connect', {
      error: new Error(`password s3cr@t-pw refused for ${URL_WITH_PASSWORD}`),
    });
    expect(lines.join('\n')).not.toMatch(/s3cr/);
  });
});

describe('DATABASE_WAIT_SECONDS', () => {
  const bot = { DISCORD_TOKEN: 'x'.repeat(60), DISCORD_CLIENT_ID: '123456789012345678' };

  it('defaults to a minute, takes 0 for one try, and refuses anything but a whole number', () => {
    expect(readBotConfig(bot).databaseWaitMs).toBe(60_000);
    expect(readBotConfig({ ...bot, DATABASE_WAIT_SECONDS: '0' }).databaseWaitMs).toBe(0);
    for (const bad of ['soon', '-1', '1.5'])
      expect(() => readBotConfig({ ...bot, DATABASE_WAIT_SECONDS: bad })).toThrow(
        /DATABASE_WAIT_SECONDS must be a whole number, 0 or more/,
      );
  });

  it('keeps trying to reach an unreachable database until the wait is over, then gives up with its error', async () => {
    // Nothing listens on port 9 (discard) here: every attempt is refused at once.
    const settings = {
      corpusDir: '',
      indexCacheDir: null,
      databaseUrl: 'postgres://bot:pw@127.0.0.1:9/coverage',
    };
    const pauses: number[] = [];
    const started = Date.now();
    await expect(
      openCorpusStoreWaiting(settings, {}, { waitMs: 2_500, onRetry: (_error, ms) => pauses.push(ms) }),
    ).rejects.toThrow(/corpus store is unavailable/i);
    // 1 s, then what is left of the wait (2 s would pass it).
    expect(pauses[0]).toBe(1000);
    expect(pauses.length).toBe(2);
    expect(pauses.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(2_500);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_400);
    await expect(
      openCorpusStoreWaiting(settings, {}, { waitMs: 0, onRetry: () => pauses.push(-1) }),
    ).rejects.toThrow();
    expect(pauses).not.toContain(-1);
  });
});

describe('QUESTION_LOG', () => {
  const bot = { DISCORD_TOKEN: 'x'.repeat(60), DISCORD_CLIENT_ID: '123456789012345678' };

  it('defaults to anonymous, takes off, and refuses anything else naming the choices', () => {
    expect(readBotConfig(bot).questionLog).toBe('anonymous');
    expect(readBotConfig({ ...bot, QUESTION_LOG: 'OFF' }).questionLog).toBe('off');
    expect(() => readBotConfig({ ...bot, QUESTION_LOG: 'full' })).toThrow(
      /QUESTION_LOG must be off or anonymous/,
    );
  });
});
