/**
 * What each shard serves, for `/corpus status` in a sharded bot: every shard process exposes a
 * small report on its client; the shard that got the command asks all of them through the
 * sharding manager, waits a bounded time, and lists one line per shard.
 */
import type { Client } from 'discord.js';
import type { LiveCorpus } from '../live-corpus.ts';

/** One shard's answer: which corpus it serves and how many servers it looks after. */
export interface ShardReport {
  shard: number;
  /** The corpus version ({@link LiveCorpus.version}). */
  version: string;
  documents: number;
  passages: number;
  /** Servers (guilds) on this shard. */
  guilds: number;
}

/** A shard and its report, or null when it did not answer in time (dead, respawning, stuck). */
export interface ShardAnswer {
  shard: number;
  report: ShardReport | null;
}

/**
 * How long the status waits for the other shards: long enough for a busy process to answer over
 * IPC (milliseconds normally), short enough that a moderator is not kept waiting by a stuck one.
 */
export const SHARD_STATUS_TIMEOUT_MS = 3_000;

/** The client property holding the report function (read by other shards through broadcastEval). */
const REPORT_PROPERTY = 'coverageShardReport';

type ReportingClient = Client & { [REPORT_PROPERTY]?: () => ShardReport };

/** Lets the other shards (and this one) read this shard's report from `client`. */
export function exposeShardStatus(client: Client, live: LiveCorpus): void {
  const report = (): ShardReport => ({
    shard: client.shard?.ids[0] ?? 0,
    version: live.version,
    documents: live.index.corpus.articles.length,
    passages: live.index.passageCount,
    guilds: client.guilds.cache.size,
  });
  Object.defineProperty(client, REPORT_PROPERTY, { value: report, enumerable: false });
}

/**
 * Asks every shard of a sharded `client` for its report (its own shards locally, the others
 * through the manager); a shard that fails or does not answer within `timeoutMs` is null.
 */
export function gatherShardStatus(
  client: Client,
  timeoutMs = SHARD_STATUS_TIMEOUT_MS,
): Promise<ShardAnswer[]> {
  const shards = client.shard;
  if (shards === null) throw new Error('shard-status: the client is not sharded');
  const ids = Array.from({ length: shards.count }, (_, i) => i);
  return askShards(
    ids,
    async (id) => {
      if (shards.ids.includes(id)) return (client as ReportingClient)[REPORT_PROPERTY]?.() ?? null;
      // Runs in the other shard's process: the function is sent as text, so it names nothing
      // from this module (the property comes in as the context).
      const report = await shards.broadcastEval(
        (c, property) => {
          const fn = (c as unknown as Record<string, unknown>)[property];
          return typeof fn === 'function' ? (fn as () => ShardReport)() : null;
        },
        { shard: id, context: REPORT_PROPERTY },
      );
      return report as ShardReport | null;
    },
    timeoutMs,
  );
}

/**
 * Asks each shard with `ask`, all at once, and resolves within about `timeoutMs` whatever happens:
 * an answer that throws, is null or comes too late counts as not answering. Ordered by shard id.
 */
export async function askShards(
  ids: number[],
  ask: (id: number) => Promise<ShardReport | null>,
  timeoutMs: number,
): Promise<ShardAnswer[]> {
  const timers: NodeJS.Timeout[] = [];
  const late = new Promise<null>((resolve) => {
    timers.push(setTimeout(() => resolve(null), timeoutMs));
  });
  try {
    return await Promise.all(
      [...ids]
        .sort((a, b) => a - b)
        .map(async (shard) => ({
          shard,
          report: await Promise.race([ask(shard).catch(() => null), late]),
        })),
    );
  } finally {
    for (const timer of timers) clearTimeout(timer);
  }
}

/**
 * The version most answering shards serve; a tie goes to `preferred` (this shard's) when it is
 * among the most common, else to the version of the lowest shard. Null when no shard answered.
 */
export function majorityVersion(answers: ShardAnswer[], preferred: string | null): string | null {
  const counts = new Map<string, number>();
  for (const { report } of answers)
    if (report) counts.set(report.version, (counts.get(report.version) ?? 0) + 1);
  const most = Math.max(0, ...counts.values());
  if (most === 0) return null;
  if (preferred !== null && counts.get(preferred) === most) return preferred;
  return [...counts].find(([, n]) => n === most)?.[0] ?? null;
}

/** "1 server", "2 servers". */
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The status lines for a sharded bot: a summary, then one line per shard; ⚠ marks a shard serving
 * another version than the majority, and one that does not answer. `thisShard` is the shard that
 * took the command.
 */
export function shardStatusLines(answers: ShardAnswer[], thisShard: number): string[] {
  const own = answers.find((a) => a.shard === thisShard)?.report?.version ?? null;
  const majority = majorityVersion(answers, own);
  const silent = answers.filter((a) => a.report === null).length;
  const differing = answers.filter((a) => a.report !== null && a.report.version !== majority).length;
  const agreeing = answers.length - silent - differing;
  const parts = [
    majority === null
      ? 'none answered'
      : `${agreeing} serve${agreeing === 1 ? 's' : ''} version \`${majority}\``,
    ...(differing > 0 ? [`${differing} another version`] : []),
    ...(silent > 0 ? [`${silent} not answering`] : []),
  ];
  const summary =
    differing === 0 && silent === 0 && majority !== null
      ? `**Shards:** all ${answers.length} serve version \`${majority}\`.`
      : `**Shards:** ${answers.length}: ${parts.join(', ')}.`;
  const lines = answers.map(({ shard, report }) => {
    const name = `Shard ${shard}${shard === thisShard ? ' (this one)' : ''}`;
    if (report === null) return `⚠ ${name}: not answering`;
    const mark = report.version === majority ? '' : '⚠ ';
    return `${mark}${name}: \`${report.version}\` · ${count(report.documents, 'article', 'articles')} · ${count(report.passages, 'passage', 'passages')} · ${count(report.guilds, 'server', 'servers')}`;
  });
  return [summary, ...lines];
}
