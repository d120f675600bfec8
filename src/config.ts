/**
 * Configuration from the environment (and `.env`), parsed once with zod at the edge. This is the
 * only module that reads `process.env`; everything else receives typed settings.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The project's root folder (where package.json is). */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The built-in corpus shipped with the project. */
export const DEFAULT_CORPUS_DIR = path.join(PROJECT_ROOT, 'corpus');

/** Where saved indexes go unless INDEX_CACHE_DIR says otherwise. */
export const DEFAULT_INDEX_CACHE_DIR = path.join(PROJECT_ROOT, '.cache');

const corpusSettingsSchema = z.object({
  INDEX_CACHE_DIR: z
    .string()
    .trim()
    .optional()
    .transform((dir) =>
      dir === undefined || dir === '' ? DEFAULT_INDEX_CACHE_DIR : dir === 'off' ? null : path.resolve(dir),
    ),
  CORPUS_DIR: z
    .string()
    .trim()
    .optional()
    .transform((dir) => (dir ? path.resolve(dir) : DEFAULT_CORPUS_DIR)),
});

/** Settings the command line needs: where the corpus is, and where its saved index goes. */
export interface CorpusSettings {
  corpusDir: string;
  /** Folder of saved indexes, or null when INDEX_CACHE_DIR=off. */
  indexCacheDir: string | null;
}

/**
 * Reads the corpus settings: `CORPUS_DIR` (default the built-in `corpus/`) and `INDEX_CACHE_DIR`
 * (default `.cache/` in the project; `off` disables saved indexes).
 */
export function readCorpusSettings(env: NodeJS.ProcessEnv = process.env): CorpusSettings {
  const parsed = corpusSettingsSchema.parse({
    CORPUS_DIR: env.CORPUS_DIR,
    INDEX_CACHE_DIR: env.INDEX_CACHE_DIR,
  });
  return { corpusDir: parsed.CORPUS_DIR, indexCacheDir: parsed.INDEX_CACHE_DIR };
}
