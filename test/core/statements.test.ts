import { describe, expect, it } from 'vitest';
import { AnswerEngine, buildIndex } from '../../src/answer/engine.ts';
import { deserialiseIndex, indexKey, serialiseIndex } from '../../src/answer/saved-index.ts';
import { corpusFromRecords } from '../../src/corpus/records.ts';
import { STATEMENTS_PENDING, statementsPending } from '../../src/discord/statements-ready.ts';
import { DEFAULT_RANKING_CONFIG } from '../../src/search/ranking-config.ts';

/** Articles written for these tests: other shapes of attribution than the seed coverage's. */
const ARTICLES = [
  {
    id: 'port',
    title: 'Port talks stall',
    source: 'Harbour Times',
    date: '2021-05-02',
    text: [
      'Trade Minister Amara Okonkwo met union leaders on Monday.',
      '“We will not sign anything tonight. The workers deserve a fair offer,” Okonkwo told reporters.',
      '“The offer is final,” said Piet van der Berg, who chairs the port authority. “There is nothing left to give,” he added.',
      'Union members called it “a cynical bluff” and walked out.',
      '“Nobody expected the strike to last this long.”',
      'The Transport Ministry said the harbour would reopen on Friday. The ministry added that ferries were unaffected.',
      'Nairobi warned that cargo delays would hurt regional trade.',
    ].join('\n\n'),
  },
  {
    id: 'port-2',
    title: 'Minister: no deal tonight',
    source: 'Coast Daily',
    date: '2021-05-03',
    text: [
      'The talks broke up late.',
      '“We will not sign anything tonight. The workers deserve a fair offer.”',
      'Okonkwo said the minister’s remark about “old habits” was “regrettable, but not surprising”, adding that talks would resume.',
      'Analysts said the dispute could spread to rail workers.',
    ].join('\n\n'),
  },
  {
    id: 'port-3',
    title: 'Ferry news',
    source: 'Coast Daily',
    date: '2021-05-04',
    text: 'Ferries ran normally. Weather was calm. The port reopened.',
  },
];

function statementsOf(id: string) {
  const index = buildIndex(corpusFromRecords(ARTICLES));
  const a = index.corpus.articles.findIndex((x) => x.id === id);
  const text = index.corpus.articles[a]?.text ?? '';
  return index.statements
    .filter((s) => s.article === a)
    .map((s) => ({
      text: text.slice(s.start, s.end),
      kind: s.kind,
      speaker: s.speaker,
      ...(s.attributedBy === null ? {} : { attributedBy: s.attributedBy }),
    }));
}

describe('statement extraction', () => {
  it('reads quotations spanning two sentences, inverted frames and "he added" after a change of speaker', () => {
    const found = statementsOf('port');
    expect(found.slice(0, 3)).toEqual([
      {
        text: '“We will not sign anything tonight. The workers deserve a fair offer,”',
        kind: 'direct',
        speaker: 'Amara Okonkwo',
      },
      { text: '“The offer is final,”', kind: 'direct', speaker: 'Piet van der Berg' },
      { text: '“There is nothing left to give,”', kind: 'direct', speaker: 'Piet van der Berg' },
    ]);
  });

  it('leaves a quotation with no speaker unattributed, and a quoted phrase is no statement', () => {
    const found = statementsOf('port');
    expect(found).toContainEqual({
      text: '“Nobody expected the strike to last this long.”',
      kind: 'direct',
      speaker: null,
    });
    expect(found.some((s) => s.text.includes('cynical bluff'))).toBe(false);
  });

  it('resolves "the ministry" to the ministry named before it, and a capital to its government', () => {
    const found = statementsOf('port');
    expect(found).toContainEqual({
      text: 'said the harbour would reopen on Friday',
      kind: 'reported',
      speaker: 'Transport Ministry',
    });
    expect(found).toContainEqual({
      text: 'added that ferries were unaffected',
      kind: 'reported',
      speaker: 'Transport Ministry',
    });
    expect(found).toContainEqual({
      text: 'warned that cargo delays would hurt regional trade',
      kind: 'reported',
      speaker: 'Kenya',
    });
  });

  it('keeps nested quotes inside the statement that quotes them, and speakers of several at once out', () => {
    const found = statementsOf('port-2');
    expect(found.slice(1)).toEqual([
      {
        text: 'said the minister’s remark about “old habits” was “regrettable, but not surprising”',
        kind: 'reported',
        speaker: 'Amara Okonkwo',
      },
      { text: 'adding that talks would resume', kind: 'reported', speaker: 'Amara Okonkwo' },
    ]);
    expect(found.some((s) => s.text.includes('rail workers'))).toBe(false);
  });

  it('gives an unattributed quotation the speaker another outlet names for the same words', () => {
    expect(statementsOf('port-2')[0]).toEqual({
      text: '“We will not sign anything tonight. The workers deserve a fair offer.”',
      kind: 'direct',
      speaker: 'Amara Okonkwo',
      attributedBy: 'port',
    });
  });

  it('keeps the statements in the saved index once read, and reads them on first use otherwise', async () => {
    const built = buildIndex(corpusFromRecords(ARTICLES));
    const key = indexKey('statements', DEFAULT_RANKING_CONFIG);
    // A build leaves them unread; an index saved then reads them when first asked.
    expect(built.statementsRead).toBe(false);
    const early = new AnswerEngine(deserialiseIndex(serialiseIndex(built.parts(), key), key));
    expect(early.statementsRead).toBe(false);
    await built.readStatements();
    expect(built.statementsRead).toBe(true);
    expect(early.statements).toEqual(built.statements);
    const parts = deserialiseIndex(serialiseIndex(built.parts(), key), key);
    expect(parts.statements).toEqual(built.statements);
    expect(parts.statements?.length).toBeGreaterThan(5);
  });
});

describe('who-said-what commands before the statements are read', () => {
  it('say they are still reading, start reading, and answer once read', async () => {
    const index = buildIndex(corpusFromRecords(ARTICLES));
    expect(statementsPending(index)).toBe(STATEMENTS_PENDING);
    await index.readStatements();
    expect(statementsPending(index)).toBeNull();
    expect(index.statements.length).toBeGreaterThan(5);
  });
});
