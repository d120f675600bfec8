/**
 * /corpus: moderators keep the coverage fresh from Discord — refresh, status, add (file or link,
 * previewed, then confirmed), remove, restore, move, history, the report of what the coverage
 * lacks, the review queue of what feeds brought, events, and feeds. Each subcommand lives in `commands/corpus/`; this file assembles them and
 * checks the member on the server for every one, not only the command's default permissions.
 */
import {
  type ChatInputCommandInteraction,
  type CommandInteractionOptionResolver,
  MessageFlags,
  PermissionFlagsBits,
} from 'discord.js';
import { CurationError } from '../src/curation/curator.ts';
import { DraftError } from '../src/curation/draft.ts';
import { FeedError } from '../src/curation/feeds/read-feed.ts';
import { FetchRefused } from '../src/curation/fetch-page.ts';
import { commandBuilder } from '../src/discord/builders.ts';
import { eventChoices } from '../src/discord/choices.ts';
import type { SlashCommand } from '../src/discord/context.ts';
import { checkModerator } from '../src/discord/moderation.ts';
import { PendingLimitError } from '../src/discord/pending-adds.ts';
import { renderNotice } from '../src/discord/reply.ts';
import { FeedStoreError } from '../src/store/feed-store.ts';
import { ADD_COMPONENTS, add } from './corpus/add.ts';
import { move, remove, restore } from './corpus/articles.ts';
import { eventGroup } from './corpus/event.ts';
import { feedGroup } from './corpus/feed.ts';
import { history, report } from './corpus/history.ts';
import { refresh, status } from './corpus/refresh.ts';
import { REVIEW_COMPONENTS, review } from './corpus/review.ts';
import type { CorpusGroup, CorpusSubcommand } from './corpus/subcommand.ts';

/** The subcommands and groups, in the order Discord lists them. */
const PARTS: Array<CorpusSubcommand | CorpusGroup> = [
  refresh,
  status,
  add,
  remove,
  restore,
  move,
  history,
  report,
  review,
  eventGroup,
  feedGroup,
];

/** Each subcommand by its path: `add`, `event create`. */
const SUBCOMMANDS = new Map<string, CorpusSubcommand>(
  PARTS.flatMap((part) =>
    'subcommands' in part
      ? part.subcommands.map((s): [string, CorpusSubcommand] => [`${part.name} ${s.name}`, s])
      : [[part.name, part]],
  ),
);

function subcommandOf(
  options: Pick<CommandInteractionOptionResolver, 'getSubcommandGroup' | 'getSubcommand'>,
) {
  const group = options.getSubcommandGroup(false);
  const name = options.getSubcommand();
  return SUBCOMMANDS.get(group ? `${group} ${name}` : name);
}

const data = commandBuilder('corpus', 'Moderators: manage the coverage the bot quotes', {
  guildOnly: true,
}).setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild);
for (const part of PARTS) {
  if ('subcommands' in part)
    data.addSubcommandGroup((g) => {
      g.setName(part.name).setDescription(part.description);
      for (const s of part.subcommands) g.addSubcommand((b) => s.define(b.setName(s.name)));
      return g;
    });
  else data.addSubcommand((b) => part.define(b.setName(part.name)));
}

/** A refusal the moderator can act on: its sentence becomes the reply. */
function isModeratorMistake(error: unknown): error is Error {
  return (
    error instanceof CurationError ||
    error instanceof DraftError ||
    error instanceof FetchRefused ||
    error instanceof PendingLimitError ||
    error instanceof FeedError ||
    error instanceof FeedStoreError
  );
}

export const command: SlashCommand = {
  moderation: true,
  data,

  async execute(interaction: ChatInputCommandInteraction, context) {
    const { moderator, refusal } = checkModerator(interaction, context);
    if (moderator === null) {
      await interaction.reply({ ...renderNotice(refusal), flags: MessageFlags.Ephemeral });
      return;
    }
    const subcommand = subcommandOf(interaction.options);
    if (subcommand === undefined) {
      await interaction.reply({
        ...renderNotice('That subcommand is not known here any more.'),
        flags: MessageFlags.Ephemeral,
      });
      return;
    }
    if (!subcommand.deferred) {
      await subcommand.run(interaction, context, moderator);
      return;
    }
    // It may take longer than Discord's three seconds (a fetch, a refresh): acknowledge first.
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    try {
      await subcommand.run(interaction, context, moderator);
    } catch (error) {
      if (!isModeratorMistake(error)) throw error;
      await interaction.editReply(renderNotice(error.message));
    }
  },

  async autocomplete(interaction, context) {
    // Removed files and article ids are for the home servers' moderators only.
    if (checkModerator(interaction, context).moderator === null) {
      await interaction.respond([]);
      return;
    }
    const focused = interaction.options.getFocused(true);
    if (focused.name === 'event') {
      await interaction.respond(eventChoices(context.live.engine, focused.value));
      return;
    }
    const subcommand = subcommandOf(interaction.options);
    await (subcommand?.autocomplete
      ? subcommand.autocomplete(interaction, context)
      : interaction.respond([]));
  },

  components: { ...ADD_COMPONENTS, ...REVIEW_COMPONENTS },
};
