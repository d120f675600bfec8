/** The discord.js client with the bot's production options. */
import { Client, GatewayIntentBits, Partials } from 'discord.js';

/**
 * A client that receives slash commands, DMs and mentions, and whose messages never ping anyone.
 * `apiUrl` points REST at a proxy (or a local fake Discord in tests); undefined is Discord itself.
 */
export function createClient(apiUrl?: string): Client {
  return new Client({
    intents: [
      GatewayIntentBits.Guilds,
      GatewayIntentBits.GuildMessages,
      GatewayIntentBits.DirectMessages,
      GatewayIntentBits.MessageContent,
    ],
    // Without the Channel partial, DMs in uncached channels are dropped.
    partials: [Partials.Channel],
    allowedMentions: { parse: [] },
    ...(apiUrl ? { rest: { api: apiUrl } } : {}),
  });
}
