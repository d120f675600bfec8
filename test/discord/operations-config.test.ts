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

describe('the FEED_ settings', () => {
  it('poll by default every 30 minutes, never faster than 5, 20 items a poll, 200 waiting at most', () => {
    expect(readBotConfig(env).feeds).toEqual({
      polling: true,
      minIntervalSeconds: 300,
      defaultIntervalSeconds: 1800,
      itemsPerPoll: 20,
      queueMax: 200,
    });
    const set = readBotConfig({
      ...env,
      FEED_POLLING: 'off',
      FEED_MIN_INTERVAL_SECONDS: '1',
      FEED_DEFAULT_INTERVAL_SECONDS: '60',
      FEED_ITEMS_PER_POLL: '5',
      FEED_QUEUE_MAX: '10',
    }).feeds;
    expect(set).toEqual({
      polling: false,
      minIntervalSeconds: 1,
      defaultIntervalSeconds: 60,
      itemsPerPoll: 5,
      queueMax: 10,
    });
  });

  it('send no daily digest by default; a channel alone sends one every 24 h, a time of day at that time', () => {
    expect(readBotConfig(env).digest).toBeNull();
    expect(readBotConfig({ ...env, FEED_DIGEST_CHANNEL_ID: '300000000000000003' }).digest).toEqual({
      channelId: '300000000000000003',
      at: null,
    });
    expect(
      readBotConfig({ ...env, FEED_DIGEST_CHANNEL_ID: '300000000000000003', FEED_DIGEST_AT: '07:30' }).digest,
    ).toEqual({ channelId: '300000000000000003', at: { hour: 7, minute: 30 } });
    expect(() =>
      readBotConfig({ ...env, FEED_DIGEST_CHANNEL_ID: 'general', FEED_DIGEST_AT: '7.30pm' }),
    ).toThrow(
      /FEED_DIGEST_CHANNEL_ID must be a Discord id[\s\S]*FEED_DIGEST_AT must be a time of day as HH:MM/,
    );
  });

  it('refuse a bad value, naming each variable', () => {
    expect(() => readBotConfig({ ...env, FEED_POLLING: 'sometimes', FEED_QUEUE_MAX: '0' })).toThrow(
      /FEED_POLLING must be on or off[\s\S]*FEED_QUEUE_MAX must be a whole number above 0/,
    );
  });
});

describe('CORPUS_WATCH', () => {
  it('is on by default, takes on or off in any case, and refuses anything else', () => {
    expect(readBotConfig(env).watchCorpusFolder).toBe(true);
    expect(readBotConfig({ ...env, CORPUS_WATCH: 'OFF' }).watchCorpusFolder).toBe(false);
    expect(() => readBotConfig({ ...env, CORPUS_WATCH: 'yes' })).toThrow('CORPUS_WATCH must be on or off');
  });
});
