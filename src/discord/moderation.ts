/** The moderator check every /corpus action and button repeats on the server. */
import type { ButtonInteraction, ChatInputCommandInteraction } from 'discord.js';
import type { Moderator } from '../curation/curator.ts';
import type { BotContext } from './context.ts';
import { isModerator } from './permissions.ts';

/** The sentence a refused member reads. */
export const MODERATORS_ONLY =
  'Only moderators (Manage Server, or a moderator role) can manage the corpus, and only inside a server.';

function roleIds(member: unknown): string[] {
  const roles = (member as { roles?: unknown } | null)?.roles;
  if (Array.isArray(roles)) return roles.filter((r): r is string => typeof r === 'string');
  const cache = (roles as { cache?: Map<string, unknown> } | undefined)?.cache;
  return cache ? [...cache.keys()] : [];
}

/** The moderator behind an interaction, or null (and a log line) when the member is not one. */
export function moderatorOf(
  interaction: ChatInputCommandInteraction | ButtonInteraction,
  context: BotContext,
): Moderator | null {
  const allowed =
    interaction.inGuild() &&
    isModerator(
      { permissions: interaction.memberPermissions, roleIds: roleIds(interaction.member) },
      context.config.moderatorRoleIds,
    );
  if (!allowed) {
    context.logger.warn('refused a moderator action', {
      guild: interaction.guildId ?? 'dm',
      user: interaction.user.id,
    });
    return null;
  }
  return { id: interaction.user.id, name: interaction.user.username };
}
