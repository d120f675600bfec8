/**
 * Configuration from the environment (and `.env`), parsed once with zod at the edge. This is the
 * only module that reads `process.env`; everything else receives typed settings.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The project's root folder (where package.json is). */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The built-in corpus shipped with the project. */
export const DEFAULT_CORPUS_DIR = path.join(PROJECT_ROOT, 'corpus');

/** Where saved indexes go unless INDEX_CACHE_DIR says otherwise. */
export const DEFAULT_INDEX_CACHE_DIR = path.join(PROJECT_ROOT, '.cache');

/** A trimmed optional text, where an empty value (`NAME=` in .env) counts as unset. */
const blankAsUnset = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v === '' ? undefined : v));

const corpusDir = z
  .string()
  .trim()
  .optional()
  .transform((dir) => (dir ? path.resolve(dir) : DEFAULT_CORPUS_DIR));

const indexCacheDir = z
  .string()
  .trim()
  .optional()
  .transform((dir) =>
    dir === undefined || dir === '' ? DEFAULT_INDEX_CACHE_DIR : dir === 'off' ? null : path.resolve(dir),
  );

/** A postgres:// or postgresql:// address; unset or empty means the folder store. */
const databaseUrl = blankAsUnset.pipe(
  z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, {
      message: 'must be a PostgreSQL address such as postgres://user:password@host:5432/coverage',
    })
    .optional(),
);

const corpusSettingsSchema = z.object({
  CORPUS_DIR: corpusDir,
  INDEX_CACHE_DIR: indexCacheDir,
  DATABASE_URL: databaseUrl,
});

/** Settings the command line needs: where the corpus is, and where its saved index goes. */
export interface CorpusSettings {
  corpusDir: string;
  /** Folder of saved indexes, or null when INDEX_CACHE_DIR=off. */
  indexCacheDir: string | null;
  /** The shared PostgreSQL store, or undefined for the corpus folder. Holds a password: never log it. */
  databaseUrl: string | undefined;
}

/**
 * Reads the corpus settings: `CORPUS_DIR` (default the built-in `corpus/`), `INDEX_CACHE_DIR`
 * (default `.cache/` in the project; `off` disables saved indexes) and `DATABASE_URL` (unset: the
 * folder). Throws ConfigError, which never includes a value.
 */
export function readCorpusSettings(env: NodeJS.ProcessEnv = process.env): CorpusSettings {
  const parsed = corpusSettingsSchema.safeParse({
    CORPUS_DIR: env.CORPUS_DIR,
    INDEX_CACHE_DIR: env.INDEX_CACHE_DIR,
    DATABASE_URL: env.DATABASE_URL,
  });
  if (!parsed.success) throw new ConfigError(describeIssues(parsed.error.issues));
  const c = parsed.data;
  return { corpusDir: c.CORPUS_DIR, indexCacheDir: c.INDEX_CACHE_DIR, databaseUrl: c.DATABASE_URL };
}

const snowflake = z.string().regex(/^\d{17,20}$/, { message: 'must be a Discord id (17 to 20 digits)' });
const positiveInt = (fallback: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === undefined || v === '' ? String(fallback) : v))
    .pipe(z.coerce.number<string>().int().positive({ message: 'must be a whole number above 0' }));

const nonNegativeInt = (fallback: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === undefined || v === '' ? String(fallback) : v))
    .pipe(
      z.coerce
        .number<string>({ message: 'must be a whole number, 0 or more' })
        .int({ message: 'must be a whole number, 0 or more' })
        .min(0, { message: 'must be a whole number, 0 or more' }),
    );

/** "a, b,,c" → ["a", "b", "c"]; unset → []. */
const commaList = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );

const importSettingsSchema = z.object({
  FETCH_ALLOWED_HOSTS: commaList,
  FETCH_TIMEOUT_SECONDS: positiveInt(10),
  MAX_ARTICLE_KB: positiveInt(2000),
  IMPORT_CONCURRENCY: positiveInt(8),
  IMPORT_CONCURRENCY_PER_HOST: positiveInt(2),
  IMPORT_FEED_PAGES: positiveInt(50),
});

/** Settings of a bulk import from the command line: the fetching rules the bot uses, and how many pages at once. */
export interface ImportSettings {
  fetchPolicy: { allowHosts: string[]; timeoutMs: number; maxBytes: number };
  concurrency: { total: number; perHost: number };
  /** Feed pages `corpus add-feed-archive` reads at most: the feed and its older pages. */
  feedPages: number;
}

/**
 * Reads the import settings: the bot's fetching rules (`FETCH_ALLOWED_HOSTS`,
 * `FETCH_TIMEOUT_SECONDS`, `MAX_ARTICLE_KB`), `IMPORT_CONCURRENCY` (pages at once, default 8),
 * `IMPORT_CONCURRENCY_PER_HOST` (default 2) and `IMPORT_FEED_PAGES` (feed pages an archive import
 * reads, default 50). Throws ConfigError listing every bad variable.
 */
export function readImportSettings(env: NodeJS.ProcessEnv = process.env): ImportSettings {
  const parsed = importSettingsSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(describeIssues(parsed.error.issues));
  const c = parsed.data;
  return {
    fetchPolicy: {
      allowHosts: c.FETCH_ALLOWED_HOSTS,
      timeoutMs: c.FETCH_TIMEOUT_SECONDS * 1000,
      maxBytes: c.MAX_ARTICLE_KB * 1000,
    },
    concurrency: { total: c.IMPORT_CONCURRENCY, perHost: c.IMPORT_CONCURRENCY_PER_HOST },
    feedPages: c.IMPORT_FEED_PAGES,
  };
}

/** A setting that is `on` or `off` (any case), `fallback` when unset or blank. */
const onOff = (fallback: 'on' | 'off') =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === undefined || v === '' ? fallback : v.toLowerCase()))
    .pipe(z.enum(['on', 'off'], { message: 'must be on or off' }));

const botSchema = z.object({
  DISCORD_TOKEN: z
    .string({ message: 'is missing: copy the bot token from the Developer Portal (Bot → Reset Token)' })
    .trim()
    .min(50, { message: 'does not look like a bot token (too short)' }),
  DISCORD_CLIENT_ID: snowflake.or(z.undefined()).refine((v) => v !== undefined, {
    message: 'is missing: copy the Application ID from the Developer Portal (General Information)',
  }),
  DISCORD_GUILD_ID: blankAsUnset.pipe(snowflake.optional()),
  DISCORD_API_URL: blankAsUnset.pipe(
    z.url({ message: 'must be a URL such as http://127.0.0.1:8080/api' }).optional(),
  ),
  CORPUS_DIR: corpusDir,
  INDEX_CACHE_DIR: indexCacheDir,
  DATABASE_URL: databaseUrl,
  DATABASE_WAIT_SECONDS: nonNegativeInt(60),
  MODERATOR_ROLE_IDS: commaList.pipe(z.array(snowflake)),
  MODERATOR_GUILD_IDS: commaList.pipe(z.array(snowflake)),
  CORPUS_ADD_RATE_LIMIT: positiveInt(10),
  CORPUS_ADD_RATE_WINDOW_SECONDS: positiveInt(600),
  FETCH_ALLOWED_HOSTS: commaList,
  FETCH_TIMEOUT_SECONDS: positiveInt(10),
  MAX_ARTICLE_KB: positiveInt(2000),
  FEED_POLLING: onOff('on'),
  CORPUS_WATCH: onOff('on'),
  FEED_MIN_INTERVAL_SECONDS: positiveInt(300),
  FEED_DEFAULT_INTERVAL_SECONDS: positiveInt(1800),
  FEED_ITEMS_PER_POLL: positiveInt(20),
  FEED_QUEUE_MAX: positiveInt(200),
  FEED_DIGEST_CHANNEL_ID: blankAsUnset.pipe(snowflake.optional()),
  FEED_DIGEST_AT: blankAsUnset.pipe(
    z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'must be a time of day as HH:MM (UTC), e.g. 07:30' })
      .optional(),
  ),
  ASK_RATE_LIMIT: positiveInt(5),
  ASK_RATE_WINDOW_SECONDS: positiveInt(60),
  QUESTION_LOG: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === undefined || v === '' ? 'anonymous' : v.toLowerCase()))
    .pipe(z.enum(['off', 'anonymous'], { message: 'must be off or anonymous' })),
  DISCORD_SHARD_COUNT: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === undefined || v === '' ? 'auto' : v.toLowerCase()))
    .pipe(z.string().regex(/^(auto|[1-9]\d*)$/, { message: 'must be auto or a whole number above 0' }))
    .transform((v) => (v === 'auto' ? ('auto' as const) : Number(v))),
  LOG_LEVEL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === undefined || v === '' ? 'info' : v.toLowerCase()))
    .pipe(z.enum(['debug', 'info', 'warn', 'error'], { message: 'must be debug, info, warn or error' })),
  LOG_FORMAT: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === undefined || v === '' ? 'auto' : v.toLowerCase()))
    .pipe(z.enum(['auto', 'json', 'pretty'], { message: 'must be auto, json or pretty' })),
  HEALTH_PORT: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === undefined || v === '' ? undefined : v))
    .pipe(
      z.coerce
        .number<string>({ message: 'must be a port number from 1 to 65535' })
        .int({ message: 'must be a port number from 1 to 65535' })
        .min(1, { message: 'must be a port number from 1 to 65535' })
        .max(65535, { message: 'must be a port number from 1 to 65535' })
        .optional(),
    ),
  HEALTH_HOST: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === undefined || v === '' ? '127.0.0.1' : v)),
  // Set by discord.js' ShardingManager in each shard process it spawns: that shard's id.
  SHARDS: z.string().trim().optional().pipe(z.coerce.number<string>().int().min(0).optional()),
});

/** Everything the bot needs, typed. */
export interface BotConfig {
  token: string;
  clientId: string;
  guildId: string | undefined;
  /** REST base for a proxy such as @discordjs/proxy (and for tests); undefined means Discord itself. */
  apiUrl: string | undefined;
  corpusDir: string;
  indexCacheDir: string | null;
  /** The shared PostgreSQL store, or undefined for the corpus folder. Holds a password: never log it. */
  databaseUrl: string | undefined;
  /** How long start-up keeps trying to reach the database before giving up (0: one try). */
  databaseWaitMs: number;
  moderatorRoleIds: string[];
  /**
   * The home servers: the only ones whose moderators may curate the one corpus every server is
   * served. MODERATOR_GUILD_IDS, else DISCORD_GUILD_ID; empty (curation refused) when neither is set.
   */
  moderatorGuildIds: string[];
  /** At most `previews` /corpus add previews per moderator in `windowSeconds`. */
  addRateLimit: { previews: number; windowSeconds: number };
  /** At most `questions` questions per member in `windowSeconds`. */
  rateLimit: { questions: number; windowSeconds: number };
  /** Whether questions are logged for /corpus report: `anonymous` (the default, no member id) or `off`. */
  questionLog: 'off' | 'anonymous';
  /** Fetching pages and attachments for /corpus add. */
  fetchPolicy: { allowHosts: string[]; timeoutMs: number; maxBytes: number };
  /** Whether hand edits of the corpus folder are served without /corpus refresh (CORPUS_WATCH). */
  watchCorpusFolder: boolean;
  /**
   * Following feeds: whether this process polls them (FEED_POLLING), the shortest and the default
   * interval of a feed, new items read per poll and articles waiting for review at most.
   */
  feeds: {
    polling: boolean;
    minIntervalSeconds: number;
    defaultIntervalSeconds: number;
    itemsPerPoll: number;
    queueMax: number;
  };
  /**
   * The daily feed digest: the channel it is posted in (FEED_DIGEST_CHANNEL_ID) and the time of
   * day, UTC (FEED_DIGEST_AT; null: every 24 h); null when no channel is set.
   */
  digest: { channelId: string; at: { hour: number; minute: number } | null } | null;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** `json` lines, `pretty` text, or `auto`: text on a terminal, JSON otherwise. */
  logFormat: 'auto' | 'json' | 'pretty';
  /**
   * The health and metrics listener (HEALTH_PORT, HEALTH_HOST), or null when off (the default). A
   * shard process listens on `port` plus its shard id.
   */
  health: { port: number; host: string } | null;
  /** This process's shard id when the sharding manager spawned it, else undefined. */
  shardId: number | undefined;
  /**
   * How many shards `npm run start:sharded` runs: `auto` (the default) asks Discord for its
   * recommendation; a number fixes it. Inside a shard process, the total the manager assigned.
   */
  shardCount: 'auto' | number;
}

/** The configuration could not be read: `problems` lists every bad variable and how to fix it. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(
      `The configuration has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.map((p) => `  - ${p}`).join('\n')}\nSet them in .env (see .env.example).`,
    );
  }
}

/** One line per bad variable: its name and how to fix it (never its value). */
function describeIssues(issues: z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => `${String(issue.path[0] ?? 'configuration')} ${issue.message}`);
}

/** Names of the variables the bot reads. */
const BOT_VARIABLES = Object.keys(botSchema.shape);

/**
 * Reads and validates the bot's configuration from `env`. Throws ConfigError listing every
 * problem at once; never includes a variable's value (the token must not reach a log).
 */
export function readBotConfig(env: NodeJS.ProcessEnv = process.env): BotConfig {
  const input = Object.fromEntries(BOT_VARIABLES.map((name) => [name, env[name]]));
  const parsed = botSchema.safeParse(input);
  if (!parsed.success) {
    throw new ConfigError(describeIssues(parsed.error.issues));
  }
  const c = parsed.data;
  return {
    token: c.DISCORD_TOKEN,
    clientId: c.DISCORD_CLIENT_ID as string,
    guildId: c.DISCORD_GUILD_ID,
    apiUrl: c.DISCORD_API_URL,
    corpusDir: c.CORPUS_DIR,
    indexCacheDir: c.INDEX_CACHE_DIR,
    databaseUrl: c.DATABASE_URL,
    databaseWaitMs: c.DATABASE_WAIT_SECONDS * 1000,
    moderatorRoleIds: c.MODERATOR_ROLE_IDS,
    moderatorGuildIds:
      c.MODERATOR_GUILD_IDS.length > 0
        ? [...new Set(c.MODERATOR_GUILD_IDS)]
        : c.DISCORD_GUILD_ID
          ? [c.DISCORD_GUILD_ID]
          : [],
    rateLimit: { questions: c.ASK_RATE_LIMIT, windowSeconds: c.ASK_RATE_WINDOW_SECONDS },
    questionLog: c.QUESTION_LOG,
    addRateLimit: { previews: c.CORPUS_ADD_RATE_LIMIT, windowSeconds: c.CORPUS_ADD_RATE_WINDOW_SECONDS },
    fetchPolicy: {
      allowHosts: c.FETCH_ALLOWED_HOSTS,
      timeoutMs: c.FETCH_TIMEOUT_SECONDS * 1000,
      maxBytes: c.MAX_ARTICLE_KB * 1000,
    },
    watchCorpusFolder: c.CORPUS_WATCH === 'on',
    feeds: {
      polling: c.FEED_POLLING === 'on',
      minIntervalSeconds: c.FEED_MIN_INTERVAL_SECONDS,
      defaultIntervalSeconds: Math.max(c.FEED_DEFAULT_INTERVAL_SECONDS, c.FEED_MIN_INTERVAL_SECONDS),
      itemsPerPoll: c.FEED_ITEMS_PER_POLL,
      queueMax: c.FEED_QUEUE_MAX,
    },
    digest:
      c.FEED_DIGEST_CHANNEL_ID === undefined
        ? null
        : {
            channelId: c.FEED_DIGEST_CHANNEL_ID,
            at:
              c.FEED_DIGEST_AT === undefined
                ? null
                : { hour: Number(c.FEED_DIGEST_AT.slice(0, 2)), minute: Number(c.FEED_DIGEST_AT.slice(3)) },
          },
    logLevel: c.LOG_LEVEL,
    logFormat: c.LOG_FORMAT,
    health:
      c.HEALTH_PORT === undefined ? null : { port: c.HEALTH_PORT + (c.SHARDS ?? 0), host: c.HEALTH_HOST },
    shardId: c.SHARDS,
    shardCount: c.DISCORD_SHARD_COUNT,
  };
}

/** True when the environment has a bot token at all (to point token-less users to the chat mode). */
export function hasBotToken(env: NodeJS.ProcessEnv = process.env): boolean {
  return (env.DISCORD_TOKEN ?? '').trim() !== '';
}

/** Loads `.env` from the project root into the environment, without overriding what is set. */
export async function loadDotEnv(file = path.join(PROJECT_ROOT, '.env')): Promise<void> {
  const dotenv = await import('dotenv');
  dotenv.config({ path: file, quiet: true });
}
