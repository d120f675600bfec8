/** A cheap language guess for text files that do not state their language. */

const MARKERS: Record<string, Set<string>> = {
  en: new Set(['the', 'and', 'of', 'to', 'in', 'is', 'that', 'for', 'with', 'was', 'on', 'said']),
  fr: new Set(['le', 'la', 'les', 'et', 'des', 'du', 'un', 'une', 'est', 'dans', 'pour', 'que']),
  de: new Set(['der', 'die', 'das', 'und', 'ist', 'nicht', 'mit', 'den', 'von', 'zu', 'ein', 'eine']),
  es: new Set(['el', 'los', 'las', 'y', 'del', 'en', 'que', 'por', 'con', 'una', 'para', 'es']),
};

/**
 * Returns the ISO 639-1 code of the language whose common words make up the largest share of the
 * text, or null when the text is too short or no language stands out.
 */
export function guessLanguage(text: string): string | null {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < 20) return null;
  let best: string | null = null;
  let bestCount = 0;
  for (const [language, markers] of Object.entries(MARKERS)) {
    const count = words.filter((w) => markers.has(w)).length;
    if (count > bestCount) {
      best = language;
      bestCount = count;
    }
  }
  return bestCount / words.length >= 0.05 ? best : null;
}
