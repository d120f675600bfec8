/**
 * A change to a corpus folder reads the files it wrote and those whose stat changed since the
 * last read (an edit by hand), not every file; a hand edit is still seen.
 */
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { LiveEngine } from '../../src/live/live-engine.ts';
import { corpusCopyPerTest, TRUCE_ARTICLE } from '../core/helpers.ts';

const reads = vi.hoisted(() => [] as string[]);
vi.mock('../../src/util/read-whole.ts', async (original) => {
  const actual = await original<typeof import('../../src/util/read-whole.ts')>();
  return {
    ...actual,
    readWholeFile: (file: string) => {
      reads.push(file);
      return actual.readWholeFile(file);
    },
  };
});

/** Every path statted (the manifest's stat of each article file). */
const stats = vi.hoisted(() => [] as string[]);
vi.mock('node:fs/promises', async (original) => {
  const actual = await original<typeof import('node:fs/promises')>();
  const stat = ((file: string, ...rest: unknown[]) => {
    stats.push(String(file));
    return (actual.stat as (...a: unknown[]) => unknown)(file, ...rest);
  }) as typeof actual.stat;
  return { ...actual, stat, default: { ...actual, stat } };
});

const corpusDir = corpusCopyPerTest();

/** The article files (not the events file) read since `from`. */
const articlesRead = (from: number) => reads.slice(from).filter((f) => !f.endsWith('events.json'));

describe('reading a corpus folder after a change', () => {
  it('a change reads only the file it wrote; a later hand edit of a file, the same length, is read and served', async () => {
    const live = await LiveEngine.open(corpusDir());
    await live.flushPrepare();
    const articles = live.engine.corpus.articles.length;
    expect(articles).toBeGreaterThan(2);
    let from = reads.length;
    await live.change((tx) => tx.write('truce.md', TRUCE_ARTICLE));
    expect(articlesRead(from).map((f) => path.relative(corpusDir(), f))).toEqual(['truce.md']);
    expect(live.engine.ask('What happens at sundown on Eid al-Adha?').results[0]?.docId).toBe('truce');

    // By hand, the same length: only the stat (time, inode) tells it changed.
    from = reads.length;
    await writeFile(path.join(corpusDir(), 'truce.md'), TRUCE_ARTICLE.replace('sundown', 'sunrise'));
    const report = await live.refresh();
    expect(report.updated).toEqual(['truce']);
    expect(articlesRead(from).map((f) => path.relative(corpusDir(), f))).toEqual(['truce.md']);
    expect(live.engine.ask('What happens at sunrise on Eid al-Adha?').results[0]?.docId).toBe('truce');
    await live.close();
  });

  it('a change stats only the files it wrote; a refresh stats every file, and sees a hand edit', async () => {
    const live = await LiveEngine.open(corpusDir());
    await live.flushPrepare();
    const files = (await readdir(corpusDir())).filter((f) => f.endsWith('.md'));
    expect(files.length).toBeGreaterThan(2);
    const articleStats = (from: number) =>
      [...new Set(stats.slice(from))]
        .filter((f) => f.startsWith(corpusDir()) && f.endsWith('.md'))
        .map((f) => path.relative(corpusDir(), f));
    let from = stats.length;
    await live.change((tx) => tx.write('truce.md', TRUCE_ARTICLE));
    expect(articleStats(from)).toEqual(['truce.md']);
    from = stats.length;
    await live.change((tx) => tx.write('truce.md', TRUCE_ARTICLE.replace('sundown', 'dusk')));
    expect(articleStats(from)).toEqual(['truce.md']);
    expect(live.engine.ask('What happens at dusk on Eid al-Adha?').results[0]?.docId).toBe('truce');

    const [edited] = files;
    await writeFile(path.join(corpusDir(), edited as string), TRUCE_ARTICLE.replace('sundown', 'midnight'));
    from = stats.length;
    const report = await live.refresh();
    expect(articleStats(from).sort()).toEqual([...files, 'truce.md'].sort());
    expect(report.updated).toEqual([(edited as string).replace('.md', '')]);
    await live.close();
  });

  it('a change after another process changed the folder reads what that one wrote', async () => {
    const a = await LiveEngine.open(corpusDir());
    const b = await LiveEngine.open(corpusDir());
    await Promise.all([a.flushPrepare(), b.flushPrepare()]);
    await a.change((tx) => tx.write('truce.md', TRUCE_ARTICLE));
    await b.change((tx) => tx.write('talks.md', '---\ntitle: "Talks resume"\n---\nThe talks resume.\n'));
    const ids = b.engine.corpus.articles.map((x) => x.id);
    expect(ids).toContain('truce');
    expect(ids).toContain('talks');
    // And back: a's next change sees b's.
    await a.change((tx) => tx.write('truce.md', TRUCE_ARTICLE.replace('sundown', 'dusk')));
    expect(a.engine.corpus.articles.map((x) => x.id)).toEqual(ids);
    await Promise.all([a.close(), b.close()]);
  });
});
