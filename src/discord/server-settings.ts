/** A server's settings as the bot applies them: the stored ones, or the defaults when the store fails. */
import { DEFAULT_SERVER_SETTINGS, type ServerSettings } from '../store/member-data.ts';
import type { BotContext } from './context.ts';

/**
 * The settings of `guildId` (the defaults in a DM). When the store cannot be read the defaults
 * apply and the failure is logged: a member's question is still answered.
 */
export async function settingsOf(context: BotContext, guildId: string | null): Promise<ServerSettings> {
  if (guildId === null) return DEFAULT_SERVER_SETTINGS;
  try {
    return await context.memberData.settings(guildId);
  } catch (error) {
    context.logger.warn('could not read the server settings; using the defaults', { guild: guildId, error });
    return DEFAULT_SERVER_SETTINGS;
  }
}
