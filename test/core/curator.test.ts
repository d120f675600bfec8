import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CurationError, Curator } from '../../src/curation/curator.ts';
import { LiveEngine } from '../../src/live/live-engine.ts';
import { copyOfCorpus } from './helpers.ts';

let dir: string;
let remove: () => Promise<void>;

beforeEach(async () => {
  ({ dir, remove } = await copyOfCorpus());
});
afterEach(() => remove());

const moderator = { id: '1', name: 'mod' };

describe('the curator', () => {
  it('says when a change went through (for the other shards), and not when it was refused', async () => {
    const live = await LiveEngine.open(dir);
    const changes: string[] = [];
    const curator = new Curator(live, () => changes.push(live.version));
    const [article] = curator.removable();
    await expect(curator.remove('no-such-article', moderator)).rejects.toBeInstanceOf(CurationError);
    expect(changes).toEqual([]);
    await curator.remove(article?.id ?? '', moderator);
    expect(changes).toEqual([live.version]);
  });
});

describe('every write is checked with the loader’s schema first', () => {
  it('refuses to rename an event to a blank name, and every event and article stays served', async () => {
    const live = await LiveEngine.open(dir);
    const curator = new Curator(live);
    const eventsBefore = await readFile(path.join(dir, 'events.json'), 'utf8');
    const served = live.engine.corpus.events.map((e) => e.name);
    const [event] = live.engine.corpus.events;
    const refused = curator.renameEvent(event?.id ?? '', '   ', moderator);
    await expect(refused).rejects.toBeInstanceOf(CurationError);
    await expect(refused).rejects.toThrow(
      `The event \`${event?.id}\` cannot be written: name: must not be empty. Nothing was changed.`,
    );
    expect(await readFile(path.join(dir, 'events.json'), 'utf8')).toBe(eventsBefore);
    await live.refresh();
    expect(live.engine.corpus.events.map((e) => e.name)).toEqual(served);
    expect(live.engine.corpus.problems).toEqual([]);
    expect(await curator.history(5)).toEqual([]);
  });

  it('refuses to write an article the loader would skip (a date that is no real day), writing nothing', async () => {
    const live = await LiveEngine.open(dir);
    const curator = new Curator(live);
    const files = await readdir(dir);
    const draft = {
      title: 'A page with an impossible date',
      source: 'Example Wire',
      date: '2016-13-45',
      dateApprox: false,
      url: null,
      event: null,
      language: 'en',
      text: 'An aid convoy reached the eastern districts of Aleppo on Tuesday. '.repeat(5),
    };
    await expect(curator.add(draft, moderator)).rejects.toThrow(
      'The article cannot be written: date: must be a real date written as YYYY-MM-DD. Nothing was changed.',
    );
    expect(await readdir(dir)).toEqual(files);
  });
});
