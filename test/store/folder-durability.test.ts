import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { FolderStore, removedDir } from '../../src/store/folder-store.ts';

/** Every path opened through node:fs/promises, and those whose handle was flushed to disk. */
const opened = vi.hoisted(() => ({ synced: [] as string[] }));
vi.mock('node:fs/promises', async (original) => {
  const real = await original<typeof import('node:fs/promises')>();
  const open: typeof real.open = async (file, ...rest) => {
    const handle = await real.open(file, ...rest);
    const sync = handle.sync.bind(handle);
    handle.sync = async () => {
      await sync();
      opened.synced.push(String(file));
    };
    return handle;
  };
  return { ...real, open, default: { ...real, open } };
});

const ROOT = path.join(import.meta.dirname, '..', '..');
const work = await mkdtemp(path.join(tmpdir(), 'coverage-durability-'));
afterAll(() => rm(work, { recursive: true, force: true }));

describe('a change to a corpus folder is on disk once it is made', () => {
  it('flushes the folders after their renames and the audit log after its append', async () => {
    const dir = path.join(work, 'corpus');
    await cp(path.join(ROOT, 'corpus'), dir, { recursive: true });
    const article = (await readdir(dir)).find((f) => f.endsWith('.md')) as string;
    const store = new FolderStore(dir, null);
    await store.change(
      async (tx) => {
        await tx.write('2016-09-01-new.md', '---\ntitle: "New"\n---\nNew text.\n');
        await tx.remove(article);
        await tx.audit({ userId: '1', userName: 'mod', action: 'remove', file: article, detail: '' });
      },
      async () => null,
    );
    expect(opened.synced).toContain(dir);
    expect(opened.synced).toContain(removedDir(dir));
    expect(opened.synced).toContain(path.join(dir, 'audit.log'));
  });
});
