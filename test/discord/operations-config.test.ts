import { describe, expect, it } from 'vitest';
import { readBotConfig } from '../../src/config.ts';

const env = { DISCORD_TOKEN: 't'.repeat(70), DISCORD_CLIENT_ID: '123456789012345678' };

describe('HEALTH_PORT and HEALTH_HOST', () => {
  it('are off by default, and bind to loopback unless HEALTH_HOST says otherwise', () => {
    expect(readBotConfig(env).health).toBeNull();
    expect(readBotConfig({ ...env, HEALTH_PORT: '9464' }).health).toEqual({ port: 9464, host: '127.0.0.1' });
    expect(readBotConfig({ ...env, HEALTH_PORT: '9464', HEALTH_HOST: '0.0.0.0' }).health).toEqual({
      port: 9464,
      host: '0.0.0.0',
    });
  });

  it('give a shard process the port plus its shard id', () => {
    const shard = readBotConfig({ ...env, HEALTH_PORT: '9464', SHARDS: '3' });
    expect(shard.health?.port).toBe(9467);
    expect(shard.shardId).toBe(3);
  });

  it('refuse a port that is not one, naming the variable', () => {
    for (const bad of ['http', '0', '70000', '94.5'])
      expect(() => readBotConfig({ ...env, HEALTH_PORT: bad })).toThrow(
        'HEALTH_PORT must be a port number from 1 to 65535',
      );
  });
});

describe('LOG_FORMAT', () => {
  it('is auto by default, takes json or pretty, and refuses anything else', () => {
    expect(readBotConfig(env).logFormat).toBe('auto');
    expect(readBotConfig({ ...env, LOG_FORMAT: 'JSON' }).logFormat).toBe('json');
    expect(() => readBotConfig({ ...env, LOG_FORMAT: 'xml' })).toThrow(
      'LOG_FORMAT must be auto, json or pretty',
    );
  });
});
