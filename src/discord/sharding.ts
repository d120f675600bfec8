/**
 * Running the bot as several shard processes with discord.js' ShardingManager: how many shards
 * (Discord's recommendation or a fixed count), spacing their logins as Discord allows, and
 * stopping them all. Each shard is the ordinary bot entry (`src/main.ts`) in its own process.
 */
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { type APIGatewayBotInfo, REST, Routes, type Shard, ShardingManager } from 'discord.js';
import type { LogFormat, Logger } from '../log.ts';
import { ANSWERING_NODE_FLAGS } from '../util/node-flags.ts';

/**
 * Discord lets a bot start `max_concurrency` sessions per 5 s; discord.js waits 5.5 s between
 * shards by default. The wait between two shards is this divided by `max_concurrency`, so that two
 * shards of the same rate-limit bucket (id modulo `max_concurrency`) start 5.5 s apart.
 */
export const IDENTIFY_INTERVAL_MS = 5_500;

/** How long a shard may take from process start to ready (loading the corpus, logging in). */
export const SHARD_READY_TIMEOUT_MS = 60_000;

/** How long a shard may take to log out and exit on shutdown before it is killed. */
export const SHARD_STOP_TIMEOUT_MS = 10_000;

export interface ShardingOptions {
  /** The shard entry point (a .ts file, run under tsx). */
  file: string;
  token: string;
  /** REST base (a proxy, or the fake Discord in tests); undefined is Discord itself. */
  apiUrl: string | undefined;
  /** `auto` for Discord's recommendation, or a fixed count. */
  shardCount: 'auto' | number;
  logger: Logger;
  /** The shards log in this format too (default: each decides, and a shard's output is not a terminal). */
  logFormat?: LogFormat;
  /** Node options for the shard processes (default: `shardExecArgv()`). */
  execArgv?: string[];
}

/** The shards, spawning or running. */
export interface RunningShards {
  manager: ShardingManager;
  /** Resolves once every shard is ready; when one cannot start, the others are stopped and it rejects. */
  ready: Promise<void>;
  /** Stops respawning, asks every shard to shut down (SIGTERM) and waits for all to exit. */
  stop(): Promise<void>;
}

/**
 * Asks Discord (through `apiUrl`, like the shards' own clients) for the bot's session
 * information: the recommended shard count and how many sessions may start at once. A wrong token
 * fails here, before any shard is spawned.
 */
export async function fetchGatewayInfo(
  token: string,
  apiUrl: string | undefined,
): Promise<APIGatewayBotInfo> {
  const rest = new REST(apiUrl ? { api: apiUrl } : {}).setToken(token);
  return (await rest.get(Routes.gatewayBot())) as APIGatewayBotInfo;
}

/** Node options of a shard process: those of every answering process (see node-flags.ts), and tsx. */
export function shardExecArgv(): string[] {
  return [...ANSWERING_NODE_FLAGS, '--import', import.meta.resolve('tsx')];
}

/** The wait between spawning two shards, for Discord's `max_concurrency`. */
export function spawnDelay(maxConcurrency: number, shards: number): number {
  return maxConcurrency >= shards ? 0 : Math.ceil(IDENTIFY_INTERVAL_MS / Math.max(1, maxConcurrency));
}

/**
 * Asks Discord how many shards to run (or takes the fixed count), then spawns them one after the
 * other in the background: this resolves before they are ready, so that a shutdown can stop them
 * while they start. A shard that dies later is respawned (the discord.js default).
 */
export async function startShards(options: ShardingOptions): Promise<RunningShards> {
  const { logger } = options;
  const gateway = await fetchGatewayInfo(options.token, options.apiUrl);
  const total = options.shardCount === 'auto' ? gateway.shards : options.shardCount;
  const manager = new ShardingManager(options.file, {
    token: options.token,
    totalShards: total,
    execArgv: options.execArgv ?? shardExecArgv(),
    respawn: true,
    // The shards' output is piped, to tag each line with its shard.
    silent: true,
  });
  manager.on('shardCreate', (shard) => {
    if (options.logFormat) (shard.env as NodeJS.ProcessEnv).LOG_FORMAT = options.logFormat;
    watch(shard, logger);
  });
  const stop = () => stopShards(manager, logger);
  logger.info('starting shards', {
    shards: total,
    recommended: gateway.shards,
    maxConcurrency: gateway.session_start_limit.max_concurrency,
  });
  const ready = manager
    .spawn({
      amount: total,
      delay: spawnDelay(gateway.session_start_limit.max_concurrency, total),
      timeout: SHARD_READY_TIMEOUT_MS,
    })
    .then(
      () => logger.info('all shards ready', { shards: total }),
      async (error: unknown) => {
        await stop();
        throw error;
      },
    );
  return { manager, ready, stop };
}

/**
 * Logs a shard's life (started, ready, died and respawned, errors while respawning) and passes on
 * its output: a JSON line as it is (it names its shard), any other starting with `[shard N]`.
 */
function watch(shard: Shard, logger: Logger): void {
  shard.on('spawn', (child) => {
    if (!('pid' in child)) return;
    logger.info('shard started', { shard: shard.id, processId: child.pid });
    tagLines(child.stdout, process.stdout, `[shard ${shard.id}] `);
    tagLines(child.stderr, process.stderr, `[shard ${shard.id}] `);
  });
  shard.on('ready', () => logger.info('shard ready', { shard: shard.id }));
  shard.on('death', (child) => {
    const code = 'exitCode' in child ? child.exitCode : null;
    if (shard.manager.respawn) logger.warn('shard died; respawning', { shard: shard.id, code });
  });
  // Without a listener, a failed respawn would crash the manager.
  shard.on('error', (error) => logger.error('shard error', { shard: shard.id, error }));
}

function tagLines(from: Readable | null, to: Writable, tag: string): void {
  if (from === null) return;
  createInterface({ input: from, crlfDelay: Number.POSITIVE_INFINITY }).on('line', (line) =>
    to.write(line.startsWith('{') ? `${line}\n` : `${tag}${line}\n`),
  );
}

async function stopShards(manager: ShardingManager, logger: Logger): Promise<void> {
  manager.respawn = false;
  await Promise.all(
    manager.shards.map(async (shard) => {
      const child = shard.process;
      if (child === null || child.exitCode !== null || child.signalCode !== null) return;
      // 'close' comes after the exit and the last of its output.
      const exited = once(child, 'close');
      child.kill('SIGTERM');
      const timer = setTimeout(() => {
        logger.warn('shard did not stop in time; killing it', { shard: shard.id });
        child.kill('SIGKILL');
      }, SHARD_STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    }),
  );
  logger.info('all shards stopped', { shards: manager.shards.size });
}
