import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomicSync } from '../../src/util/atomic-write.ts';
import { BoundedMemo } from '../../src/util/bounded-memo.ts';
import { SerialQueue } from '../../src/util/serial-queue.ts';

describe('SerialQueue', () => {
  it('runs tasks one at a time in order, and a failure does not stop the next', async () => {
    const queue = new SerialQueue();
    const log: string[] = [];
    const task =
      (name: string, ms: number, fail = false) =>
      () =>
        new Promise<string>((resolve, reject) => {
          log.push(`start ${name}`);
          setTimeout(() => {
            log.push(`end ${name}`);
            fail ? reject(new Error(name)) : resolve(name);
          }, ms);
        });
    const a = queue.run(task('a', 20));
    const b = queue.run(task('b', 1, true));
    const c = queue.run(task('c', 1));
    await expect(a).resolves.toBe('a');
    await expect(b).rejects.toThrow('b');
    await expect(c).resolves.toBe('c');
    await queue.idle();
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });
});

describe('BoundedMemo', () => {
  it('computes a key once, and forgets all when full', () => {
    const memo = new BoundedMemo<string, number>(2);
    let calls = 0;
    const length = (s: string) => {
      calls++;
      return s.length;
    };
    expect([memo.get('ab', length), memo.get('ab', length), memo.get('abc', length)]).toEqual([2, 2, 3]);
    expect(calls).toBe(2);
    expect(memo.get('abcd', length)).toBe(4);
    expect(memo.size).toBe(1);
  });
});

describe('writeFileAtomicSync', () => {
  it('replaces a file whole and leaves no temporary file beside it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'coverage-atomic-'));
    try {
      const file = path.join(dir, 'manifest.json');
      writeFileAtomicSync(file, 'old');
      writeFileAtomicSync(file, 'new');
      expect(readFileSync(file, 'utf8')).toBe('new');
      expect(readdirSync(dir)).toEqual(['manifest.json']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
