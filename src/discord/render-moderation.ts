/** Moderators' replies: a refresh or change report, the bot's status, an add preview, the history. */
import { type APIEmbed, ButtonStyle, ComponentType } from 'discord.js';
import { formatDate, formatSource } from '../answer/wording.ts';
import type { CorpusProblem } from '../corpus/types.ts';
import { type ArticleDraft, missingMetadata } from '../curation/draft.ts';
import type { AuditEntry } from '../store/audit-log.ts';
import type { ChangeReport } from '../store/change-report.ts';
import { fitEmbed, joinWithin } from './embed-fit.ts';
import { escapeCorpusText } from './escape.ts';
import { EMBED_DESCRIPTION_MAX, truncate } from './limits.ts';
import { feedAddress } from './render-feeds.ts';
import { ACCENT, type ReplyPayload, reply } from './reply.ts';
import { type ShardStatus, shardStatusLines, shownVersion } from './shard-status.ts';

function problemLine(p: CorpusProblem): string {
  return `\`${escapeCorpusText(`${p.path}${p.line === null ? '' : `:${p.line}`}`)}\` ${escapeCorpusText(p.message)}`;
}

/** What a refresh changed, or why it failed and that the previous index still serves. */
export function renderRefresh(report: ChangeReport, shards?: ShardStatus): ReplyPayload {
  const list = (ids: string[]) =>
    ids.length === 0 ? 'none' : truncate(ids.map((id) => escapeCorpusText(id)).join(', '), 300);
  const lines = report.ok
    ? [
        `Now serving **${report.articles}** articles, **${report.passages}** passages (${(report.durationMs / 1000).toFixed(2)} s).`,
        `Added: ${list(report.added)}`,
        `Updated: ${list(report.updated)}`,
        `Removed: ${list(report.removed)}`,
      ]
    : [
        `Refresh failed: ${escapeCorpusText(report.error ?? 'unknown error')}`,
        `Still serving **${report.articles}** articles.`,
      ];
  // Before the problems, which may be many: what each shard serves must not be cut.
  if (shards) lines.push('', ...shardStatusLines(shards.answers, shards.thisShard));
  if (report.problems.length > 0) {
    lines.push(
      '',
      `**${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}** (skipped; the rest is served):`,
    );
    lines.push(...report.problems.map(problemLine));
  }
  const embed: APIEmbed = {
    color: report.ok ? 0x22c55e : 0xef4444,
    title: report.ok ? 'Corpus refreshed' : 'Corpus not refreshed',
    description: joinWithin(lines, EMBED_DESCRIPTION_MAX),
  };
  return reply({ embeds: [fitEmbed(embed)] });
}

/** The live corpus at a glance: size, where it came from, last refresh, problems. */
export function renderStatus(status: {
  articles: number;
  passages: number;
  events: number;
  from: string;
  /** The corpus version this process serves. */
  version: string;
  /** Where the corpus lives, for people ("folder …", "PostgreSQL …"). */
  store: string;
  problems: CorpusProblem[];
  lastRefresh: ChangeReport | null;
  /** In a sharded bot: every shard's answer, and the shard that took the command. */
  shards?: ShardStatus | undefined;
}): ReplyPayload {
  const lines = [
    `**${status.articles}** articles, **${status.passages}** passages, **${status.events}** events (index ${status.from}).`,
    `Version \`${shownVersion(status.version)}\` (${status.store}).`,
    status.lastRefresh === null
      ? 'No refresh since start.'
      : `Last refresh: ${status.lastRefresh.ok ? 'succeeded' : `failed (${escapeCorpusText(status.lastRefresh.error ?? '')})`}.`,
  ];
  if (status.shards) lines.push('', ...shardStatusLines(status.shards.answers, status.shards.thisShard));
  if (status.problems.length > 0)
    lines.push('', `**${status.problems.length} problem(s):**`, ...status.problems.map(problemLine));
  return reply({
    embeds: [
      fitEmbed({
        color: ACCENT,
        title: 'Corpus status',
        description: joinWithin(lines, EMBED_DESCRIPTION_MAX),
      }),
    ],
  });
}

/** The preview of an article to add, with what could not be found, and Confirm / Cancel. */
export function renderAddPreview(
  draft: ArticleDraft,
  pendingId: string,
  eventName: string | null,
): ReplyPayload {
  const words = draft.text.split(/\s+/).filter(Boolean).length;
  const firstLines = truncate(draft.text.split('\n\n').slice(0, 2).join('\n\n'), 700);
  const missing = missingMetadata(draft);
  const lines = [
    `**${escapeCorpusText(draft.title)}**`,
    `Outlet: ${escapeCorpusText(formatSource(draft.source))} · Date: ${formatDate(draft.date, draft.dateApprox)} · Event: ${escapeCorpusText(eventName ?? draft.event ?? 'none')}`,
    `Link: ${draft.url ? escapeCorpusText(draft.url) : 'none'} · Language: ${draft.language ?? 'unknown'} · ${words} words`,
    '',
    escapeCorpusText(firstLines),
  ];
  if (missing.length > 0)
    lines.push('', `Not found: ${missing.join(', ')} (stored as unknown; give them as options to set them).`);
  return reply({
    embeds: [fitEmbed({ color: ACCENT, title: 'Add this article?', description: lines.join('\n') })],
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.Button,
            style: ButtonStyle.Success,
            label: 'Confirm',
            custom_id: `${ADD_PREFIX}confirm:${pendingId}`,
          },
          {
            type: ComponentType.Button,
            style: ButtonStyle.Secondary,
            label: 'Cancel',
            custom_id: `${ADD_PREFIX}cancel:${pendingId}`,
          },
        ],
      },
    ],
  });
}

/** custom_id prefix of the add preview's buttons: `add:confirm:<id>` / `add:cancel:<id>`. */
export const ADD_PREFIX = 'add:';

/** The latest changes, one line each. */
export function renderHistory(entries: AuditEntry[]): ReplyPayload {
  const lines = entries.map(
    (e) =>
      `\`${e.at.slice(0, 16).replace('T', ' ')}\` **${escapeCorpusText(e.userName)}** (${e.userId}) ${e.action}${e.file ? ` \`${escapeCorpusText(e.file)}\`` : ''}${e.detail ? ` — ${escapeCorpusText(truncate(e.detail, 120))}` : ''}${e.feed ? ` · from ${feedAddress(e.feed)}` : ''}`,
  );
  return reply({
    embeds: [
      fitEmbed({
        color: ACCENT,
        title: 'Corpus history',
        description: lines.length > 0 ? joinWithin(lines, EMBED_DESCRIPTION_MAX) : 'No change yet.',
      }),
    ],
  });
}
