/**
 * A corpus put together again after a change from the files that changed only (ParsedFiles.corpus)
 * is the corpus a fresh load of the same files gives: articles, order, problems, events.
 */
import { describe, expect, it } from 'vitest';
import { corpusFromSnapshot } from '../../src/corpus/load.ts';
import { ParsedFiles } from '../../src/corpus/parsed-files.ts';
import type { CorpusSnapshot } from '../../src/corpus/types.ts';
import { seededRandom } from '../seeded-random.ts';

const EVENT_IDS = ['talks', 'summit', 'strike'];

function eventsFile(ids: string[]): string {
  return JSON.stringify(
    ids.map((id) => ({ id, name: id, start: '2016-08-26', end: '2016-08-27', description: '' })),
  );
}

function markdown(id: number, event: string): string {
  return `---\ntitle: "Article ${id}"\nsource: "Outlet ${id % 3}"\ndate: "2016-08-26"\nevent: ${event}\n---\nThe ministers met, time ${id}.\n`;
}

function jsonl(ids: number[], event: string): string {
  return ids
    .map((i) => JSON.stringify({ id: `line-${i}`, title: `Line ${i}`, text: `Text ${i}.`, event }))
    .join('\n');
}

describe('a corpus assembled again after a change', () => {
  it('after random adds, edits, removals, duplicate ids and event changes, equals a fresh load of the same files', () => {
    const rand = seededRandom(17);
    const pick = <T>(list: T[]): T => list[Math.floor(rand() * list.length)] as T;
    const files = new Map<string, string>();
    let events = EVENT_IDS.slice(0, 2);
    for (let i = 0; i < 12; i++)
      files.set(`a/${String(i).padStart(2, '0')}.md`, markdown(i, pick(EVENT_IDS)));
    files.set('bulk.jsonl', jsonl([1, 2, 3], 'talks'));
    const parsed = new ParsedFiles();
    for (let step = 0; step < 120; step++) {
      const roll = rand();
      const paths = [...files.keys()];
      if (roll < 0.3) files.set(`b/${step}.md`, markdown(100 + step, pick(EVENT_IDS)));
      else if (roll < 0.5 && paths.length > 1) files.delete(pick(paths));
      else if (roll < 0.7) files.set(pick(paths), markdown(Math.floor(rand() * 200), pick(EVENT_IDS)));
      else if (roll < 0.8)
        files.set(`c/${step}.jsonl`, jsonl([Math.floor(rand() * 6), step], pick(EVENT_IDS)));
      else if (roll < 0.9) files.set('bulk.jsonl', jsonl([1, 2, step], pick(EVENT_IDS)));
      else events = EVENT_IDS.filter(() => rand() < 0.7);
      const snapshot: CorpusSnapshot = {
        version: String(step),
        events: eventsFile(events),
        files: [...files]
          .map(([path, content]) => ({ path, content }))
          .sort((x, y) => (x.path < y.path ? -1 : 1)),
        problems: [],
      };
      expect(parsed.corpus('test', snapshot), `step ${step}`).toEqual(corpusFromSnapshot('test', snapshot));
    }
  });
});
