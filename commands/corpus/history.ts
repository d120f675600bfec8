/** /corpus history and /corpus report: what was changed, and what the coverage lacks. */
import { MessageFlags } from 'discord.js';
import { coverageReport } from '../../src/curation/coverage-report.ts';
import { renderHistory } from '../../src/discord/render-moderation.ts';
import { renderCoverageReport } from '../../src/discord/render-report.ts';
import type { CorpusSubcommand } from './subcommand.ts';

/** The period /corpus report covers unless told. */
const REPORT_DAYS = 30;

export const history: CorpusSubcommand = {
  name: 'history',
  define: (s) =>
    s
      .setDescription('The latest changes to the corpus')
      .addIntegerOption((o) =>
        o.setName('count').setDescription('How many (default 10)').setMinValue(1).setMaxValue(50),
      ),
  deferred: false,
  async run(interaction, context) {
    const entries = await context.curator.history(interaction.options.getInteger('count') ?? 10);
    await interaction.reply({ ...renderHistory(entries), flags: MessageFlags.Ephemeral });
  },
};

export const report: CorpusSubcommand = {
  name: 'report',
  define: (s) =>
    s
      .setDescription('What the coverage lacks: questions most asked, not answered, voted down')
      .addIntegerOption((o) =>
        o
          .setName('days')
          .setDescription(`Over how many days (default ${REPORT_DAYS})`)
          .setMinValue(1)
          .setMaxValue(365),
      ),
  deferred: false,
  async run(interaction, context) {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const days = interaction.options.getInteger('days') ?? REPORT_DAYS;
    const since = new Date(Date.now() - days * 86_400_000).toISOString();
    const [questions, votes] = await Promise.all([
      context.memberData.questions(since),
      context.memberData.votes(since),
    ]);
    await interaction.editReply(
      renderCoverageReport(coverageReport(questions, votes), days, context.config.questionLog),
    );
  },
};
