/**
 * Common English words: those of winkjs' English lexicon (about 13,500 words with their parts of
 * speech, from which wink's tagger works), which holds the everyday vocabulary and no names of
 * people or places.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let lexicon: Readonly<Record<string, unknown>> | null = null;

/** Is this word (any case) a common English word ("start", "anything", "happened"; not "Darayya")? */
export function isCommonWord(word: string): boolean {
  lexicon ??= require('wink-lexicon/src/lexicon.js') as Record<string, unknown>;
  return Object.hasOwn(lexicon, word.toLowerCase());
}
