/**
 * What each shard serves, for `/corpus status` in a sharded bot: every shard process exposes a
 * small report (and a refresh) on its client; the shard that got the command asks all of them
 * through the sharding manager, waits a bounded time, and lists one line per shard.
 */
import type { Client } from 'discord.js';
import type { LiveEngine } from '../live/live-engine.ts';
import type { Logger } from '../log.ts';

/** One shard's answer: which corpus it serves and how many servers it looks after. */
export interface ShardReport {
  shard: number;
  /** The corpus version ({@link LiveEngine.version}). */
  version: string;
  articles: number;
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

/** How long a refresh waits for the other shards to re-read the corpus (a large one takes seconds). */
export const SHARD_REFRESH_TIMEOUT_MS = 30_000;

/** Every shard's answer, and the shard that asked. */
export interface ShardStatus {
  answers: ShardAnswer[];
  thisShard: number;
}

/** What a shard offers the others: its report, and a refresh of its corpus that ends with the report. */
interface ShardLink {
  report(): ShardReport;
  refresh(): Promise<ShardReport>;
}

/** The client property holding the {@link ShardLink} (read by other shards through broadcastEval). */
const LINK_PROPERTY = 'coverageShardLink';

type LinkedClient = Client & { [LINK_PROPERTY]?: ShardLink };

/**
 * Lets the other shards (and this one) read this shard's report from `client`, and have it catch up
 * with the corpus store (load its current version when it serves another).
 */
export function exposeShardStatus(client: Client, live: LiveEngine): void {
  const report = (): ShardReport => ({
    shard: client.shard?.ids[0] ?? 0,
    version: live.version,
    articles: live.engine.corpus.articles.length,
    passages: live.engine.passageCount,
    guilds: client.guilds.cache.size,
  });
  const link: ShardLink = { report, refresh: () => live.catchUp().then(report) };
  Object.defineProperty(client, LINK_PROPERTY, { value: link, enumerable: false });
}

/**
 * Asks every shard of a sharded `client` for its report (this shard locally, the others through
 * the manager), or, with `refreshOthers`, has the other shards refresh their corpus first. A shard
 * that fails or does not answer within `timeoutMs` is shown as not answering. Undefined when the
 * client is not sharded.
 */
export async function gatherShardStatus(
  client: Client,
  options: { refreshOthers?: boolean; timeoutMs?: number } = {},
): Promise<ShardStatus | undefined> {
  const refreshOthers = options.refreshOthers ?? false;
  const timeoutMs = options.timeoutMs ?? (refreshOthers ? SHARD_REFRESH_TIMEOUT_MS : SHARD_STATUS_TIMEOUT_MS);
  const shards = client.shard;
  if (shards === null) return undefined;
  const method: keyof ShardLink = refreshOthers ? 'refresh' : 'report';
  const ids = Array.from({ length: shards.count }, (_, i) => i);
  const answers = await askShards(
    ids,
    async (id) => {
      if (shards.ids.includes(id)) return (client as LinkedClient)[LINK_PROPERTY]?.report() ?? null;
      // Runs in the other shard's process: the function is sent as text, so it names nothing
      // from this module (the property and the method come in as the context).
      const report = await shards.broadcastEval(
        (c, { property, method }) => {
          const link = (c as unknown as Record<string, ShardLink | undefined>)[property];
          return link ? link[method]() : null;
        },
        { shard: id, context: { property: LINK_PROPERTY, method } },
      );
      return report as ShardReport | null;
    },
    timeoutMs,
  );
  return { answers, thisShard: shards.ids[0] ?? 0 };
}

/**
 * After a change to the corpus on this shard, has the other shards catch up with it (in a sharded
 * bot reading a corpus folder, nothing else tells them; on a database, they usually have already),
 * and logs any that did not follow.
 */
export async function refreshOtherShards(client: Client, logger: Logger): Promise<void> {
  const status = await gatherShardStatus(client, { refreshOthers: true });
  if (status === undefined) return;
  const own = status.answers.find((a) => a.shard === status.thisShard)?.report?.version;
  const behind = status.answers.filter((a) => a.report?.version !== own).map((a) => a.shard);
  if (behind.length > 0)
    logger.warn('shards did not take the corpus change', { shards: behind, version: own });
  else logger.info('all shards refreshed', { shards: status.answers.length, version: own });
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
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
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
    clearTimeout(timer);
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

/** Characters of a version shown to people: a content hash is told apart by its first twelve. */
const SHOWN_VERSION_CHARS = 12;

/** A version as people see it: a database counter whole, a content hash cut to its first twelve characters. */
export function shownVersion(version: string): string {
  return version.slice(0, SHOWN_VERSION_CHARS);
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
      : `${agreeing} serve${agreeing === 1 ? 's' : ''} version \`${shownVersion(majority)}\``,
    ...(differing > 0 ? [`${differing} another version`] : []),
    ...(silent > 0 ? [`${silent} not answering`] : []),
  ];
  const summary =
    differing === 0 && silent === 0 && majority !== null
      ? `**Shards:** all ${answers.length} serve version \`${shownVersion(majority)}\`.`
      : `**Shards:** ${answers.length}: ${parts.join(', ')}.`;
  const lines = answers.map(({ shard, report }) => {
    const name = `Shard ${shard}${shard === thisShard ? ' (this one)' : ''}`;
    if (report === null) return `⚠ ${name}: not answering`;
    const mark = report.version === majority ? '' : '⚠ ';
    return `${mark}${name}: \`${shownVersion(report.version)}\` · ${count(report.articles, 'article', 'articles')} · ${count(report.passages, 'passage', 'passages')} · ${count(report.guilds, 'server', 'servers')}`;
  });
  return [summary, ...lines];
}
