import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CORPUS_VERSION_LENGTH } from '../../src/corpus/version.ts';
import { LiveCorpus } from '../../src/live-corpus.ts';
import { CORPUS_DIR, copyOfCorpus } from './helpers.ts';

let dir: string;
let remove: () => Promise<void>;

beforeEach(async () => {
  ({ dir, remove } = await copyOfCorpus());
});
afterEach(() => remove());

describe('the corpus version', () => {
  it('is a short hex identifier, equal for two processes serving the same corpus from different folders', async () => {
    const here = await LiveCorpus.open(dir);
    const there = await LiveCorpus.open(CORPUS_DIR);
    expect(here.version).toMatch(new RegExp(`^[0-9a-f]{${CORPUS_VERSION_LENGTH}}$`));
    expect(here.version).toBe(there.version);
  });

  it('stays the same after a refresh that changed nothing', async () => {
    const live = await LiveCorpus.open(dir);
    const before = live.version;
    await live.refresh();
    expect(live.version).toBe(before);
  });

  it('changes when an article is added, and again when it is removed', async () => {
    const live = await LiveCorpus.open(dir);
    const original = live.version;
    await writeFile(
      path.join(dir, 'truce.md'),
      '---\ntitle: "A truce"\nsource: "Example Wire"\ndate: "2016-09-10"\nevent: geneva-aug-2016\n---\nKerry and Lavrov announced a truce.\n',
    );
    await live.refresh();
    const added = live.version;
    expect(added).not.toBe(original);
    await rm(path.join(dir, 'truce.md'));
    await live.refresh();
    expect(live.version).toBe(original);
  });

  it('changes when only an event is renamed', async () => {
    const live = await LiveCorpus.open(dir);
    const original = live.version;
    const file = path.join(dir, 'events.json');
    const events = JSON.parse(await readFile(file, 'utf8')) as Array<{ name: string }>;
    (events[0] as { name: string }).name = 'Renamed';
    await writeFile(file, JSON.stringify(events));
    await live.refresh();
    expect(live.version).not.toBe(original);
  });
});
