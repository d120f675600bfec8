import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CurationError, Curator } from '../../src/curation/curator.ts';
import { LiveCorpus } from '../../src/live-corpus.ts';
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
    const live = await LiveCorpus.open(dir);
    const changes: string[] = [];
    const curator = new Curator(live, () => changes.push(live.version));
    const [article] = curator.removable();
    await expect(curator.remove('no-such-article', moderator)).rejects.toBeInstanceOf(CurationError);
    expect(changes).toEqual([]);
    await curator.remove(article?.id ?? '', moderator);
    expect(changes).toEqual([live.version]);
  });
});
