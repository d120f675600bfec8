/** /timeline: an event's articles in date order. */
import { MessageFlags } from 'discord.js';
import { commandBuilder } from '../src/discord/builders.ts';
import { eventChoices } from '../src/discord/choices.ts';
import type { SlashCommand } from '../src/discord/context.ts';
import { renderTimeline } from '../src/discord/render-catalog.ts';
import { renderNotice } from '../src/discord/reply.ts';

export const command: SlashCommand = {
  data: commandBuilder('timeline', "An event's articles in date order").addStringOption((o) =>
    o.setName('event').setDescription('The event').setRequired(true).setAutocomplete(true),
  ),
  async execute(interaction, context) {
    const id = interaction.options.getString('event', true).trim();
    const index = context.live.engine;
    const event = index.events().find((e) => e.id === id);
    if (event === undefined) {
      const known = index.events().map((e) => `\`${e.id}\``);
      await interaction.reply({
        ...renderNotice(
          `There is no event \`${id.slice(0, 60)}\`. Pick one of ${known.join(', ') || '(none yet)'}.`,
        ),
        flags: MessageFlags.Ephemeral,
      });
      return;
    }
    await interaction.reply(renderTimeline(event, index.timeline(id)));
  },
  async autocomplete(interaction, context) {
    await interaction.respond(eventChoices(context.live.engine, interaction.options.getFocused()));
  },
};
