import { afterEach, describe, expect, it } from 'vitest';
import { DraftError, draftFromFile } from '../../src/curation/draft.ts';

const TEXT =
  'An aid convoy of thirty trucks carrying flour and medicine reached the besieged eastern districts of Aleppo on Tuesday, the first since the truce. '.repeat(
    3,
  );
const mark = globalThis as { frontMatterRan?: string };
afterEach(() => {
  delete mark.frontMatterRan;
});

/** The message a draft is refused with, or "accepted". */
function refusal(make: () => unknown): string {
  try {
    make();
    return 'accepted';
  } catch (error) {
    return error instanceof DraftError ? error.message : `not a DraftError: ${String(error)}`;
  }
}

describe('a draft from an attachment (the /corpus add preview)', () => {
  it.each(['js', 'javascript', 'coffee'])(
    'refuses front matter opened with ---%s before anything runs',
    (language) => {
      const content = `---${language}\n{ title: (globalThis.frontMatterRan = "${language}", "Ran") }\n---\n${TEXT}\n`;
      expect(refusal(() => draftFromFile('note.md', content, { event: 'talks' }))).toBe(
        `note.md:1: front matter must be YAML (the file opens with ---${language}; write --- alone); nothing was added.`,
      );
      expect(mark.frontMatterRan).toBeUndefined();
    },
  );
});
