/** Starting and stopping the bot: client, commands, events, all wired to the live corpus. */
import { type Client, Events } from 'discord.js';
import { Curator } from '../curation/curator.ts';
import { FeedDigest } from '../curation/feeds/digest.ts';
import type { DayTime } from '../curation/feeds/digest-schedule.ts';
import { DEFAULT_POLLER_SETTINGS, FeedPoller, type PollerSettings } from '../curation/feeds/poller.ts';
import { DEFAULT_FETCH_POLICY, type FetchPolicy } from '../curation/fetch-page.ts';
import type { LiveEngine } from '../live/live-engine.ts';
import type { Logger } from '../log.ts';
import { BotMetrics } from '../ops/metrics.ts';
import type { MemberData, QuestionLogMode } from '../store/member-data.ts';
import { feedStoreOf, memberDataOf } from '../store/open.ts';
import { createClient } from './client.ts';
import { componentHandlers, loadCommands } from './command-loader.ts';
import type { BotContext } from './context.ts';
import { FollowUps } from './follow-ups.ts';
import { handleMessage } from './messages.ts';
import { PendingAdds, type PendingLimits } from './pending-adds.ts';
import { RateLimiter } from './rate-limit.ts';
import { sendDigest } from './render-digest.ts';
import { routeInteraction } from './router.ts';
import { exposeShardStatus, refreshOtherShards } from './shard-status.ts';
import { ShownAnswers } from './shown-answers.ts';

/** What the bot needs to run. */
export interface BotOptions {
  token: string;
  apiUrl?: string | undefined;
  live: LiveEngine;
  logger: Logger;
  moderatorRoleIds: string[];
  /** The home servers whose moderators curate the corpus (default none: curation refused). */
  moderatorGuildIds?: string[];
  rateLimit: { questions: number; windowSeconds: number };
  /** At most `previews` /corpus add previews per moderator in `windowSeconds` (default 10 per 600). */
  addRateLimit?: { previews: number; windowSeconds: number };
  /** Previews awaiting Confirm per moderator and in all (default 5 and 200). */
  pendingLimits?: PendingLimits;
  /** Limits for fetching pages and attachments (default: public addresses, 10 s, 2 MB). */
  fetchPolicy?: FetchPolicy;
  /** Folder of command files (default `commands/`). */
  commandsDir?: string;
  /** How long to wait for Discord to accept the login and say ready (default 30 s). */
  readyTimeoutMs?: number;
  /** Where servers' settings, votes and questions go (default: beside the corpus, in its store). */
  memberData?: MemberData;
  /** Whether questions are logged for /corpus report (default `anonymous`: without who asked). */
  questionLog?: QuestionLogMode;
  /** Where the bot counts what it does (default: a registry of its own, not served). */
  metrics?: BotMetrics;
  /** Following feeds (default: polling on, DEFAULT_FEED_OPTIONS). */
  feeds?: FeedOptions;
  /** The daily feed digest's channel and time (default: none is sent). */
  digest?: DigestOptions | null;
}

/** Where and when the daily feed digest is posted. */
export interface DigestOptions {
  channelId: string;
  /** The time of day (UTC), or null: every 24 h. */
  at: DayTime | null;
  /** How often the bot looks whether it is due (default a minute). */
  tickMs?: number;
}

/** How feeds are followed: whether this process polls, how, and the intervals moderators may set. */
export interface FeedOptions {
  /** False: this process polls no feed (another does); the commands still manage them. */
  polling: boolean;
  poller: PollerSettings;
  /** The shortest interval `/corpus feed add` accepts. */
  minIntervalSeconds: number;
  /** The interval of a feed added without `every`. */
  defaultIntervalSeconds: number;
}

export const DEFAULT_FEED_OPTIONS: FeedOptions = {
  polling: true,
  poller: DEFAULT_POLLER_SETTINGS,
  minIntervalSeconds: 300,
  defaultIntervalSeconds: 1800,
};

/** Votes and shares a member may make per minute. */
export const FEEDBACK_RATE_LIMIT = { actions: 20, windowSeconds: 60 };

/** The default limit on /corpus add previews per moderator. */
export const DEFAULT_ADD_RATE_LIMIT = { previews: 10, windowSeconds: 600 };

/** The default wait for login and the gateway's READY. */
export const READY_TIMEOUT_MS = 30_000;

/** A running bot. */
export interface RunningBot {
  client: Client;
  /** This process's feed poller, or null when it polls none. */
  feedPoller: FeedPoller | null;
  stop(): Promise<void>;
}

/**
 * Logs in and resolves once the client is ready; every interaction and message is routed. When
 * Discord does not answer within `readyTimeoutMs`, the client is destroyed and this rejects.
 */
export async function startBot(options: BotOptions): Promise<RunningBot> {
  const commands = await loadCommands(options.commandsDir);
  const components = componentHandlers(commands.values());
  const client = createClient(options.apiUrl);
  const addRateLimit = options.addRateLimit ?? DEFAULT_ADD_RATE_LIMIT;
  const pending = new PendingAdds(options.pendingLimits);
  const feedOptions = options.feeds ?? DEFAULT_FEED_OPTIONS;
  const curator = new Curator(options.live, () => void refreshOtherShards(client, options.logger));
  const fetchPolicy = options.fetchPolicy ?? DEFAULT_FETCH_POLICY;
  const context: BotContext = {
    live: options.live,
    config: {
      moderatorRoleIds: options.moderatorRoleIds,
      moderatorGuildIds: options.moderatorGuildIds ?? [],
      rateLimit: options.rateLimit,
      addRateLimit,
      questionLog: options.questionLog ?? 'anonymous',
    },
    logger: options.logger,
    rateLimiter: new RateLimiter(options.rateLimit.questions, options.rateLimit.windowSeconds * 1000),
    addRateLimiter: new RateLimiter(addRateLimit.previews, addRateLimit.windowSeconds * 1000),
    curator,
    pending,
    fetchPolicy,
    memberData: options.memberData ?? memberDataOf(options.live.store),
    feeds: feedStoreOf(options.live.store),
    feedRules: {
      minIntervalSeconds: feedOptions.minIntervalSeconds,
      defaultIntervalSeconds: feedOptions.defaultIntervalSeconds,
    },
    shown: new ShownAnswers(),
    followUps: new FollowUps(),
    feedbackLimiter: new RateLimiter(FEEDBACK_RATE_LIMIT.actions, FEEDBACK_RATE_LIMIT.windowSeconds * 1000),
    metrics: options.metrics ?? new BotMetrics(),
  };
  client.on(
    Events.InteractionCreate,
    (interaction) => void routeInteraction(interaction, commands, components, context),
  );
  client.on(Events.MessageCreate, (message) => void handleMessage(message, context));
  client.on(Events.Error, (error) => options.logger.error('client error', { error }));
  exposeShardStatus(client, options.live);
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  const waitMs = options.readyTimeoutMs ?? READY_TIMEOUT_MS;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`Discord did not accept the login within ${Math.round(waitMs / 1000)} s`)),
      waitMs,
    );
  });
  try {
    pending.startSweeping();
    await Promise.race([client.login(options.token).then(() => ready), timeout]);
  } catch (error) {
    await client.destroy();
    pending.stop();
    throw error;
  } finally {
    clearTimeout(timer);
  }
  if (context.config.moderatorGuildIds.length === 0)
    options.logger.warn(
      'curation is off: set MODERATOR_GUILD_IDS to the servers whose moderators may run /corpus',
    );
  // Who said what is read in steps after each build, while the bot answers.
  const readStatements = () =>
    void options.live.engine
      .readStatements()
      .catch((error: unknown) => options.logger.warn('could not read the statements', { error }));
  readStatements();
  options.live.onUpdate(readStatements);
  const feedPoller = feedOptions.polling
    ? new FeedPoller(context.feeds, options.live, curator, fetchPolicy, options.logger, feedOptions.poller)
    : null;
  feedPoller?.start();
  const digestOptions = options.digest ?? null;
  const digest =
    digestOptions === null
      ? null
      : new FeedDigest(
          context.feeds,
          (count) => options.live.store.history(count),
          (contents) => sendDigest(client, digestOptions.channelId, contents),
          { at: digestOptions.at, tickMs: digestOptions.tickMs ?? 60_000 },
          options.logger,
        );
  digest?.start();
  options.logger.info('bot ready', {
    user: client.user?.tag,
    commands: commands.size,
    articles: options.live.engine.corpus.articles.length,
  });
  return {
    client,
    feedPoller,
    stop: async () => {
      await feedPoller?.stop();
      await digest?.stop();
      pending.stop();
      await client.destroy();
      // Questions and votes still being written land before the store is closed.
      await context.memberData.settled();
    },
  };
}
