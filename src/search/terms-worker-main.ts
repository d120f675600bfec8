/**
 * The code of a `tokeniseCorpus` worker thread (started by terms-worker.js): for each job, claims
 * runs of articles from the shared counter until none is left, tokenises each into its own
 * vocabulary and posts it, with the terms that are new to that vocabulary.
 */
import { parentPort } from 'node:worker_threads';
import { type ArticleText, tokeniseArticles } from './article-terms.ts';
import { RUN_FAILED, RUN_SENT, type RunMessage, type TermsJob } from './parallel-terms.ts';
import { TermVocabulary } from './tokenize.ts';

parentPort?.postMessage('ready');
parentPort?.on('message', (job: TermsJob) => {
  const state = new Int32Array(job.shared);
  const runs = job.bounds.length - 1;
  const articles: ArticleText[] = job.titles.map((title, i) => ({ title, text: job.texts[i] ?? '' }));
  const vocabulary = new TermVocabulary();
  let sent = 0;
  for (let r = Atomics.add(state, 0, 1); r < runs; r = Atomics.add(state, 0, 1)) {
    try {
      const terms = tokeniseArticles(
        articles,
        job.bounds[r] as number,
        job.bounds[r + 1] as number,
        vocabulary,
      );
      const message: RunMessage = { run: r, newTerms: vocabulary.terms.slice(sent), terms };
      sent = vocabulary.terms.length;
      const arrays = [terms.sentenceCounts, terms.spans, terms.sentenceTerms, terms.titleTerms].flatMap(
        (a) => (a instanceof Int32Array ? [a] : [a.ids, a.offsets]),
      );
      job.port.postMessage(
        message,
        arrays.map((a) => a.buffer as ArrayBuffer),
      );
      Atomics.store(state, 1 + r, RUN_SENT);
    } catch {
      Atomics.store(state, 1 + r, RUN_FAILED);
      Atomics.notify(state, 1 + r);
      break;
    }
    Atomics.notify(state, 1 + r);
  }
  job.port.close();
});
