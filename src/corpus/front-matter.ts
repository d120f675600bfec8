/**
 * Front matter: the YAML block between a first line `---` and the next line starting with `---`.
 * It is data only: YAML is read with the core schema (strings, numbers, booleans, null, lists,
 * maps; no dates, no functions, no custom tags), and a block announced in any other language
 * (`---js`, `---coffee`, `---json`) is refused, never evaluated.
 */
import { LineCounter, parseDocument } from 'yaml';
import type { CorpusProblem } from './types.ts';

/** Front matter parsed into raw data, plus the body after it. */
export interface SplitDocument {
  data: Record<string, unknown>;
  body: string;
  /** Whether the file opened with a front matter fence (`---` alone on the first line). */
  hasFrontMatter: boolean;
}

/** The first line of a file that opens a front matter block: `---`, maybe followed by a language name. */
const OPENING = /^---[ \t]*([A-Za-z][\w.+-]*)?[ \t]*\r?\n/;
/** The languages that name YAML. */
const YAML_NAMES = new Set(['yaml', 'yml']);
/** Aliases a block may expand (YAML's "billion laughs" is refused long before memory runs out). */
const MAX_ALIASES = 100;

/** True when the file's first line opens a front matter block (`---`, `---yaml`, or `---js` to be refused). */
export function opensFrontMatter(content: string): boolean {
  return OPENING.test(content);
}

/**
 * Splits front matter from the body and reads it as YAML data. Returns a problem (line 1 for a
 * block in another language, the YAML error's line otherwise) instead of throwing; runs no code
 * whatever the file holds. A file that opens with no fence has no front matter and all of it is body.
 */
export function splitFrontMatter(relPath: string, content: string): SplitDocument | CorpusProblem {
  const opening = OPENING.exec(content);
  if (opening === null) return { data: {}, body: content, hasFrontMatter: false };
  const language = opening[1];
  if (language !== undefined && !YAML_NAMES.has(language.toLowerCase()))
    return {
      path: relPath,
      line: 1,
      message: `front matter must be YAML (the file opens with ---${language}; write --- alone); file skipped`,
    };
  const rest = content.slice(opening[0].length);
  // The block ends at the first line that starts with ---; without one, the whole rest is the block.
  const close = rest.startsWith('---') ? 0 : rest.indexOf('\n---');
  const block = close < 0 ? rest : rest.slice(0, close);
  let body = close < 0 ? '' : rest.slice(close + (close === 0 ? 3 : 4));
  if (body.startsWith('\r')) body = body.slice(1);
  if (body.startsWith('\n')) body = body.slice(1);
  const read = readYaml(relPath, block);
  return 'problem' in read ? read.problem : { data: read.data, body, hasFrontMatter: true };
}

/** The block's YAML as a map of keys to plain values, or a problem on its file line (the block starts on line 2). */
function readYaml(
  relPath: string,
  block: string,
): { data: Record<string, unknown> } | { problem: CorpusProblem } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(block, { schema: 'core', lineCounter, prettyErrors: false, uniqueKeys: true });
  // A tag the core schema does not know (`!!js/function`) is refused, not read as a string.
  const error = doc.errors[0] ?? doc.warnings[0];
  if (error !== undefined) {
    const line = lineCounter.linePos(error.pos[0]).line + 1;
    const reason = error.message.split('\n')[0];
    return {
      problem: { path: relPath, line, message: `front matter is not valid YAML: ${reason}; file skipped` },
    };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (cause) {
    const reason = (cause as Error).message;
    return {
      problem: { path: relPath, line: 2, message: `front matter is not valid YAML: ${reason}; file skipped` },
    };
  }
  if (value === null || value === undefined) return { data: {} };
  if (typeof value !== 'object' || Array.isArray(value)) {
    const message = 'front matter must be YAML keys and values (title: …, date: …); file skipped';
    return { problem: { path: relPath, line: 2, message } };
  }
  return { data: value as Record<string, unknown> };
}
