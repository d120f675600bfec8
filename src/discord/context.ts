/** What every command handler receives: the live corpus, the settings and the shared services. */
import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  ModalSubmitInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  StringSelectMenuInteraction,
} from 'discord.js';
import type { BotConfig } from '../config.ts';
import type { Curator } from '../curation/curator.ts';
import type { FetchPolicy } from '../curation/fetch-page.ts';
import type { LiveEngine } from '../live/live-engine.ts';
import type { Logger } from '../log.ts';
import type { BotMetrics } from '../ops/metrics.ts';
import type { FeedStore } from '../store/feed-store.ts';
import type { MemberData } from '../store/member-data.ts';
import type { FollowUps } from './follow-ups.ts';
import type { PendingAdds } from './pending-adds.ts';
import type { RateLimiter } from './rate-limit.ts';
import type { ShownAnswers } from './shown-answers.ts';

export interface BotContext {
  live: LiveEngine;
  config: Pick<
    BotConfig,
    'moderatorRoleIds' | 'moderatorGuildIds' | 'rateLimit' | 'addRateLimit' | 'questionLog'
  >;
  logger: Logger;
  rateLimiter: RateLimiter;
  /** Counts each moderator's /corpus add previews. */
  addRateLimiter: RateLimiter;
  /** Moderators' changes to the corpus. */
  curator: Curator;
  /** Previewed articles awaiting Confirm. */
  pending: PendingAdds;
  /** Limits for fetching pages and attachments. */
  fetchPolicy: FetchPolicy;
  /** Servers' settings, votes and the question log, kept beside the corpus. */
  memberData: MemberData;
  /** Followed feeds, the review queue and "also reported by", kept beside the corpus. */
  feeds: FeedStore;
  /** The shortest interval a feed may be polled at, and the interval when none is given. */
  feedRules: { minIntervalSeconds: number; defaultIntervalSeconds: number };
  /** The answers shown, for their buttons. */
  shown: ShownAnswers;
  /** Follow-up threads' and DMs' filters. */
  followUps: FollowUps;
  /** Counts each member's votes and shares. */
  feedbackLimiter: RateLimiter;
  /** What the bot counts for its /metrics. */
  metrics: BotMetrics;
}

/** The handler of a button, a select menu or a modal a command's replies carry. */
export type ComponentHandler =
  | { kind: 'button'; handle(interaction: ButtonInteraction, context: BotContext): Promise<void> }
  | { kind: 'select'; handle(interaction: StringSelectMenuInteraction, context: BotContext): Promise<void> }
  | { kind: 'modal'; handle(interaction: ModalSubmitInteraction, context: BotContext): Promise<void> };

/**
 * A slash command: its registration data, its handler and, optionally, its autocomplete and the
 * components its replies carry.
 */
export interface SlashCommand {
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, context: BotContext): Promise<void>;
  /**
   * The buttons, menus and modals this command creates, by custom-id prefix: the custom id up to
   * and including its first colon (`more:` for `more:3:3:<asker>`). No two commands share one.
   */
  components?: Record<string, ComponentHandler>;
  /** True for moderator commands: registered on the home servers only, never globally. */
  moderation?: boolean;
}
