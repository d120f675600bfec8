/**
 * The engines compared, behind one small interface: build over documents (title + text), then
 * return the ids of the best 10 for a question. Each is configured the way its documentation
 * shows; the project's retriever is used exactly as the bot uses it.
 */
import { createRequire } from 'node:module';
import { create, insertMultiple, search as oramaSearch } from '@orama/orama';
import FlexSearch from 'flexsearch';
import lunr from 'lunr';
import MiniSearch from 'minisearch';
import bm25 from 'wink-bm25-text-search';
import type { ItemToken } from 'wink-nlp';
import stem from 'wink-porter2-stemmer';
import { type AnswerEngine, buildIndex } from '../src/answer/engine.ts';
import { corpusFromRecords } from '../src/corpus/records.ts';
import { collectGarbage } from '../src/util/collect-garbage.ts';
import type { Doc } from './data.ts';

export interface Engine {
  name: string;
  build(docs: Doc[]): Promise<void>;
  search(question: string): Promise<string[]> | string[];
  /** The whole answer a member gets (excerpts, copies grouped, k = 3), where the engine has one. */
  answer?(question: string): unknown;
  /** What the bot does once an index is live, before its first question (untimed), where it does. */
  ready?(): void;
}

const require = createRequire(import.meta.url);
const STOP_WORDS = new Set(require('wink-nlp-utils/src/dictionaries/stop_words.json') as string[]);

/** The project: the bot's own index, articles ranked by their best passage. */
function project(): Engine {
  let index: AnswerEngine | null = null;
  return {
    name: 'coverage-bot (this project)',
    async build(docs) {
      index = buildIndex(corpusFromRecords(docs));
    },
    search: (q) => (index as AnswerEngine).rankArticles(q, 10).map((r) => r.docId),
    answer: (q) => (index as AnswerEngine).ask(q, { count: 3 }),
    // The live holder warms each new engine up (catalogue, question context, WordNet relations);
    // the bot warms its answer path up once, before it logs in (src/main.ts), and the live
    // holder collects the garbage of its start before members ask (live-engine.ts, prepareSoon).
    ready: () => {
      (index as AnswerEngine).warmUp();
      (index as AnswerEngine).warmUpAnswers();
      collectGarbage();
    },
  };
}

/** wink-bm25-text-search exactly as its README shows (wink-nlp preparation, title 1 / body 2). */
function winkReadme(): Engine {
  const engine = bm25();
  let ids: string[] = [];
  return {
    name: 'wink-bm25-text-search (README recipe)',
    async build(docs) {
      const winkNLP = (await import('wink-nlp')).default;
      const model = (await import('wink-eng-lite-web-model')).default;
      const nlp = winkNLP(model as Parameters<typeof winkNLP>[0]);
      const its = nlp.its;
      const prepTask = (text: unknown) => {
        const tokens: string[] = [];
        nlp
          .readDoc(String(text))
          .tokens()
          .filter((t: ItemToken) => t.out(its.type) === 'word' && !t.out(its.stopWordFlag))
          .each((t: ItemToken) => {
            // its.stem comes from the model's add-ons, which wink-nlp's types do not connect.
            const stemmed = t.out(its.stem as never) as string;
            tokens.push(t.out(its.negationFlag) ? `!${stemmed}` : stemmed);
          });
        return tokens;
      };
      engine.defineConfig({ fldWeights: { title: 1, body: 2 } });
      engine.definePrepTasks([prepTask]);
      docs.forEach((d, i) => {
        engine.addDoc({ title: d.title, body: d.text }, i);
      });
      engine.consolidate();
      ids = docs.map((d) => d.id);
    },
    search: (q) => engine.search(q, 10).map(([i]) => ids[Number(i)] as string),
  };
}
/** MiniSearch (BM25+) with stop words and Porter2 stemming, title boosted 2. */
function minisearch(): Engine {
  const processTerm = (term: string) => {
    const t = term.toLowerCase();
    return STOP_WORDS.has(t) ? null : stem(t);
  };
  const ms = new MiniSearch<Doc>({
    fields: ['title', 'text'],
    processTerm,
    searchOptions: { boost: { title: 2 }, processTerm },
  });
  return {
    name: 'MiniSearch 7 (+stop words, stemming)',
    async build(docs) {
      ms.addAll(docs);
    },
    search: (q) =>
      ms
        .search(q)
        .slice(0, 10)
        .map((r) => String(r.id)),
  };
}

/** Lunr with its default English pipeline (stop words, stemmer). */
function lunrEngine(): Engine {
  let index: lunr.Index | null = null;
  return {
    name: 'Lunr 2',
    async build(docs) {
      index = lunr(function () {
        this.ref('id');
        this.field('title');
        this.field('text');
        for (const d of docs) this.add(d);
      });
    },
    // Lunr parses its own query syntax: keep words only.
    search: (q) =>
      (index as lunr.Index)
        .search(q.replace(/[^\p{L}\p{N}\s]/gu, ' '))
        .slice(0, 10)
        .map((r) => r.ref),
  };
}

/** FlexSearch's Index with its default encoder on title + text, partial matches allowed (not BM25). */
function flexsearch(): Engine {
  const index = new FlexSearch.Index();
  let ids: string[] = [];
  return {
    name: 'FlexSearch 0.8',
    async build(docs) {
      docs.forEach((d, i) => {
        index.add(i, `${d.title} ${d.text}`);
      });
      ids = docs.map((d) => d.id);
    },
    search: (q) => (index.search(q, { limit: 10, suggest: true }) as number[]).map((i) => ids[i] as string),
  };
}

/** Orama (BM25) on title and text. */
function orama(): Engine {
  // Orama's generic types recurse too deep for the checker here; its API is used as documented.
  // biome-ignore lint/suspicious/noExplicitAny: see above
  let db: any = null;
  return {
    name: 'Orama 3',
    async build(docs) {
      db = create({ schema: { docId: 'string', title: 'string', text: 'string' } as const });
      await insertMultiple(
        db,
        docs.map((d) => ({ docId: d.id, title: d.title, text: d.text })),
        2000,
      );
    },
    async search(q) {
      const result = await oramaSearch(db, { term: q, properties: ['title', 'text'], limit: 10 });
      return result.hits.map((h: { document: { docId: string } }) => String(h.document.docId));
    },
  };
}

/** Every engine by key. */
export const ENGINES: Record<string, () => Engine> = {
  project,
  wink: winkReadme,
  minisearch,
  lunr: lunrEngine,
  flexsearch,
  orama,
};
