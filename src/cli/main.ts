/**
 * The command line: ask questions of the coverage, check the corpus, list events and sources, or
 * chat in the terminal with the bot's wording. `npm run -s cli -- help` lists the commands.
 */
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { type AnswerEngine, buildIndex, MAX_RESULT_COUNT } from '../answer/engine.ts';
import { badDateFilters, parseResultCount, rangeBackwards } from '../answer/filter-check.ts';
import { noQuotesText } from '../answer/quote-wording.ts';
import { findQuotes, findSpeaker, listSpeakers } from '../answer/quotes.ts';
import { type CopyOutlet, outletsByDocId, withReportedBy } from '../answer/reported-by.ts';
import type { Filters } from '../answer/types.ts';
import { readCorpusSettings } from '../config.ts';
import { loadCorpus } from '../corpus/load.ts';
import { CurationError } from '../curation/errors.ts';
import { FeedError } from '../curation/feeds/parse-feed.ts';
import { exportFolder, importFolder } from '../live/import-export.ts';
import { type OpenedIndex, openAnswerEngine, openStoreIndex } from '../live/open-engine.ts';
import { FolderFeedStore } from '../store/folder-feed-store.ts';
import { feedStoreOf, openCorpusStore } from '../store/open.ts';
import { PgStore } from '../store/pg/pg-store.ts';
import { addFeedArchive } from './add-feed-archive.ts';
import { addUrls } from './add-urls.ts';
import { answerBatchLine, toBatchResults } from './batch.ts';
import { runChat } from './chat.ts';
import {
  ANSI,
  formatProblem,
  PLAIN,
  renderAnswer,
  renderEvents,
  renderQuotes,
  renderSources,
  renderSpeakers,
  renderTimeline,
} from './render.ts';

const USAGE = `Usage: coverage-bot <command> [options]

Commands:
  ask [--event ID] [--source NAME] [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--k N] [--json] "question"
  ask --batch FILE [--k N]      answer JSONL questions, one JSONL answer per line on stdout
  corpus check                  validate the corpus; exits 1 when something is wrong
  corpus import                 load the corpus folder (with its removed articles and audit log)
                                into the database at $DATABASE_URL, replacing what it holds
  corpus export --out DIR       write the database's corpus out as a corpus folder (DIR new or empty)
  corpus add-urls FILE --event ID
                                fetch and add the pages FILE lists (one address a line, or a
                                sitemap.xml) to event ID, skipping duplicates; a second run
                                skips what the first added
  corpus add-feed-archive URL --event ID
                                add every item of the feed at URL and of its older pages
                                (RFC 5005 prev-archive / next links, at most IMPORT_FEED_PAGES)
  events                        the events covered, with article counts and dates
  sources                       the outlets, with article counts and dates
  timeline EVENT                an event's articles in date order
  quotes SPEAKER [--about TEXT] [--event ID] [--source NAME] [--since D] [--until D] [--k N] [--json]
                                what a speaker said, best matching --about first (--json: one
                                statement a line: speaker, kind, text, docId, source, date, event)
  speakers [--event ID]         who the coverage quotes, how often, in which outlets
  chat                          ask questions interactively, as you would ask the bot

Every command takes --corpus DIR (default: $CORPUS_DIR or the built-in corpus/). With DATABASE_URL
set and no --corpus, ask, events, sources, timeline and chat read the database the bot serves.`;

/** A usage error: printed with the usage text, exit code 2. */
class UsageError extends Error {}

const OPTIONS = {
  corpus: { type: 'string' },
  event: { type: 'string' },
  source: { type: 'string' },
  since: { type: 'string' },
  until: { type: 'string' },
  k: { type: 'string' },
  about: { type: 'string' },
  json: { type: 'boolean' },
  batch: { type: 'string' },
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Where the reading commands take the corpus from: a folder, or the database the bot serves. */
type CorpusSource = { corpusDir: string } | { databaseUrl: string };

/**
 * The index of the corpus folder, or of the database at DATABASE_URL when it is set and no
 * --corpus is given (the store is closed once the index is loaded), with who said what read so
 * that answers name their speakers, as the bot's do.
 */
async function openIndex(source: CorpusSource, quiet = false): Promise<AnswerEngine> {
  const { indexCacheDir } = readCorpusSettings();
  let opened: OpenedIndex;
  let where: string;
  if ('databaseUrl' in source) {
    const store = await PgStore.open(source.databaseUrl, { indexCacheDir });
    try {
      opened = await openStoreIndex(store, undefined, undefined, true);
    } finally {
      await store.close();
    }
    where = store.label;
  } else {
    opened = await openAnswerEngine(source.corpusDir, { cacheDir: indexCacheDir, statements: true });
    where = source.corpusDir;
  }
  const { corpus } = opened.index;
  if (opened.warning) process.stderr.write(`warning: ${opened.warning}\n`);
  for (const problem of corpus.problems) process.stderr.write(`warning: ${formatProblem(problem)}\n`);
  if (corpus.articles.length === 0) throw new UsageError(`no articles found in ${where}`);
  if (!quiet && process.stderr.isTTY) {
    const how = `${opened.from} in ${opened.ms.toFixed(0)} ms`;
    process.stderr.write(
      `${corpus.articles.length} articles, ${opened.index.passageCount} passages (${how})\n`,
    );
  }
  return opened.index;
}

/**
 * Who else reported each article, as feeds found (the feed store beside the corpus), by docId;
 * nobody, with a warning, when that store cannot be read.
 */
async function feedCopies(
  source: CorpusSource,
  index: AnswerEngine,
): Promise<(docId: string) => readonly string[]> {
  let copies: CopyOutlet[] = [];
  try {
    if ('databaseUrl' in source) {
      const store = await PgStore.open(source.databaseUrl);
      try {
        copies = await feedStoreOf(store).alsoReportedOf(null);
      } finally {
        await store.close();
      }
    } else copies = await new FolderFeedStore(source.corpusDir).alsoReportedOf(null);
  } catch (error) {
    process.stderr.write(`warning: other outlets' reports are not shown: ${(error as Error).message}\n`);
  }
  return outletsByDocId(copies, index.corpus.articles);
}

function parseK(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const k = parseResultCount(value);
  if (k === null) throw new UsageError(`--k must be a whole number from 1 to ${MAX_RESULT_COUNT}`);
  return k;
}

function parseFilters(values: { event?: string; source?: string; since?: string; until?: string }): Filters {
  const filters: Filters = {
    event: values.event,
    source: values.source,
    since: values.since,
    until: values.until,
  };
  const bad = badDateFilters(filters)[0];
  if (bad !== undefined)
    throw new UsageError(`--${bad} must be a date written as YYYY-MM-DD, e.g. 2016-08-26`);
  if (rangeBackwards(filters)) throw new UsageError('--since is after --until; swap them');
  return filters;
}

/** Runs the CLI with arguments (without node and script); resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: OPTIONS,
    allowPositionals: true,
    strict: true,
  });
  const [command, ...rest] = positionals;
  if (values.help || command === undefined || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return command === undefined && !values.help ? 2 : 0;
  }
  const settings = readCorpusSettings();
  const corpusDir = values.corpus ?? settings.corpusDir;
  const source: CorpusSource =
    values.corpus === undefined && settings.databaseUrl !== undefined
      ? { databaseUrl: settings.databaseUrl }
      : { corpusDir };
  const style = process.stdout.hasColors?.() ? ANSI : PLAIN;

  switch (command) {
    case 'ask': {
      const k = parseK(values.k, 3);
      if (values.batch !== undefined) {
        const index = await openIndex(source, true);
        const outletsOf = await feedCopies(source, index);
        const lines = createInterface({
          input: createReadStream(values.batch),
          crlfDelay: Number.POSITIVE_INFINITY,
        });
        let n = 0;
        for await (const line of lines) {
          n++;
          if (line.trim() === '') continue;
          const out = answerBatchLine(index, line, k, outletsOf);
          if (out.error) process.stderr.write(`warning: ${values.batch}:${n}: ${out.error}\n`);
          process.stdout.write(`${JSON.stringify(out)}\n`);
        }
        return 0;
      }
      const question = rest.join(' ').trim();
      if (question === '')
        throw new UsageError('ask needs a question, e.g. ask "What did Lavrov say about terrorists?"');
      const filters = parseFilters(values);
      const index = await openIndex(source);
      const answer = withReportedBy(
        index.ask(question, { filters, count: k }),
        await feedCopies(source, index),
      );
      if (values.json) {
        process.stdout.write(
          `${JSON.stringify({ question, filters, noAnswer: answer.noAnswer, results: toBatchResults(answer) }, null, 2)}\n`,
        );
      } else {
        process.stdout.write(`${renderAnswer(answer, style, index.events())}\n`);
      }
      return 0;
    }
    case 'corpus': {
      if (rest[0] === 'import' || rest[0] === 'export') return transfer(rest[0], corpusDir, values.out);
      if (rest[0] === 'add-urls' || rest[0] === 'add-feed-archive')
        return importUrls(rest[0], rest[1], values.event, source, settings.indexCacheDir);
      if (rest[0] !== 'check')
        throw new UsageError(
          'unknown corpus command; try: corpus check, import, export, add-urls or add-feed-archive',
        );
      const corpus = await loadCorpus(corpusDir);
      const index = corpus.articles.length > 0 ? buildIndex(corpus) : null;
      process.stdout.write(`Corpus: ${corpusDir}\n`);
      process.stdout.write(
        `${corpus.articles.length} articles, ${index?.passageCount ?? 0} passages, ${corpus.events.length} events\n`,
      );
      const undated = corpus.articles.filter((a) => a.date === null).length;
      const unsourced = corpus.articles.filter((a) => a.source === null).length;
      const noEvent = corpus.articles.filter((a) => a.event === null).length;
      process.stdout.write(
        `${unsourced} with unknown outlet, ${undated} with unknown date, ${noEvent} with no event\n`,
      );
      if (corpus.problems.length === 0 && corpus.articles.length > 0) {
        process.stdout.write('No problems found.\n');
        return 0;
      }
      if (corpus.articles.length === 0) process.stdout.write('Problem: the corpus has no articles.\n');
      process.stdout.write(`${corpus.problems.length} problem${corpus.problems.length === 1 ? '' : 's'}:\n`);
      for (const p of corpus.problems) process.stdout.write(`  ${formatProblem(p)}\n`);
      return 1;
    }
    case 'events':
      process.stdout.write(`${renderEvents((await openIndex(source)).events())}\n`);
      return 0;
    case 'sources':
      process.stdout.write(`${renderSources((await openIndex(source)).sources())}\n`);
      return 0;
    case 'timeline': {
      const index = await openIndex(source);
      const eventId = rest[0];
      if (eventId === undefined || index.eventName(eventId) === null) {
        throw new UsageError(
          `timeline needs an event id: ${index
            .events()
            .map((e) => e.id)
            .join(', ')}`,
        );
      }
      process.stdout.write(`${index.eventName(eventId)}\n${renderTimeline(index.timeline(eventId))}\n`);
      return 0;
    }
    case 'quotes': {
      const typed = rest.join(' ').trim();
      if (typed === '')
        throw new UsageError('quotes needs a speaker, e.g. quotes "Sergei Lavrov" --about ceasefire');
      const filters = parseFilters(values);
      const index = await openIndex(source, values.json === true);
      const speaker = findSpeaker(index, typed);
      if (speaker === null) {
        const known = listSpeakers(index)
          .slice(0, 8)
          .map((s) => s.speaker);
        throw new UsageError(`no speaker “${typed}” in the coverage; try one of: ${known.join(', ')}`);
      }
      const answer = findQuotes(index, speaker, values.about ?? '', filters, parseK(values.k, 3));
      if (values.json) {
        for (const q of answer.results) {
          const line = {
            speaker: q.speaker,
            kind: q.kind,
            text: q.text,
            docId: q.docId,
            source: q.source,
            date: q.date,
            event: q.event,
            ...(q.attributedBy === null ? {} : { attributedBy: q.attributedBy }),
          };
          process.stdout.write(`${JSON.stringify(line)}\n`);
        }
        return 0;
      }
      process.stdout.write(
        `${answer.results.length === 0 ? noQuotesText(speaker, answer.about) : renderQuotes(answer, style)}\n`,
      );
      return 0;
    }
    case 'speakers':
      process.stdout.write(
        `${renderSpeakers(listSpeakers(await openIndex(source), parseFilters(values)), style)}\n`,
      );
      return 0;
    case 'chat':
      await runChat(await openIndex(source), style);
      return 0;
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

/**
 * `corpus add-urls FILE --event ID` and `corpus add-feed-archive URL --event ID`, into the folder
 * or the database the other commands read.
 */
async function importUrls(
  command: 'add-urls' | 'add-feed-archive',
  from: string | undefined,
  event: string | undefined,
  source: CorpusSource,
  indexCacheDir: string | null,
): Promise<number> {
  if (from === undefined || event === undefined)
    throw new UsageError(
      command === 'add-urls'
        ? 'corpus add-urls needs a file of addresses and an event: corpus add-urls FILE --event ID'
        : 'corpus add-feed-archive needs a feed address and an event: corpus add-feed-archive URL --event ID',
    );
  const databaseUrl = 'databaseUrl' in source ? source.databaseUrl : undefined;
  const corpusDir = 'corpusDir' in source ? source.corpusDir : '';
  const store = await openCorpusStore({ corpusDir, indexCacheDir, databaseUrl });
  try {
    return command === 'add-urls'
      ? await addUrls(store, from, event)
      : await addFeedArchive(store, from, event);
  } catch (error) {
    if (error instanceof CurationError || error instanceof FeedError) {
      process.stderr.write(`error: ${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await store.close();
  }
}

/** `corpus import` and `corpus export`, between a folder and the database at DATABASE_URL. */
async function transfer(
  direction: 'import' | 'export',
  corpusDir: string,
  out: string | undefined,
): Promise<number> {
  const { databaseUrl } = readCorpusSettings();
  if (databaseUrl === undefined)
    throw new UsageError(`corpus ${direction} needs DATABASE_URL (postgres://user:password@host:5432/db)`);
  if (direction === 'export' && out === undefined)
    throw new UsageError('corpus export needs --out DIR (a new or empty folder)');
  const store = await PgStore.open(databaseUrl);
  try {
    const report =
      direction === 'import'
        ? await importFolder(store, corpusDir)
        : await exportFolder(store, path.resolve(out as string));
    const what = `${report.files} article files, ${report.removed} removed, ${report.auditLines} audit lines${report.events ? ', the events file' : ''}${report.feeds + report.queued > 0 ? `, ${report.feeds} feeds, ${report.queued} articles waiting for review` : ''}`;
    process.stdout.write(
      direction === 'import'
        ? `Imported ${what} from ${corpusDir} into ${store.label} (corpus version ${report.version}).\n`
        : `Exported ${what} (corpus version ${report.version}) from ${store.label} to ${out}.\n`,
    );
    return 0;
  } finally {
    await store.close();
  }
}

/** Runs `main` on the process' arguments and turns errors into messages and exit codes. */
export async function run(): Promise<void> {
  try {
    process.exitCode = await main(process.argv.slice(2));
  } catch (error) {
    const usage =
      error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    process.stderr.write(`error: ${(error as Error).message}\n${usage ? `\n${USAGE}\n` : ''}`);
    process.exitCode = usage ? 2 : 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('src/cli/main.ts'))
  await run();
