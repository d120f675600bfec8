/** /corpus refresh and /corpus status: re-reading the corpus, and what it holds now. */
import { MessageFlags } from 'discord.js';
import { renderRefresh, renderStatus } from '../../src/discord/render-moderation.ts';
import { gatherShardStatus } from '../../src/discord/shard-status.ts';
import type { CorpusSubcommand } from './subcommand.ts';

export const refresh: CorpusSubcommand = {
  name: 'refresh',
  define: (s) => s.setDescription('Re-read the corpus (its folder or database) and swap in the new index'),
  deferred: true,
  async run(interaction, context, moderator) {
    const report = await context.live.refresh();
    // In a sharded bot, every shard re-reads the corpus, and the reply lists what each serves.
    const shards = await gatherShardStatus(interaction.client, { refreshOthers: true });
    context.logger.info('corpus refreshed', {
      guild: interaction.guildId,
      user: moderator.id,
      ok: report.ok,
      articles: report.articles,
      problems: report.problems.length,
    });
    await interaction.editReply(renderRefresh(report, shards));
  },
};

export const status: CorpusSubcommand = {
  name: 'status',
  define: (s) => s.setDescription('What the corpus holds now, and its problems'),
  deferred: false,
  async run(interaction, context) {
    const live = context.live;
    const index = live.engine;
    const sharding = interaction.client.shard;
    // Other shards answer within SHARD_STATUS_TIMEOUT_MS, which may pass Discord's three seconds.
    if (sharding) await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const status = renderStatus({
      articles: index.corpus.articles.length,
      passages: index.passageCount,
      events: index.corpus.events.length,
      from: `${live.opened.from} in ${live.opened.ms.toFixed(0)} ms`,
      version: live.version,
      store: live.store.kind === 'postgres' ? 'PostgreSQL store, shared' : 'corpus folder',
      problems: index.corpus.problems,
      lastRefresh: live.lastReport,
      shards: await gatherShardStatus(interaction.client),
    });
    if (sharding) await interaction.editReply(status);
    else await interaction.reply({ ...status, flags: MessageFlags.Ephemeral });
  },
};
