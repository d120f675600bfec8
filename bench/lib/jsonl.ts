/** Reading JSON Lines files (one JSON value a line) for the bench and the eval. */
import { readFile } from 'node:fs/promises';

/**
 * Parses JSON Lines text: one value per non-blank line, in order. A line that is not valid JSON
 * throws an error naming `label` and the 1-based line number.
 */
export function parseJsonLines<T>(text: string, label = 'input'): T[] {
  const out: T[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') continue;
    try {
      out.push(JSON.parse(line) as T);
    } catch (error) {
      throw new Error(`${label}:${i + 1}: not JSON (${(error as Error).message})`);
    }
  }
  return out;
}

/** Reads a JSON Lines file: one value per non-blank line, in file order; throws on a bad line. */
export async function readJsonLines<T>(file: string): Promise<T[]> {
  return parseJsonLines<T>(await readFile(file, 'utf8'), file);
}
