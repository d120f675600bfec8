import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { refreshOnFolderEdits } from '../../src/live/folder-edits.ts';
import { LiveEngine } from '../../src/live/live-engine.ts';
import type { Logger } from '../../src/log.ts';
import type { FolderWatch } from '../../src/store/folder-watch.ts';
import { corpusCopyPerTest, TRUCE_ARTICLE, TRUCE_QUESTION, until } from './helpers.ts';

const corpusDir = corpusCopyPerTest();
const QUIET_MS = 100;
let watch: FolderWatch | null = null;
afterEach(() => watch?.close());

/** A logger that keeps its lines. */
function keptLogger() {
  const lines: Array<{ level: string; message: string; context?: Record<string, unknown> }> = [];
  const at =
    (level: string) =>
    (message: string, context?: Record<string, unknown>): void => {
      lines.push({ level, message, context });
    };
  const logger: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  return { logger, lines };
}

describe('hand edits of the corpus folder', () => {
  it('are served without /corpus refresh once the files are quiet, and logged', async () => {
    const dir = corpusDir();
    const live = await LiveEngine.open(dir);
    const { logger, lines } = keptLogger();
    watch = refreshOnFolderEdits(live, dir, logger, { quietMs: QUIET_MS });
    expect(live.engine.ask(TRUCE_QUESTION).noAnswer).toBe(true);
    await writeFile(path.join(dir, 'truce.md'), TRUCE_ARTICLE);
    await until(() => live.engine.ask(TRUCE_QUESTION).results[0]?.docId === 'truce');
    expect(lines).toContainEqual(
      expect.objectContaining({
        level: 'info',
        message: 'corpus folder edited; now serving it',
        context: expect.objectContaining({ added: 1, updated: 0, removed: 0 }),
      }),
    );
    // A file deleted by hand is no longer quoted.
    await rm(path.join(dir, 'truce.md'));
    await until(() => live.engine.ask(TRUCE_QUESTION).noAnswer);
  });

  it('report a malformed file by path and line while the rest keeps serving', async () => {
    const dir = corpusDir();
    const live = await LiveEngine.open(dir);
    const { logger, lines } = keptLogger();
    watch = refreshOnFolderEdits(live, dir, logger, { quietMs: QUIET_MS });
    await writeFile(path.join(dir, 'broken.md'), '---\ntitle: [unclosed\n---\nSome text.\n');
    await writeFile(path.join(dir, 'truce.md'), TRUCE_ARTICLE);
    await until(() => live.engine.ask(TRUCE_QUESTION).results[0]?.docId === 'truce');
    const problem = lines.find((l) => l.message === 'corpus problem');
    expect(problem?.level).toBe('warn');
    expect(problem?.context).toMatchObject({ path: 'broken.md', line: expect.any(Number) });
    expect(live.engine.ask('What did Lavrov say about terrorists?').noAnswer).toBe(false);
    // Another edit does not log the same problem again; mending the file logs it gone.
    await rm(path.join(dir, 'truce.md'));
    await until(() => live.engine.ask(TRUCE_QUESTION).noAnswer);
    expect(lines.filter((l) => l.message === 'corpus problem')).toHaveLength(1);
    await writeFile(path.join(dir, 'broken.md'), '---\ntitle: Mended\n---\nSome text.\n');
    await until(() => lines.some((l) => l.message === 'corpus problem gone'));
    expect(lines.find((l) => l.message === 'corpus problem gone')?.context).toMatchObject({
      path: 'broken.md',
    });
    expect(lines.filter((l) => l.message === 'corpus problem')).toHaveLength(1);
  });

  it('never empty the index served: a folder emptied by hand keeps the last articles, with a warning', async () => {
    const dir = corpusDir();
    const live = await LiveEngine.open(dir);
    const articles = live.engine.corpus.articles.length;
    const { logger, lines } = keptLogger();
    watch = refreshOnFolderEdits(live, dir, logger, { quietMs: QUIET_MS });
    for (const a of live.engine.corpus.articles) await rm(path.join(dir, `${a.id}.md`));
    await until(() => lines.some((l) => l.level === 'warn'));
    expect(lines.find((l) => l.level === 'warn')?.message).toMatch(/previous index is still serving/);
    expect(live.engine.corpus.articles).toHaveLength(articles);
    expect(live.engine.ask('What did Lavrov say about terrorists?').noAnswer).toBe(false);
  });

  it('ignore files the corpus does not read, and stop when closed', async () => {
    const dir = corpusDir();
    const live = await LiveEngine.open(dir);
    let refreshes = 0;
    live.onUpdate((kind) => {
      if (kind === 'refresh') refreshes++;
    });
    const { logger } = keptLogger();
    watch = refreshOnFolderEdits(live, dir, logger, { quietMs: QUIET_MS });
    await writeFile(path.join(dir, '.truce.md.swp'), 'x');
    await writeFile(path.join(dir, 'notes.log'), 'x');
    await new Promise((r) => setTimeout(r, QUIET_MS * 5));
    expect(refreshes).toBe(0);
    watch?.close();
    await writeFile(path.join(dir, 'truce.md'), TRUCE_ARTICLE);
    await new Promise((r) => setTimeout(r, QUIET_MS * 5));
    expect(refreshes).toBe(0);
    expect(live.engine.ask(TRUCE_QUESTION).noAnswer).toBe(true);
  });
});
