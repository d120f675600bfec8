/**
 * The bot as most end-to-end tests run it: logged in to a fake Discord, quiet, generous rate limits,
 * curated from the fake's server.
 */
import { type BotOptions, type RunningBot, startBot } from '../../src/discord/bot.ts';
import type { LiveEngine } from '../../src/live/live-engine.ts';
import { createLogger } from '../../src/log.ts';
import { type FakeDiscord, GUILD_ID, TOKEN } from './fake-discord.ts';

/** Starts the bot on `live` against `fake`; `options` override the defaults. */
export function startTestBot(
  fake: FakeDiscord,
  live: LiveEngine,
  options: Partial<BotOptions> = {},
): Promise<RunningBot> {
  return startBot({
    token: TOKEN,
    apiUrl: fake.apiUrl,
    live,
    logger: createLogger('error', [TOKEN]),
    moderatorRoleIds: [],
    moderatorGuildIds: [GUILD_ID],
    rateLimit: { questions: 100, windowSeconds: 60 },
    addRateLimit: { previews: 100, windowSeconds: 60 },
    ...options,
  });
}
