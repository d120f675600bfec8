/**
 * The moderator check every /corpus action, button and autocomplete repeats on the server: a
 * moderator of one of the home servers, since every server is served the same corpus.
 */
import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  StringSelectMenuInteraction,
} from 'discord.js';
import type { Moderator } from '../curation/curator.ts';
import type { BotContext } from './context.ts';
import { isModerator } from './permissions.ts';

/** The sentence a member who is not a moderator reads. */
export const MODERATORS_ONLY =
  'Only moderators (Manage Server, or a moderator role) can manage the corpus, and only inside a server.';

/** The sentence a moderator of a server that is not a home server reads. */
export const HOME_SERVERS_ONLY =
  'The corpus is shared by every server this bot is in, so it is curated only from its home server(s); this server is not one of them. Ask the bot’s operator to add it to MODERATOR_GUILD_IDS.';

/** The sentence every moderator reads while no home server is configured. */
export const CURATION_OFF =
  'Curation is turned off: no home server is configured. The bot’s operator sets MODERATOR_GUILD_IDS (comma-separated server ids) in .env and restarts the bot; `/corpus` then works in those servers only.';

/** Who may curate: the moderator, or the sentence saying why not. */
export type ModeratorCheck = { moderator: Moderator; refusal: null } | { moderator: null; refusal: string };

function roleIds(member: unknown): string[] {
  const roles = (member as { roles?: unknown } | null)?.roles;
  if (Array.isArray(roles)) return roles.filter((r): r is string => typeof r === 'string');
  const cache = (roles as { cache?: Map<string, unknown> } | undefined)?.cache;
  return cache ? [...cache.keys()] : [];
}

/**
 * The moderator behind an interaction, or the refusal to show (and a log line): a member who is
 * not a moderator, a DM, a server outside `moderatorGuildIds`, or no home server configured.
 */
export function checkModerator(
  interaction:
    | ChatInputCommandInteraction
    | ButtonInteraction
    | StringSelectMenuInteraction
    | AutocompleteInteraction,
  context: BotContext,
): ModeratorCheck {
  const homes = context.config.moderatorGuildIds;
  const moderator =
    interaction.inGuild() &&
    isModerator(
      { permissions: interaction.memberPermissions, roleIds: roleIds(interaction.member) },
      context.config.moderatorRoleIds,
    );
  const refusal = !moderator
    ? MODERATORS_ONLY
    : homes.length === 0
      ? CURATION_OFF
      : !homes.includes(interaction.guildId ?? '')
        ? HOME_SERVERS_ONLY
        : null;
  if (refusal !== null) {
    // Autocomplete runs on every keystroke: refusing it is not worth a log line each time.
    if (!interaction.isAutocomplete())
      context.logger.warn('refused a moderator action', {
        guild: interaction.guildId ?? 'dm',
        user: interaction.user.id,
        reason:
          refusal === MODERATORS_ONLY
            ? 'not a moderator'
            : homes.length === 0
              ? 'no home server'
              : 'not a home server',
      });
    return { moderator: null, refusal };
  }
  return { moderator: { id: interaction.user.id, name: interaction.user.username }, refusal: null };
}
