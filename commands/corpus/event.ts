/** /corpus event create and /corpus event rename. */
import { renderNotice } from '../../src/discord/reply.ts';
import { type CorpusGroup, eventOption } from './subcommand.ts';

export const eventGroup: CorpusGroup = {
  name: 'event',
  description: 'Create or rename events',
  subcommands: [
    {
      name: 'create',
      define: (s) =>
        s
          .setDescription('Create an event')
          .addStringOption((o) =>
            o
              .setName('id')
              .setDescription('Its id, e.g. geneva-sep-2016 (lower case, digits, dashes)')
              .setRequired(true)
              .setMaxLength(60),
          )
          .addStringOption((o) =>
            o.setName('name').setDescription('Its display name').setRequired(true).setMaxLength(100),
          )
          .addStringOption((o) =>
            o.setName('start').setDescription('First day, YYYY-MM-DD').setRequired(true).setMaxLength(10),
          )
          .addStringOption((o) =>
            o.setName('end').setDescription('Last day, YYYY-MM-DD').setRequired(true).setMaxLength(10),
          )
          .addStringOption((o) =>
            o.setName('description').setDescription('One sentence on what happened').setMaxLength(300),
          ),
      deferred: true,
      async run(interaction, context, moderator) {
        const o = interaction.options;
        const event = {
          id: o.getString('id', true).trim(),
          name: o.getString('name', true).trim(),
          start: o.getString('start', true).trim(),
          end: o.getString('end', true).trim(),
          description: o.getString('description')?.trim() ?? '',
        };
        await context.curator.createEvent(event, moderator);
        await interaction.editReply(renderNotice(`Created the event \`${event.id}\`: ${event.name}.`));
      },
    },
    {
      name: 'rename',
      define: (s) =>
        s
          .setDescription('Rename an event (its id stays)')
          .addStringOption((o) => eventOption(o, true))
          .addStringOption((o) =>
            o.setName('name').setDescription('The new name').setRequired(true).setMaxLength(100),
          ),
      deferred: true,
      async run(interaction, context, moderator) {
        const id = interaction.options.getString('event', true);
        await context.curator.renameEvent(id, interaction.options.getString('name', true), moderator);
        await interaction.editReply(renderNotice(`Renamed the event \`${id}\`.`));
      },
    },
  ],
};
