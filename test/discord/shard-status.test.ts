import { describe, expect, it, vi } from 'vitest';
import { ConfigError, readBotConfig } from '../../src/config.ts';
import { renderRefresh, renderStatus } from '../../src/discord/render-moderation.ts';
import {
  askShards,
  majorityVersion,
  type ShardAnswer,
  type ShardReport,
  shardStatusLines,
} from '../../src/discord/shard-status.ts';

const report = (shard: number, version: string, guilds = 1): ShardReport => ({
  shard,
  version,
  articles: 5,
  passages: 120,
  guilds,
});
const answered = (shard: number, version: string, guilds?: number): ShardAnswer => ({
  shard,
  report: report(shard, version, guilds),
});
const silent = (shard: number): ShardAnswer => ({ shard, report: null });

describe('shard status lines', () => {
  it('says all shards agree, then lists each with its version, counts and which one took the command', () => {
    expect(shardStatusLines([answered(0, 'aaa', 2), answered(1, 'aaa', 1)], 1)).toEqual([
      '**Shards:** all 2 serve version `aaa`.',
      'Shard 0: `aaa` · 5 articles · 120 passages · 2 servers',
      'Shard 1 (this one): `aaa` · 5 articles · 120 passages · 1 server',
    ]);
  });

  it('marks the shard serving another version than the majority, even when it is this one', () => {
    expect(shardStatusLines([answered(0, 'new'), answered(1, 'old'), answered(2, 'old')], 0)).toEqual([
      '**Shards:** 3: 2 serve version `old`, 1 another version.',
      '⚠ Shard 0 (this one): `new` · 5 articles · 120 passages · 1 server',
      'Shard 1: `old` · 5 articles · 120 passages · 1 server',
      'Shard 2: `old` · 5 articles · 120 passages · 1 server',
    ]);
  });

  it('shows a shard that did not answer as not answering', () => {
    expect(shardStatusLines([answered(0, 'aaa'), silent(1)], 0)).toEqual([
      '**Shards:** 2: 1 serves version `aaa`, 1 not answering.',
      'Shard 0 (this one): `aaa` · 5 articles · 120 passages · 1 server',
      '⚠ Shard 1: not answering',
    ]);
  });
});

describe('the majority version', () => {
  it('is the most common; a tie goes to this shard’s version, else to the lowest shard’s', () => {
    expect(majorityVersion([answered(0, 'a'), answered(1, 'b'), answered(2, 'b')], 'a')).toBe('b');
    expect(majorityVersion([answered(0, 'a'), answered(1, 'b')], 'b')).toBe('b');
    expect(majorityVersion([answered(0, 'a'), answered(1, 'b')], null)).toBe('a');
    expect(majorityVersion([silent(0)], null)).toBeNull();
  });
});

describe('asking the shards', () => {
  it('orders the answers by shard and counts a failure, a null or a late answer as not answering', async () => {
    // The clock is faked: the answer comes once the time limit passes, however loaded the machine.
    vi.useFakeTimers();
    let settled = false;
    const asked = askShards(
      [3, 0, 1, 2],
      async (id) => {
        if (id === 1) throw new Error('shard 1 is respawning');
        if (id === 2) return new Promise<never>(() => undefined);
        if (id === 3) return null;
        return report(0, 'aaa');
      },
      100,
    ).finally(() => {
      settled = true;
    });
    try {
      await vi.advanceTimersByTimeAsync(99);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(await asked).toEqual([answered(0, 'aaa'), silent(1), silent(2), silent(3)]);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('the status reply', () => {
  it('shows the version, and each shard’s line when sharded', () => {
    const base = {
      articles: 5,
      passages: 120,
      events: 2,
      from: 'built in 3 ms',
      version: 'aaa',
      store: 'corpus folder',
      problems: [],
      lastRefresh: null,
    };
    const unsharded = renderStatus(base).embeds[0]?.description ?? '';
    expect(unsharded).toContain('Version `aaa` (corpus folder).');
    // A content hash is shown by its first twelve characters.
    expect(renderStatus({ ...base, version: '0123456789abcdef0123' }).embeds[0]?.description).toContain(
      'Version `0123456789ab` (corpus folder).',
    );
    expect(unsharded).not.toContain('Shards');
    const sharded = renderStatus({
      ...base,
      shards: { answers: [answered(0, 'aaa'), silent(1)], thisShard: 0 },
    });
    expect(sharded.embeds[0]?.description).toContain(
      'Version `aaa` (corpus folder).\nNo refresh since start.\n\n**Shards:** 2:',
    );
    expect(sharded.embeds[0]?.description).toContain('⚠ Shard 1: not answering');
  });
});

describe('the refresh reply', () => {
  it('lists what every shard serves after the refresh, when sharded', () => {
    const report = {
      ok: true,
      added: ['truce'],
      updated: [],
      removed: [],
      articles: 6,
      passages: 121,
      problems: [],
      error: null,
      durationMs: 12,
    };
    expect(renderRefresh(report).embeds[0]?.description).not.toContain('Shards');
    const sharded = renderRefresh(report, {
      answers: [answered(0, 'new'), answered(1, 'old')],
      thisShard: 0,
    });
    expect(sharded.embeds[0]?.description).toContain(
      'Removed: none\n\n**Shards:** 2: 1 serves version `new`, 1 another version.\nShard 0 (this one): `new`',
    );
  });
});

describe('DISCORD_SHARD_COUNT', () => {
  const env = { DISCORD_TOKEN: 't'.repeat(70), DISCORD_CLIENT_ID: '123456789012345678' };

  it('is auto by default (unset or empty), or a whole number above 0', () => {
    expect(readBotConfig(env).shardCount).toBe('auto');
    expect(readBotConfig({ ...env, DISCORD_SHARD_COUNT: '' }).shardCount).toBe('auto');
    expect(readBotConfig({ ...env, DISCORD_SHARD_COUNT: ' AUTO ' }).shardCount).toBe('auto');
    expect(readBotConfig({ ...env, DISCORD_SHARD_COUNT: '4' }).shardCount).toBe(4);
  });

  it.each(['0', '-2', '1.5', 'two', '03'])('refuses %j, saying what it must be', (value) => {
    expect(() => readBotConfig({ ...env, DISCORD_SHARD_COUNT: value })).toThrow(
      new ConfigError(['DISCORD_SHARD_COUNT must be auto or a whole number above 0']),
    );
  });
});
