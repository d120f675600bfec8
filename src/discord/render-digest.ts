/** The daily feed digest as one channel message, and its sending. */
import type { Client } from 'discord.js';
import { formatSource } from '../answer/wording.ts';
import type { DigestContents } from '../curation/feeds/digest.ts';
import { escapeCorpusText } from './escape.ts';
import { MESSAGE_CONTENT_MAX, truncate } from './limits.ts';
import { feedAddress } from './render-feeds.ts';
import { type ReplyPayload, reply } from './reply.ts';

/** Articles listed per part at most; the rest are counted. */
const LISTED_MAX = 10;

function listed(lines: string[]): string[] {
  const shown = lines.slice(0, LISTED_MAX);
  return lines.length > shown.length ? [...shown, `…and ${lines.length - shown.length} more`] : shown;
}

/** The digest: the articles feeds added (with their feed) and the articles waiting for review. */
export function renderDigest(digest: DigestContents): ReplyPayload {
  const added = digest.added.map(
    (e) =>
      `• ${escapeCorpusText(truncate(e.detail || (e.file ?? ''), 150))}${e.feed ? ` — from ${feedAddress(e.feed)}` : ''}`,
  );
  const waiting = digest.waiting.map(
    (q) => `• ${escapeCorpusText(truncate(`${q.draft.title} — ${formatSource(q.draft.source)}`, 150))}`,
  );
  const lines = [
    `**Feeds in the last day** (since <t:${Math.floor(Date.parse(digest.since) / 1000)}:f>)`,
    `Added (${added.length}):`,
    ...(added.length === 0 ? ['• nothing'] : listed(added)),
    `Waiting for \`/corpus review\` (${waiting.length}):`,
    ...(waiting.length === 0 ? ['• nothing'] : listed(waiting)),
  ];
  return reply({ content: truncate(lines.join('\n'), MESSAGE_CONTENT_MAX) });
}

/** Posts the digest in the channel `channelId`; rejects when the channel cannot be written to. */
export async function sendDigest(client: Client, channelId: string, digest: DigestContents): Promise<void> {
  const channel = client.channels.cache.get(channelId) ?? (await client.channels.fetch(channelId));
  if (channel === null || !channel.isSendable())
    throw new Error(`FEED_DIGEST_CHANNEL_ID ${channelId} is not a channel the bot can post in.`);
  await channel.send(renderDigest(digest));
}
