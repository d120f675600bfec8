/** The answer-matching rule of the coverage questions, shared by the eval and the bench. */

/**
 * Normalises text for answer matching: lower case, quote marks (straight, curly, backtick,
 * guillemets) removed, every run of white space (including non-breaking) made one space, ends
 * trimmed. Nothing else changes, so an answer still has to appear verbatim apart from these.
 */
export function normaliseAnswerText(text: string): string {
  return text
    .toLowerCase()
    .replace(/["'`\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a]/g, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * True when one of `excerpts` contains one of `answers` under {@link normaliseAnswerText}.
 * An answer that normalises to the empty string never matches.
 */
export function containsAnswer(excerpts: readonly string[], answers: readonly string[]): boolean {
  const wanted = answers.map(normaliseAnswerText).filter((a) => a !== '');
  if (wanted.length === 0) return false;
  return excerpts.some((e) => {
    const text = normaliseAnswerText(e);
    return wanted.some((a) => text.includes(a));
  });
}
