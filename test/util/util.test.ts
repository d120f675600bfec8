import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomicSync } from '../../src/util/atomic-write.ts';
import { BoundedMemo } from '../../src/util/bounded-memo.ts';
import { SerialQueue } from '../../src/util/serial-queue.ts';
import { appendRows, joinRows, rowCount, type TermTable } from '../../src/util/term-table.ts';

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

  it('grows without a pause: no new word waits for the whole memo to be copied', () => {
    // Per new key, the fastest of three runs: a pause at the same key in every run is the memo's
    // (a Map copies all its entries each time it doubles), not the machine's.
    const keys = Array.from({ length: 300_000 }, (_, i) => `w${i.toString(36)}x`);
    const fastest = new Float64Array(keys.length).fill(Number.POSITIVE_INFINITY);
    for (let run = 0; run < 3; run++) {
      const memo = new BoundedMemo<string, number>(500_000);
      keys.forEach((key, i) => {
        const started = performance.now();
        memo.get(key, () => i);
        fastest[i] = Math.min(fastest[i] as number, performance.now() - started);
      });
      expect(memo.size).toBe(keys.length);
      expect(memo.get(keys[12_345] as string, () => -1)).toBe(12_345);
    }
    expect(fastest.reduce((a, b) => Math.max(a, b), 0)).toBeLessThan(1.5);
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

describe('term tables with room to append', () => {
  const table = (...rows: number[][]): TermTable => {
    const offsets = [0];
    for (const row of rows) offsets.push((offsets.at(-1) as number) + row.length);
    return { offsets: Int32Array.from(offsets), ids: Int32Array.from(rows.flat()) };
  };
  const rowsOf = (t: TermTable) =>
    Array.from({ length: rowCount(t) }, (_, r) => [...t.ids.subarray(t.offsets[r], t.offsets[r + 1])]);

  it('appends in place once; a second append to the same table copies, and neither table sees the other rows', () => {
    const base = joinRows([{ table: table([1, 2], [3]), from: 0, count: 2 }], 2);
    const first = appendRows(base, table([4]));
    expect(first?.ids).toBe(base.ids);
    expect(rowsOf(first as TermTable)).toEqual([[1, 2], [3], [4]]);
    // The base's rows are as they were; appending to it again would overwrite the first's rows.
    expect(rowsOf(base)).toEqual([[1, 2], [3]]);
    expect(appendRows(base, table([5]))).toBeNull();
    expect(rowsOf(appendRows(first as TermTable, table([6])) as TermTable)).toEqual([[1, 2], [3], [4], [6]]);
    // No room left, or a table made without room: null (the caller copies).
    expect(appendRows(table([1]), table([2]))).toBeNull();
  });

  it("carries each row's tag (a sentence's kind) through joins and appends, in the rows' order", () => {
    const tagged = (tags: number[], ...rows: number[][]): TermTable => ({
      ...table(...rows),
      tags: Uint8Array.from(tags),
    });
    const tagsOf = (t: TermTable) => [...(t.tags ?? new Uint8Array(0)).subarray(0, rowCount(t))];
    const joined = joinRows(
      [
        { table: tagged([7, 8, 9], [1], [2], [3]), from: 1, count: 2 },
        { table: tagged([5], [4]), from: 0, count: 1 },
      ],
      2,
    );
    expect(tagsOf(joined)).toEqual([8, 9, 5]);
    const appended = appendRows(joined, tagged([6, 4], [5], [6])) as TermTable;
    expect(appended.ids).toBe(joined.ids);
    expect(tagsOf(appended)).toEqual([8, 9, 5, 6, 4]);
    // Rows from a table without tags get 0; a tagged table's rows are never appended untagged.
    expect(
      tagsOf(
        joinRows([
          { table: table([1]), from: 0, count: 1 },
          { table: appended, from: 4, count: 1 },
        ]),
      ),
    ).toEqual([0, 4]);
    expect(appendRows(joinRows([{ table: table([1]), from: 0, count: 1 }], 2), tagged([3], [2]))).toBeNull();
  });
});
