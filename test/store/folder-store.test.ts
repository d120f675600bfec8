import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, stat, utimes } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { Curator } from '../../src/curation/curator.ts';
import { LiveEngine } from '../../src/live/live-engine.ts';
import { changeLockPath, FolderStore, removedDir } from '../../src/store/folder-store.ts';
import { StoreBusyError } from '../../src/store/types.ts';
import { corpusCopyPerTest } from '../core/helpers.ts';

const ROOT = path.join(import.meta.dirname, '..', '..');
const EDITOR = path.join(import.meta.dirname, 'folder-editor.ts');
const who = { id: '1', name: 'mod' };
const event = (id: string) => ({
  id,
  name: `Event ${id}`,
  start: '2016-09-01',
  end: '2016-09-02',
  description: 'A test event.',
});

const corpusDir = corpusCopyPerTest();

async function eventIds(): Promise<string[]> {
  return (JSON.parse(await readFile(path.join(corpusDir(), 'events.json'), 'utf8')) as Array<{ id: string }>)
    .map((e) => e.id)
    .sort();
}

/** Every file of the folder and of its removed-articles folder, with its content. */
async function contents(): Promise<Record<string, string>> {
  const all: Record<string, string> = {};
  for (const folder of [corpusDir(), removedDir(corpusDir())]) {
    let names: string[];
    try {
      names = (await readdir(folder, { recursive: true })) as string[];
    } catch {
      continue;
    }
    for (const name of names) {
      const file = path.join(folder, name);
      if ((await stat(file)).isFile())
        all[path.relative(path.dirname(corpusDir()), file)] = await readFile(file, 'utf8');
    }
  }
  return all;
}

describe('changes to a corpus folder from several processes', () => {
  it('two handles on one folder creating events at once keep both events', async () => {
    const [one, two] = await Promise.all([LiveEngine.open(corpusDir()), LiveEngine.open(corpusDir())]);
    await Promise.all([
      new Curator(one).createEvent(event('from-one'), who),
      new Curator(two).createEvent(event('from-two'), who),
    ]);
    expect(await eventIds()).toEqual(['from-one', 'from-two', 'geneva-aug-2016', 'march-2016-call']);
  });

  it('two processes creating events at once on one folder keep every event', async () => {
    const startAt = String(Date.now() + 6000);
    const run = (prefix: string) =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', EDITOR, corpusDir(), prefix, '3', startAt], {
        cwd: ROOT,
      });
    const outputs = await Promise.all([run('a'), run('b')]);
    expect(outputs.map((o) => o.stdout)).toEqual(['done\n', 'done\n']);
    expect(await eventIds()).toEqual([
      'a-1',
      'a-2',
      'a-3',
      'b-1',
      'b-2',
      'b-3',
      'geneva-aug-2016',
      'march-2016-call',
    ]);
  }, 60_000);

  it('a lock left behind by a process that died is taken over', async () => {
    const lock = changeLockPath(corpusDir());
    await mkdir(lock);
    const longAgo = new Date(Date.now() - 10 * 60_000);
    await utimes(lock, longAgo, longAgo);
    await new Curator(await LiveEngine.open(corpusDir())).createEvent(event('after-crash'), who);
    expect(await eventIds()).toContain('after-crash');
  });

  it('a change waits for another one holding the lock, then gives up with a clear message', async () => {
    await mkdir(changeLockPath(corpusDir()));
    const store = new FolderStore(corpusDir(), null, { lockWaitMs: 300 });
    const before = await contents();
    const change = store.change(
      (tx) => tx.write('events.json', '[]\n'),
      async () => null,
    );
    await expect(change).rejects.toThrow(StoreBusyError);
    await expect(change).rejects.toThrow('Another change to the corpus is still running');
    expect(await contents()).toEqual(before);
  });
});

describe('a change to a corpus folder lands whole or not at all', () => {
  it('a change whose index build fails leaves the folder as it was', async () => {
    const store = new FolderStore(corpusDir(), null);
    const before = await contents();
    const article = (await readdir(corpusDir())).find((f) => f.endsWith('.md')) as string;
    const change = store.change(
      async (tx) => {
        await tx.write('2016-09-01-new.md', '---\ntitle: "New"\n---\nNew text.\n');
        await tx.write('events.json', '[]\n');
        await tx.remove(article);
        await tx.audit({
          userId: '1',
          userName: 'mod',
          action: 'add',
          file: '2016-09-01-new.md',
          detail: 'New',
        });
      },
      async () => {
        throw new Error('the index could not be built');
      },
    );
    await expect(change).rejects.toThrow('the index could not be built');
    expect(await contents()).toEqual(before);
  });

  it('a change whose own step fails undoes the steps before it', async () => {
    const store = new FolderStore(corpusDir(), null);
    const before = await contents();
    const change = store.change(
      async (tx) => {
        await tx.write('events.json', '[]\n');
        await tx.remove('no-such-article.md');
      },
      async () => null,
    );
    await expect(change).rejects.toThrow();
    expect(await contents()).toEqual(before);
  });
});
