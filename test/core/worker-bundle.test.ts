import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledWorker } from '../../src/search/worker-bundle.ts';

const dir = mkdtempSync(join(tmpdir(), 'worker-bundle-'));
const cache = join(dir, 'cache');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a two-module TypeScript entry (in `folder`) whose default export says `word`. */
function writeSources(word: string, folder = dir): string {
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'part.ts'), `export const word: string = '${word}';\n`);
  const entry = join(folder, 'entry.ts');
  writeFileSync(entry, `import { word } from './part.ts';\nexport default (): string => 'said ' + word;\n`);
  return entry;
}

async function run(bundle: string | null): Promise<string> {
  expect(bundle).not.toBeNull();
  const module = (await import(pathToFileURL(bundle as string).href)) as { default: () => string };
  return module.default();
}

describe('bundled worker code', () => {
  it('is built once per version of its sources and runs as the TypeScript does', async () => {
    const entry = writeSources('one');
    const first = bundledWorker(entry, cache);
    expect(await run(first)).toBe('said one');
    expect(bundledWorker(entry, cache)).toBe(first);
    // A changed import is a new version: a new bundle, never the stale one.
    writeSources('two');
    const second = bundledWorker(entry, cache);
    expect(second).not.toBe(first);
    expect(await run(second)).toBe('said two');
    expect(readdirSync(cache).filter((f) => f.startsWith('entry-'))).toHaveLength(2);
  });

  it('keeps the bundles of two checkouts that share a cache folder apart', async () => {
    const here = writeSources('here', join(dir, 'a'));
    const there = writeSources('there', join(dir, 'b'));
    expect(await run(bundledWorker(here, cache))).toBe('said here');
    expect(await run(bundledWorker(there, cache))).toBe('said there');
    expect(await run(bundledWorker(here, cache))).toBe('said here');
  });

  it('is null when the code cannot be bundled, so that the caller runs the TypeScript itself', () => {
    const broken = join(dir, 'broken.ts');
    writeFileSync(broken, 'export const = ;\n');
    expect(bundledWorker(broken, cache)).toBeNull();
  });
});
