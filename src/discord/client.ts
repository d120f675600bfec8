/** The discord.js client with the bot's production options. */
import { Client, GatewayIntentBits, Partials } from 'discord.js';

/**
 * A client that receives slash commands, DMs and mentions, and whose messages never ping anyone.
 * It asks for no privileged intent, so it needs no approval from Discord past 100 servers.
 * `apiUrl` points REST at a proxy (or a local fake Discord in tests); undefined is Discord itself.
 */
export function createClient(apiUrl?: string): Client {
  return new Client({
    // Servers, plus messages: Discord sends the content of DMs and of messages that mention the
    // bot without the privileged Message Content intent, and the bot reads no other.
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
    // Without the Channel partial, DMs in uncached channels are dropped.
    partials: [Partials.Channel],
    allowedMentions: { parse: [] },
    ...(apiUrl ? { rest: { api: apiUrl } } : {}),
  });
}
