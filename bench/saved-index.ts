/** Start-to-ready with and without the saved index, on a scale corpus written as a JSONL corpus folder. */
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openAnswerEngine, savedIndexPath } from '../src/live/open-engine.ts';
import { scaleCorpus } from './data.ts';

/** Builds (and saves) then loads the index of a `size`-passage corpus; returns both times. */
export async function measureSavedIndex(
  dataDir: string,
  size: number,
): Promise<{ passages: number; buildMs: number; loadMs: number; fileMB: number }> {
  const work = await mkdtemp(path.join(tmpdir(), 'coverage-saved-'));
  try {
    const corpusDir = path.join(work, 'corpus');
    const cacheDir = path.join(work, 'cache');
    await mkdir(corpusDir);
    const docs = await scaleCorpus(dataDir, size);
    await writeFile(path.join(corpusDir, 'passages.jsonl'), docs.map((d) => JSON.stringify(d)).join('\n'));
    const built = await openAnswerEngine(corpusDir, { cacheDir });
    const loaded = await openAnswerEngine(corpusDir, { cacheDir });
    if (loaded.from !== 'saved') throw new Error('the saved index was not used');
    const fileMB = (await stat(savedIndexPath(cacheDir, corpusDir))).size / 1e6;
    return { passages: loaded.index.passageCount, buildMs: built.ms, loadMs: loaded.ms, fileMB };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
