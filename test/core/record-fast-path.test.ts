import { describe, expect, it } from 'vitest';
import { fastJsonlRecord, parseJsonlRecord } from '../../src/corpus/jsonl-quick-check.ts';
import { corpusFromRecords } from '../../src/corpus/records.ts';
import { jsonlRecordSchema } from '../../src/corpus/schema.ts';

/** Records the fast path accepts: each must come out exactly as the schema gives it. */
const plain: unknown[] = [
  { id: 'a', title: 'T', text: 'Some text.' },
  { id: ' a ', title: '  T  ', text: '  Some text.  ' },
  { id: 'b', title: 'T', text: 'x', source: '  BBC ', language: 'en', date: '2016-08-26' },
  { id: 'c', title: 'T', text: 'x', source: '', language: '   ', date: null, url: null, event: null },
  { id: 'd', title: 'T', text: 'x', url: ' https://example.org/a ', event: 'geneva-aug-2016' },
  { id: 'e', title: 'T', text: 'x', dateApprox: true, date: '2016-02-29', extra: { kept: 1 } },
  { id: 'f', title: 'T', text: 'x', dateApprox: false, source: undefined },
];

/** Records the fast path leaves to the schema: good ones it does not handle, and bad ones. */
const unusual: unknown[] = [
  { id: 7, title: 'T', text: 'x' },
  { id: 'g', title: 'T', text: 'x', date: new Date(Date.UTC(2016, 7, 26)) },
  { id: '', title: 'T', text: 'x' },
  { id: '   ', title: 'T', text: 'x' },
  { id: 'h', title: ' ', text: 'x' },
  { id: 'h', title: 'T', text: ' \n ' },
  { id: 'h', text: 'x' },
  { id: 'h', title: 'T', text: 'x', date: '2016-02-30' },
  { id: 'h', title: 'T', text: 'x', date: '26/08/2016' },
  { id: 'h', title: 'T', text: 'x', url: 'ftp://example.org' },
  { id: 'h', title: 'T', text: 'x', event: 'Geneva' },
  { id: 'h', title: 'T', text: 'x', source: 3 },
  { id: 'h', title: 'T', text: 'x', dateApprox: 'yes' },
  { id: 'h', title: 'T', text: 'x', dateApprox: null },
  null,
  'a string',
  [{ id: 'a', title: 'T', text: 'x' }],
];

describe('fastJsonlRecord', () => {
  it('gives exactly what the schema gives for plainly good records', () => {
    for (const record of plain) {
      const fast = fastJsonlRecord(record);
      expect(fast).not.toBeNull();
      expect(fast).toStrictEqual(jsonlRecordSchema.parse(record));
    }
  });

  it('leaves unusual and bad records to the schema', () => {
    for (const record of unusual) expect(fastJsonlRecord(record)).toBeNull();
  });
});

describe('parseJsonlRecord', () => {
  it('returns the same result as the schema, errors and messages included', () => {
    for (const record of [...plain, ...unusual]) {
      const ours = parseJsonlRecord(record);
      const zod = jsonlRecordSchema.safeParse(record);
      expect(ours.success).toBe(zod.success);
      if (ours.success && zod.success) expect(ours.data).toStrictEqual(zod.data);
      else expect(ours.error?.issues).toStrictEqual(zod.error?.issues);
    }
  });

  it('leaves corpusFromRecords reporting bad records with the schema messages', () => {
    const corpus = corpusFromRecords([
      { id: 'a', title: 'T', text: 'x' },
      { id: 'b', title: ' ', text: 'x' },
      { id: 'a', title: 'T', text: 'y' },
      { id: 'c', title: 'T', text: 'x', date: '2016-13-01' },
    ]);
    expect(corpus.articles.map((a) => a.id)).toEqual(['a']);
    expect(corpus.problems).toEqual([
      { path: 'records', line: 2, message: 'is required' },
      { path: 'records', line: 3, message: 'duplicate id "a"' },
      { path: 'records', line: 4, message: 'must be a real date written as YYYY-MM-DD' },
    ]);
  });
});

describe('fastJsonlRecord and odd keys', () => {
  it('leaves a record with an own __proto__ key to the schema', () => {
    expect(fastJsonlRecord(JSON.parse('{"id":"a","title":"T","text":"x","__proto__":{"y":1}}'))).toBeNull();
  });
});
