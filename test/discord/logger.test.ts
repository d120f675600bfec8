import { describe, expect, it } from 'vitest';
import { createLogger, resolveLogFormat } from '../../src/log.ts';

const TOKEN = 'MTIzNDU2Nzg5.secret.token';
const PASSWORD = 's3cr@t-pw';

/** A logger at `info` writing JSON lines into `lines`. */
function jsonLogger(lines: string[], fields: Record<string, unknown> = {}) {
  return createLogger('info', [TOKEN, PASSWORD], (l) => lines.push(l), { format: 'json', fields });
}

describe('JSON log lines', () => {
  it('are one JSON object a line, with time, level, shard, message and context', () => {
    const lines: string[] = [];
    const logger = jsonLogger(lines, { shard: 2 });
    logger.info('interaction', { command: 'ask', outcome: 'ok', durationMs: 12 });
    logger.debug('not at info');
    logger.warn('corpus problem', { path: 'a.md' });
    expect(lines).toHaveLength(2);
    const first = JSON.parse(lines[0] as string);
    expect(first).toMatchObject({
      level: 'info',
      shard: 2,
      msg: 'interaction',
      command: 'ask',
      outcome: 'ok',
      durationMs: 12,
    });
    expect(new Date(first.time).toISOString()).toBe(first.time);
    expect(JSON.parse(lines[1] as string)).toMatchObject({ level: 'warn', path: 'a.md' });
  });

  it('carry an error with its stack and causes, the token and password redacted everywhere', () => {
    const lines: string[] = [];
    const logger = jsonLogger(lines);
    const root = new Error(`connect refused for postgres://bot:${PASSWORD}@db/coverage`);
    const middle = new Error(`login with ${TOKEN} failed`, { cause: root });
    const error = new Error('could not start', { cause: middle });
    error.stack = `${error.stack}\n    at token ${TOKEN}`;
    logger.error('start failed', { error, detail: { token: TOKEN, nested: [`pw=${PASSWORD}`] } });
    expect(lines).toHaveLength(1);
    const line = lines[0] as string;
    expect(line).not.toContain(TOKEN);
    expect(line).not.toContain(PASSWORD);
    const parsed = JSON.parse(line);
    expect(parsed.err.message).toBe('could not start');
    expect(parsed.err.stack).toContain('at token [redacted]');
    expect(parsed.err.cause.message).toBe('login with [redacted] failed');
    expect(parsed.err.cause.cause.message).toBe('connect refused for postgres://bot:[redacted]@db/coverage');
    expect(parsed.detail).toEqual({ token: '[redacted]', nested: ['pw=[redacted]'] });
  });

  it('redact a secret that JSON escapes', () => {
    const lines: string[] = [];
    const quoted = 'pa"ss\\word';
    createLogger('info', [quoted], (l) => lines.push(l)).error('failed', { error: new Error(quoted) });
    expect(lines[0]).not.toContain(JSON.stringify(quoted).slice(1, -1));
    expect(JSON.parse(lines[0] as string).err.message).toBe('[redacted]');
  });
});

describe('readable log lines', () => {
  it('are text on a terminal, still without a secret in a stack or cause', () => {
    expect(resolveLogFormat('auto', true)).toBe('pretty');
    expect(resolveLogFormat('auto', false)).toBe('json');
    expect(resolveLogFormat('json', true)).toBe('json');
    const lines: string[] = [];
    const logger = createLogger('info', [TOKEN], (l) => lines.push(l), { format: 'pretty' });
    logger.error('login failed', { error: new Error('outer', { cause: new Error(`bad ${TOKEN}`) }) });
    const text = lines.join('\n');
    expect(text).toContain('login failed');
    expect(text).toContain('bad [redacted]');
    expect(text).not.toContain(TOKEN);
    expect(() => JSON.parse(lines[0] as string)).toThrow();
  });
});
