import { describe, expect, it } from 'vitest';
import { ConfigError, readCorpusSettings } from '../../src/config.ts';
import { createLogger } from '../../src/discord/logger.ts';
import { databaseSecrets } from '../../src/store/open.ts';
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
