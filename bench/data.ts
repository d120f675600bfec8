/** Benchmark data: SQuAD v1.1 paragraphs and questions, and a larger corpus made from them. */
import path from 'node:path';
import { splitSentences } from '../src/passages/sentences.ts';
import { readJsonLines } from './lib/jsonl.ts';

export interface Doc {
  id: string;
  title: string;
  text: string;
}
export interface Question {
  id: string;
  question: string;
  answers: string[];
  paragraph: string;
}

/** The default data folder: `../shared/eval` beside the project. */
export const DEFAULT_DATA_DIR = path.join(import.meta.dirname, '..', '..', 'shared', 'eval');

/** SQuAD v1.1 dev paragraphs (2,067) and questions (10,570), in file order, from `dataDir/squad`. */
export async function squadDev(dataDir: string): Promise<{ docs: Doc[]; questions: Question[] }> {
  const squad = path.join(dataDir, 'squad');
  return {
    docs: await readJsonLines<Doc>(path.join(squad, 'dev-paragraphs.jsonl')),
    questions: await readJsonLines<Question>(path.join(squad, 'dev-questions.jsonl')),
  };
}

/**
 * `size` passages, made deterministically from SQuAD train + dev paragraphs: sentence windows of
 * three, two and one sentences (in that order, about 240,000 in all), then, past that, the same
 * passages again with the copy number appended to id and title. The first passages of the list
 * are always the same, so sizes nest.
 */
export async function scaleCorpus(dataDir: string, size: number): Promise<Doc[]> {
  const squad = path.join(dataDir, 'squad');
  const paragraphs = [
    ...(await readJsonLines<Doc>(path.join(squad, 'dev-paragraphs.jsonl'))),
    ...(await readJsonLines<Doc>(path.join(squad, 'train-paragraphs.jsonl'))),
  ];
  const base: Doc[] = [];
  for (const window of [3, 2, 1]) {
    for (const p of paragraphs) {
      const spans = splitSentences(p.text);
      for (let i = 0; i + window <= spans.length; i += window) {
        const first = spans[i];
        const last = spans[i + window - 1];
        if (first === undefined || last === undefined) continue;
        base.push({
          id: `${p.id}/w${window}s${i}`,
          title: p.title,
          text: p.text.slice(first.start, last.end),
        });
        if (base.length >= size) return base;
      }
    }
  }
  const out = [...base];
  for (let copy = 1; out.length < size; copy++) {
    for (const d of base) {
      out.push({ id: `${d.id}/c${copy}`, title: `${d.title} ${copy}`, text: d.text });
      if (out.length >= size) break;
    }
  }
  return out;
}

/** The SQuAD paragraph a scale-corpus passage was cut from (its id up to the first "/"). */
export function paragraphOf(passageId: string): string {
  const slash = passageId.indexOf('/');
  return slash < 0 ? passageId : passageId.slice(0, slash);
}
