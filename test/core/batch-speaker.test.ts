import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/answer/engine.ts';
import { answerBatchLine } from '../../src/cli/batch.ts';
import { loadCorpus } from '../../src/corpus/load.ts';
import { CORPUS_DIR } from './helpers.ts';

describe('the batch contract names the speaker of each excerpt', () => {
  it('gives the resolved speaker of the statement an excerpt quotes, and null where it quotes none', async () => {
    const index = buildIndex(await loadCorpus(CORPUS_DIR));
    // As the CLI opens it: who said what read.
    await index.readStatements();
    const line = JSON.stringify({
      id: 'q',
      question: 'What did Lavrov tell journalists about a durable ceasefire?',
    });
    const answer = answerBatchLine(index, line, 3);
    const lavrov = answer.results.find((r) => r.text.includes('I don’t see any possibility'));
    expect(lavrov?.speaker).toBe('Sergei Lavrov');
    const plain = answerBatchLine(
      index,
      JSON.stringify({ id: 'p', question: 'How many people has the war killed?' }),
      1,
    );
    expect(plain.results[0]?.text).toContain('290,000');
    expect(plain.results[0]?.speaker).toBeNull();
  });
});
