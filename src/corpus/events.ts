/** The events file (`events.json` at the corpus root): what each event id means. */
import { describeIssues, eventsFileSchema } from './schema.ts';
import type { CorpusProblem, CoverageEvent } from './types.ts';

/** Name of the events file at the root of a corpus folder. */
export const EVENTS_FILE = 'events.json';

/** Parses the events file's content; duplicate ids are reported and the first one kept. */
export function parseEvents(content: string): { events: CoverageEvent[]; problems: CorpusProblem[] } {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch (error) {
    return {
      events: [],
      problems: [
        {
          path: EVENTS_FILE,
          line: jsonErrorLine(content, error),
          message: `is not valid JSON: ${(error as Error).message}`,
        },
      ],
    };
  }
  const parsed = eventsFileSchema.safeParse(json);
  if (!parsed.success) {
    return {
      events: [],
      problems: [
        {
          path: EVENTS_FILE,
          line: null,
          message: `is not a valid events list: ${describeIssues(parsed.error)}`,
        },
      ],
    };
  }
  const events: CoverageEvent[] = [];
  const problems: CorpusProblem[] = [];
  for (const event of parsed.data) {
    if (events.some((e) => e.id === event.id)) {
      problems.push({
        path: EVENTS_FILE,
        line: null,
        message: `event id "${event.id}" is defined twice; the first is used`,
      });
      continue;
    }
    events.push(event);
  }
  return { events, problems };
}

/** The 1-based line of a JSON.parse error, from the "position N" V8 puts in its message. */
export function jsonErrorLine(content: string, error: unknown): number | null {
  const match = /position (\d+)/.exec(String((error as Error)?.message ?? ''));
  if (!match) return null;
  return content.slice(0, Number(match[1])).split('\n').length;
}
