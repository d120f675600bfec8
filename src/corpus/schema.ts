/**
 * The shapes of what the corpus folder holds, validated with zod: article front matter, JSONL
 * records and the events file. Messages are written for the person fixing the file.
 */
import { z } from 'zod';
import { isValidDate } from './dates.ts';
import { ARTICLE_URL_RULE, articleUrl } from './urls.ts';

/** A YYYY-MM-DD date string of a real day (front matter's YAML reads dates as strings, quoted or not). */
const isoDate = z.string().refine(isValidDate, { message: 'must be a real date written as YYYY-MM-DD' });

const optionalText = z
  .string()
  .trim()
  .transform((s) => (s === '' ? null : s))
  .nullable()
  .optional()
  .transform((s) => s ?? null);

/** An article's address, stored as `new URL(u).href`; one that could end a link is refused. */
const httpUrl = z
  .string()
  .refine((s) => articleUrl(s) !== null, { message: ARTICLE_URL_RULE })
  .transform((s) => articleUrl(s) as string)
  .nullable()
  .optional()
  .transform((s) => s ?? null);

/** An event id: lower case letters, digits and dashes, not starting with a dash. */
export const EVENT_ID = /^[a-z0-9][a-z0-9-]*$/;

const eventId = z
  .string()
  .regex(EVENT_ID, {
    message: 'must be an event id such as geneva-aug-2016 (lower case, digits, dashes)',
  })
  .nullable()
  .optional()
  .transform((s) => s ?? null);

/** Metadata every article carries, whether from front matter or a JSONL record. */
const articleMetadata = {
  title: z.string().trim().min(1, { message: 'is required' }),
  source: optionalText,
  date: isoDate
    .nullable()
    .optional()
    .transform((s) => s ?? null),
  dateApprox: z.boolean().optional().default(false),
  url: httpUrl,
  event: eventId,
  language: optionalText,
};

/** Front matter of a Markdown article. Unknown keys (notes, provenance) are allowed and ignored. */
export const frontMatterSchema = z.looseObject(articleMetadata);
export type FrontMatter = z.infer<typeof frontMatterSchema>;

const NOT_SPACE = /\S/;

/** One line of a `.jsonl` bulk import. */
export const jsonlRecordSchema = z.looseObject({
  id: z.union([z.string().trim().min(1), z.number()]).transform(String),
  // Not only white space (\S is what trim() keeps); read up to the first other character, no copy.
  text: z.string().refine((s) => NOT_SPACE.test(s), { message: 'must not be empty' }),
  ...articleMetadata,
});
export type JsonlRecord = z.infer<typeof jsonlRecordSchema>;

/** One event of the events file. */
export const eventSchema = z
  .object({
    id: z.string().regex(EVENT_ID, { message: 'must be lower case letters, digits and dashes' }),
    name: z.string().trim().min(1, { message: 'must not be empty' }),
    start: isoDate,
    end: isoDate,
    description: z.string().trim().default(''),
  })
  .refine((e) => e.start <= e.end, { message: 'start must not be after end', path: ['end'] });

/** The events file: an array of events. */
export const eventsFileSchema = z.array(eventSchema);

/** Formats zod issues as one line: "date: must be a real date written as YYYY-MM-DD; title: is required". */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
      return `${where}${issue.message}`;
    })
    .join('; ');
}

/** The first path segment of each issue (the field names at fault). */
export function issueFields(error: z.ZodError): string[] {
  return error.issues.map((issue) => String(issue.path[0] ?? ''));
}
