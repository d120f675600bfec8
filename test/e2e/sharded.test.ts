import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shownVersion } from '../../src/discord/shard-status.ts';
import { fetchGatewayInfo, IDENTIFY_INTERVAL_MS, spawnDelay } from '../../src/discord/sharding.ts';
import { LiveEngine } from '../../src/live/live-engine.ts';
import { copyOfCorpus, until as waitUntil } from '../core/helpers.ts';
import { FakeDiscord, GUILD_ID, MANAGER_PERMISSIONS, type Sent, shardOf, TOKEN } from './fake-discord.ts';
import { botEnv, logEvents, type Started, startEntry } from './process.ts';
import { parsePrometheus, sampleValue } from './prometheus.ts';

let fake: FakeDiscord;
let corpusDir: string;
let removeCorpus: () => Promise<void>;

beforeAll(async () => {
  ({ dir: corpusDir, remove: removeCorpus } = await copyOfCorpus());
  // A large bot's session limit: shards may log in together, so none waits 5.5 s for the other.
  fake = new FakeDiscord({ maxConcurrency: 16 });
  await fake.start();
});
afterAll(async () => {
  // A test that failed half-way leaves its manager running: its shards stop with it.
  for (const run of runs) if (run.child.exitCode === null) run.child.kill('SIGKILL');
  await fake.stop();
  await removeCorpus();
});

const TRUCE =
  '---\ntitle: "A truce"\nsource: "Example Wire"\ndate: "2016-09-10"\nevent: geneva-aug-2016\n---\nKerry and Lavrov announced a truce.\n';

const runs: Started[] = [];
function start(env: Record<string, string>): Started {
  const run = startEntry('src/sharded.ts', env);
  runs.push(run);
  return run;
}
const description = (s: Sent) =>
  (s.body as { embeds?: Array<{ description?: string }> }).embeds?.[0]?.description ?? '';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A port nothing listens on now (with, most likely, the next one free too). */
async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The shards' waits: up to 15 s, checked every 50 ms. */
const until = (test: () => boolean, ms = 15_000) => waitUntil(test, ms, 50);

describe('npm run start:sharded', () => {
  it('runs DISCORD_SHARD_COUNT=2 shard processes: status lists both with one version, a refresh or a change reaches both, a stuck one is not answering; SIGTERM stops all', async () => {
    const version = shownVersion((await LiveEngine.open(corpusDir)).version);
    const healthPort = await freePort();
    const run = start(
      botEnv(fake.apiUrl, {
        CORPUS_DIR: corpusDir,
        DISCORD_SHARD_COUNT: '2',
        LOG_LEVEL: 'info',
        HEALTH_PORT: String(healthPort),
      }),
    );
    await run.waitFor('all shards ready', 30_000);
    expect(fake.identified).toEqual([
      [0, 2],
      [1, 2],
    ]);
    const pidOf = new Map(
      logEvents(run.output())
        .filter((e) => e.msg === 'shard started')
        .map((e) => [e.shard, e.processId as number]),
    );
    const pids = [...pidOf.values()];
    expect(pids).toHaveLength(2);
    // The manager hears of a shard's readiness before that shard's own log line is piped through.
    await until(() => logEvents(run.output()).some((e) => e.shard === 1 && e.msg === 'bot ready'));

    // Each shard serves its own health and metrics on HEALTH_PORT plus its shard id.
    await until(
      () => logEvents(run.output()).filter((e) => e.msg === 'health and metrics listening').length === 2,
    );
    for (const shard of [0, 1]) {
      const base = `http://127.0.0.1:${healthPort + shard}`;
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      const samples = parsePrometheus(await (await fetch(`${base}/metrics`)).text());
      expect(sampleValue(samples, 'coverage_shard_id')).toBe(shard);
    }

    const moderator = { id: '710000000000000002', username: 'moderator' };
    const { id, token } = fake.command(moderator, 'corpus', [{ name: 'status', type: 1, options: [] }], {
      permissions: MANAGER_PERMISSIONS,
    });
    const deferred = await fake.waitFor((s) => s.kind === 'callback' && s.key === id);
    expect(deferred.body).toEqual({ type: 5, data: { flags: 64 } });
    const status = description(await fake.waitFor((s) => s.kind === 'edit' && s.key === token));
    const own = shardOf(GUILD_ID, 2);
    expect(status).toContain(`**Shards:** all 2 serve version \`${version}\`.`);
    expect(status).toContain(`Shard ${own} (this one): \`${version}\``);
    expect(status).toContain(`Shard ${1 - own}: \`${version}\``);
    expect(status).toMatch(new RegExp(`Shard ${own} \\(this one\\):.* · 1 server$`, 'm'));
    expect(status).toMatch(new RegExp(`Shard ${1 - own}:.* · 0 servers$`, 'm'));

    // A refresh on one shard refreshes every shard; so does a moderator's change to the corpus.
    await writeFile(path.join(corpusDir, 'truce.md'), TRUCE);
    const changed = shownVersion((await LiveEngine.open(corpusDir)).version);
    const refresh = fake.command(moderator, 'corpus', [{ name: 'refresh', type: 1, options: [] }], {
      permissions: MANAGER_PERMISSIONS,
    });
    const refreshed = description(await fake.waitFor((s) => s.kind === 'edit' && s.key === refresh.token));
    expect(refreshed).toContain('Added: truce');
    expect(refreshed).toContain(`**Shards:** all 2 serve version \`${changed}\`.`);
    const remove = fake.command(
      moderator,
      'corpus',
      [{ name: 'remove', type: 1, options: [{ name: 'doc', type: 3, value: 'truce' }] }],
      { permissions: MANAGER_PERMISSIONS },
    );
    await fake.waitFor((s) => s.kind === 'edit' && s.key === remove.token);
    await run.waitFor('all shards refreshed');
    const again = fake.command(moderator, 'corpus', [{ name: 'status', type: 1, options: [] }], {
      permissions: MANAGER_PERMISSIONS,
    });
    expect(description(await fake.waitFor((s) => s.kind === 'edit' && s.key === again.token))).toContain(
      `**Shards:** all 2 serve version \`${version}\`.`,
    );

    // A stuck shard (stopped, so it cannot answer) is shown as not answering, and the reply still comes.
    const other = pidOf.get(1 - own) as number;
    process.kill(other, 'SIGSTOP');
    try {
      const asked = fake.command(moderator, 'corpus', [{ name: 'status', type: 1, options: [] }], {
        permissions: MANAGER_PERMISSIONS,
      });
      const stuck = description(await fake.waitFor((s) => s.kind === 'edit' && s.key === asked.token));
      expect(stuck).toContain(`**Shards:** 2: 1 serves version \`${version}\`, 1 not answering.`);
      expect(stuck).toContain(`⚠ Shard ${1 - own}: not answering`);
    } finally {
      process.kill(other, 'SIGCONT');
    }

    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(pids.filter(alive)).toEqual([]);
    await until(() => fake.sessions === 0);
    expect(run.output()).toContain('all shards stopped');
    // Every line, the manager's and the shards', is a JSON event; each shard's names it.
    const lines = run.output().trimEnd().split('\n');
    expect(logEvents(run.output())).toHaveLength(lines.length);
    const stopping = logEvents(run.output()).filter((e) => e.msg === 'shutting down');
    expect(stopping.map((e) => e.shard).sort()).toEqual([0, 1, undefined]);
    expect(run.output()).not.toContain(TOKEN);
  });
});

describe('a shard process', () => {
  it('stops when its manager is killed, instead of serving on unsupervised', async () => {
    const run = start(
      botEnv(fake.apiUrl, {
        DISCORD_SHARD_COUNT: '1',
      }),
    );
    await run.waitFor('all shards ready', 30_000);
    const pid = Number(logEvents(run.output()).find((e) => e.msg === 'shard started')?.processId);
    // The shard's pid was found, and it is a live process other than the manager.
    expect(Number.isInteger(pid) && pid > 0).toBe(true);
    expect(pid).not.toBe(run.child.pid);
    expect(alive(pid)).toBe(true);
    expect(fake.sessions).toBeGreaterThan(0);
    run.child.kill('SIGKILL');
    await run.exited;
    await until(() => !alive(pid));
    await until(() => fake.sessions === 0);
    expect(alive(pid)).toBe(false);
    expect(fake.sessions).toBe(0);
  });
});

describe('the shard count and spacing', () => {
  it('asks the configured REST base for the recommended count, and fails on a wrong token', async () => {
    const recommending = new FakeDiscord({ shards: 3, maxConcurrency: 16 });
    await recommending.start();
    try {
      const info = await fetchGatewayInfo(TOKEN, recommending.apiUrl);
      expect(info.shards).toBe(3);
      expect(info.session_start_limit.max_concurrency).toBe(16);
      await expect(fetchGatewayInfo(`${TOKEN}x`, recommending.apiUrl)).rejects.toThrow('401');
    } finally {
      await recommending.stop();
    }
  });

  it('spaces shards so that each rate-limit bucket starts one session per interval', () => {
    expect(spawnDelay(1, 4)).toBe(IDENTIFY_INTERVAL_MS);
    expect(spawnDelay(2, 4)).toBe(IDENTIFY_INTERVAL_MS / 2);
    expect(spawnDelay(16, 4)).toBe(0);
  });
});
