/**
 * The role a "who" question asks the holder of: "Who is the president of Turkey?" asks who holds
 * the role "president" (of Turkey), "Who was the UN envoy?" the role "envoy". A passage that does
 * not name the role does not say who holds it, however much else of the question it holds.
 */
import type { QuestionToken } from './reader.ts';

/** Words of a role's name: nouns and names ("Secretary General"), adjectives ("prime"), hyphens. */
const ROLE_PART: ReadonlySet<string> = new Set(['NOUN', 'PROPN', 'ADJ', 'PUNCT']);

/** Prepositions that close a role's name ("the president of", "the ambassador to"). */
const AFTER_ROLE: ReadonlySet<string> = new Set(['of', 'to', 'for', 'in', 'at', 'on']);

/**
 * The words naming the role of "Who is/was the <role> (of …)?", as candidate spans (the caller
 * decides which name a kind of person), or none when the question is not of that form.
 */
export function roleWords(tokens: readonly QuestionToken[]): Array<{ start: number; end: number }> {
  if (tokens[0]?.lemma !== 'who' || tokens[1]?.lemma !== 'be' || tokens[2]?.lemma !== 'the') return [];
  let end = 3;
  while (end < tokens.length && ROLE_PART.has(tokens[end]?.pos ?? '') && !isEnd(tokens, end)) end++;
  // The role's name is closed by a preposition or ends the question.
  const closed = end === tokens.length || isEnd(tokens, end) || AFTER_ROLE.has(tokens[end]?.lemma ?? '');
  if (!closed || end === 3) return [];
  return tokens
    .slice(3, end)
    .filter((t) => t.pos === 'NOUN' || t.pos === 'PROPN')
    .map(({ start, end }) => ({ start, end }));
}

/** Is token `i` punctuation ending the question ("?", "!", ".")? */
function isEnd(tokens: readonly QuestionToken[], i: number): boolean {
  return tokens[i]?.pos === 'PUNCT' && /^[?!.]+$/.test(tokens[i]?.text ?? '');
}
