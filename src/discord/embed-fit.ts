/** Fitting embeds inside Discord's limits: fields dropped, lines joined while they fit. */
import type { APIEmbed } from 'discord.js';
import {
  EMBED_DESCRIPTION_MAX,
  EMBED_FIELD_NAME_MAX,
  EMBED_FIELD_VALUE_MAX,
  EMBED_FIELDS_MAX,
  EMBED_FOOTER_MAX,
  EMBED_TITLE_MAX,
  EMBED_TOTAL_MAX,
  truncate,
} from './limits.ts';

/** Joins lines with newlines, leaving out whole lines that would pass `max` (and saying how many). */
export function joinWithin(lines: string[], max: number): string {
  const kept: string[] = [];
  let length = 0;
  for (const [i, line] of lines.entries()) {
    const note = `… and ${lines.length - i} more`;
    if (length + line.length + 1 > max - note.length - 1) {
      kept.push(note);
      break;
    }
    kept.push(line);
    length += line.length + 1;
  }
  return kept.join('\n');
}

/** Cuts an embed's parts to their limits and the whole to EMBED_TOTAL_MAX. */
export function fitEmbed(embed: APIEmbed): APIEmbed {
  const out: APIEmbed = { ...embed };
  if (out.title) out.title = truncate(out.title, EMBED_TITLE_MAX);
  if (out.description) out.description = truncate(out.description, EMBED_DESCRIPTION_MAX);
  if (out.footer) out.footer = { ...out.footer, text: truncate(out.footer.text, EMBED_FOOTER_MAX) };
  if (out.fields) {
    out.fields = out.fields.slice(0, EMBED_FIELDS_MAX).map((f) => ({
      ...f,
      name: truncate(f.name, EMBED_FIELD_NAME_MAX),
      value: truncate(f.value, EMBED_FIELD_VALUE_MAX),
    }));
  }
  while (embedLength(out) > EMBED_TOTAL_MAX) {
    if (out.fields && out.fields.length > 1) out.fields = out.fields.slice(0, -1);
    else if (out.description)
      out.description = truncate(
        out.description,
        Math.max(1, out.description.length - (embedLength(out) - EMBED_TOTAL_MAX)),
      );
    else break;
  }
  return out;
}

/** The characters Discord counts toward an embed's 6,000. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}
