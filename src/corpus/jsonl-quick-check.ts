/**
 * A cheap check of the common shape of a JSONL record, giving what `jsonlRecordSchema` would give
 * without zod's per-field machinery. Anything unusual (a field of another type, a value the schema
 * would reject or change in a way not handled here) returns null, and the caller validates with
 * the schema itself: every error and its message still comes from zod.
 */
import { isValidDate } from './dates.ts';
import { EVENT_ID, type JsonlRecord, jsonlRecordSchema } from './schema.ts';
import { articleUrl } from './urls.ts';

/** What `jsonlRecordSchema` keeps of `text`: at least one character that is not white space. */
const NOT_SPACE = /\S/;

/** Marks a field the fast path cannot decide, so the schema must. */
const UNSURE = Symbol('unsure');

/** `source` and `language`: trimmed, empty as null; null or absent as null. */
function optionalText(value: unknown): string | null | typeof UNSURE {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') return UNSURE;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** A field checked by `valid` as given (not trimmed); null or absent as null. */
function checked(value: unknown, valid: (s: string) => boolean): string | null | typeof UNSURE {
  if (value === undefined || value === null) return null;
  return typeof value === 'string' && valid(value) ? value : UNSURE;
}

/** `url`: the schema's stored form of an http(s) URL; null or absent as null. */
function httpUrl(value: unknown): string | null | typeof UNSURE {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') return UNSURE;
  return articleUrl(value) ?? UNSURE;
}

/**
 * The record `jsonlRecordSchema.parse(value)` returns, when `value` plainly passes it (an object
 * with a string id and title, text that is not blank, optional fields absent, null or of their
 * usual valid form); otherwise null, and the schema must decide.
 */
export function fastJsonlRecord(value: unknown): JsonlRecord | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const r = value as Record<string, unknown>;
  const { id, title, text, dateApprox } = r;
  if (typeof id !== 'string' || typeof title !== 'string' || typeof text !== 'string') return null;
  const trimmedId = id.trim();
  const trimmedTitle = title.trim();
  if (trimmedId === '' || trimmedTitle === '' || !NOT_SPACE.test(text)) return null;
  if (dateApprox !== undefined && typeof dateApprox !== 'boolean') return null;
  const source = optionalText(r.source);
  const language = optionalText(r.language);
  const date = checked(r.date, isValidDate);
  const url = httpUrl(r.url);
  const event = checked(r.event, (s) => EVENT_ID.test(s));
  if (source === UNSURE || language === UNSURE || date === UNSURE || url === UNSURE || event === UNSURE)
    return null;
  const record: JsonlRecord = {
    id: trimmedId,
    title: trimmedTitle,
    text,
    source,
    date,
    dateApprox: dateApprox ?? false,
    url,
    event,
    language,
  };
  // Other keys are kept as they are, as the schema keeps them (a spread here would cost more than
  // the whole check: objects built by spreading and then overriding keys are slow in V8).
  for (const key in r) {
    if (!Object.hasOwn(r, key) || Object.hasOwn(record, key)) continue;
    if (key === '__proto__') return null;
    record[key] = r[key];
  }
  return record;
}

/**
 * Validates one JSONL record like `jsonlRecordSchema.safeParse`, with the same result: the fast
 * path for a plainly good record, the schema (and its messages) for everything else.
 */
export function parseJsonlRecord(value: unknown): ReturnType<typeof jsonlRecordSchema.safeParse> {
  const data = fastJsonlRecord(value);
  return data === null ? jsonlRecordSchema.safeParse(value) : { success: true, data };
}
