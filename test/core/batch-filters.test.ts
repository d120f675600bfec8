import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/answer/engine.ts';
import { answerBatchLine } from '../../src/cli/batch.ts';
import { loadCorpus } from '../../src/corpus/load.ts';
import { CORPUS_DIR } from './helpers.ts';

describe('the batch contract checks filters as the CLI and the bot do', () => {
  it('refuses a backwards date range with an error on that line, rather than answering nothing', async () => {
    const index = buildIndex(await loadCorpus(CORPUS_DIR));
    const line = JSON.stringify({
      id: 'r',
      question: 'Who is the UN special envoy for Syria?',
      since: '2016-08-27',
      until: '2016-08-26',
    });
    expect(answerBatchLine(index, line, 3)).toEqual({
      id: 'r',
      noAnswer: true,
      results: [],
      error: 'since: is after until; swap them',
    });
  });
});
