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

const corpusSettingsSchema = z.object({
  CORPUS_DIR: z
    .string()
    .trim()
    .optional()
    .transform((dir) => (dir ? path.resolve(dir) : DEFAULT_CORPUS_DIR)),
});

/** Settings the command line needs: only where the corpus is. */
export interface CorpusSettings {
  corpusDir: string;
}

/** Reads the corpus folder setting (`CORPUS_DIR`, default the built-in `corpus/`). */
export function readCorpusSettings(env: NodeJS.ProcessEnv = process.env): CorpusSettings {
  const parsed = corpusSettingsSchema.parse({ CORPUS_DIR: env.CORPUS_DIR });
  return { corpusDir: parsed.CORPUS_DIR };
}
