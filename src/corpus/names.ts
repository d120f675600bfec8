/** Outlet names as people type them. */

/** Lower case, accents and punctuation folded, for comparing outlet names typed by people. */
export function foldName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
