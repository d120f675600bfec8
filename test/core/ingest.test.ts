import { describe, expect, it } from 'vitest';
import { ADDABLE_FILES, addableKind } from '../../src/curation/draft.ts';
import { draftFromAttachment } from '../../src/curation/ingest.ts';

const policy = { allowHosts: [], timeoutMs: 1000, maxBytes: 2_000_000 };
// Loopback is refused by the policy: a test that reached the fetch would fail with another sentence.
const file = (name: string, size = 1000) => ({ name, size, url: 'http://127.0.0.1:9/file' });

describe('what /corpus add may read', () => {
  it('knows Markdown, text and HTML files by their extension, in any case', () => {
    expect(['a.md', 'b.TXT', 'c.html', 'd.Htm', 'e.pdf', 'md'].map(addableKind)).toEqual([
      'md',
      'txt',
      'html',
      'html',
      null,
      null,
    ]);
  });

  it('refuses another kind of file, or one over the size limit, before downloading it', async () => {
    await expect(draftFromAttachment(file('report.pdf'), { event: 'e' }, policy)).rejects.toThrow(
      ADDABLE_FILES,
    );
    await expect(draftFromAttachment(file('big.md', 3_000_000), { event: 'e' }, policy)).rejects.toThrow(
      'That file is too large (3000 kB; the limit is 2000 kB).',
    );
  });
});
