/**
 * Notes written by hand in a results file, below the measured tables: a bench run rewrites the
 * tables and keeps the notes.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

/** Notes written by hand after the measured tables start with this heading; a run keeps them. */
export const KEPT_NOTES = '## Notes kept between runs';

/** The kept notes of the results file at `file` (with a blank line before), or '' when it has none. */
export async function keptNotes(file: string): Promise<string> {
  const old = existsSync(file) ? await readFile(file, 'utf8') : '';
  const at = old.indexOf(`\n${KEPT_NOTES}`);
  return at < 0 ? '' : old.slice(at);
}
