/** A feed's interval as a moderator types it ("90s", "30m", "2h", "1d") and as the bot says it. */

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/**
 * The seconds `text` names — a whole number and a unit, s, m (or min), h or d, "30m", "2 h" — or
 * null when it names none (no unit, a unit not listed, zero).
 */
export function parseEvery(text: string): number | null {
  const match = /^(\d{1,6})\s*(s|sec|m|min|h|d)$/i.exec(text.trim());
  if (!match) return null;
  const seconds = Number(match[1]) * (UNIT_SECONDS[(match[2] ?? '').toLowerCase().charAt(0)] ?? 0);
  return seconds > 0 ? seconds : null;
}

/** `seconds` in the largest unit that divides it: "2 s", "30 min", "2 h", "1 d". */
export function formatEvery(seconds: number): string {
  if (seconds % 86_400 === 0) return `${seconds / 86_400} d`;
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}
