/**
 * Putting a corpus together from its parsed files: articles in file order, an id used twice kept
 * once (the first file's), an unknown event reported. `CorpusAssembly` does it again after a
 * change for the files that changed only, when that cannot change what the others give.
 */
import { joinLists } from '../util/join-lists.ts';
import { EVENTS_FILE, parseEvents } from './events.ts';
import type { Article, Corpus, CorpusProblem, CorpusSnapshot, ParsedFile } from './types.ts';

/** What one file gives the corpus: its articles kept and its problems. */
interface FileShare {
  parsed: ParsedFile;
  articles: Article[];
  problems: CorpusProblem[];
}

/** The files of one assembly, with what a next one needs to reuse them. */
interface Assembled {
  /** The events' ids, in order, joined: unknown-event problems hold while they are the same. */
  eventIds: string;
  shares: Map<string, FileShare>;
  /** Each article id and the path of the file it is kept from. */
  owners: Map<string, string>;
  /** Whether some id was used twice: which one is kept then depends on every file. */
  duplicates: boolean;
}

/**
 * The corpus of a snapshot whose files are parsed by `parse` (`label` names where they came from).
 * Never throws for bad content: problems are collected in `corpus.problems`.
 */
export function assembleCorpus(
  label: string,
  snapshot: CorpusSnapshot,
  parse: (path: string, content: string, md5?: string) => ParsedFile,
): Corpus {
  return assemble(label, snapshot, parse, null).corpus;
}

/**
 * Assembles the corpus of successive snapshots of one store; each after the first reuses what the
 * files it shares with the last one gave (the same parse objects), so a change costs a pass over
 * the files, not over their articles. Falls back to a whole assembly when the events' ids changed
 * or an id is used in two files.
 */
export class CorpusAssembly {
  private last: Assembled | null = null;

  /** The corpus of `snapshot`, as `assembleCorpus` makes it. */
  corpusOf(
    label: string,
    snapshot: CorpusSnapshot,
    parse: (path: string, content: string, md5?: string) => ParsedFile,
  ): Corpus {
    const { corpus, assembled } = assemble(label, snapshot, parse, this.last);
    this.last = assembled;
    return corpus;
  }
}

function assemble(
  label: string,
  snapshot: CorpusSnapshot,
  parse: (path: string, content: string, md5?: string) => ParsedFile,
  last: Assembled | null,
): { corpus: Corpus; assembled: Assembled } {
  const { events, problems: eventProblems } =
    snapshot.events === null ? { events: [], problems: [] } : parseEvents(snapshot.events);
  const eventIds = events.map((e) => e.id).join('\n');
  const parsed = snapshot.files.map((file) => parse(file.path, file.content, file.md5));
  const assembled =
    (last !== null && last.eventIds === eventIds && !last.duplicates && reassemble(snapshot, parsed, last)) ||
    assembleAll(snapshot, parsed, eventIds, new Set(events.map((e) => e.id)));
  const lists: Article[][] = [];
  const problems: CorpusProblem[] = [...eventProblems, ...snapshot.problems];
  for (const file of snapshot.files) {
    const share = assembled.shares.get(file.path) as FileShare;
    if (share.articles.length > 0) lists.push(share.articles);
    for (const problem of share.problems) problems.push(problem);
  }
  // A copy even of one file's list: the corpus must not share the share's array.
  const articles = lists.length === 1 ? (lists[0] as Article[]).slice() : joinLists(lists);
  return { corpus: { label, articles, events, problems }, assembled };
}

/** Every file's share, from the first file on. */
function assembleAll(
  snapshot: CorpusSnapshot,
  parsed: ParsedFile[],
  eventIds: string,
  knownEvents: Set<string>,
): Assembled {
  const shares = new Map<string, FileShare>();
  const owners = new Map<string, string>();
  let duplicates = false;
  snapshot.files.forEach((file, i) => {
    const fileParse = parsed[i] as ParsedFile;
    const share: FileShare = { parsed: fileParse, articles: [], problems: [...fileParse.problems] };
    for (const article of fileParse.articles) {
      const clash = owners.get(article.id);
      if (clash !== undefined) {
        duplicates = true;
        share.problems.push(
          problemOf(article, `duplicate id "${article.id}" (already used by ${clash}); skipped`),
        );
        continue;
      }
      if (article.event !== null && !knownEvents.has(article.event))
        share.problems.push(unknownEvent(article));
      owners.set(article.id, article.path);
      share.articles.push(article);
    }
    shares.set(file.path, share);
  });
  return { eventIds, shares, owners, duplicates };
}

/**
 * The shares of a snapshot from the last assembly's, making only those of files whose parse
 * changed; null (assemble all) when one of their ids is used by another file or twice.
 */
function reassemble(snapshot: CorpusSnapshot, parsed: ParsedFile[], last: Assembled): Assembled | null {
  const shares = new Map<string, FileShare>();
  const changed: number[] = [];
  snapshot.files.forEach((file, i) => {
    const share = last.shares.get(file.path);
    if (share !== undefined && share.parsed === parsed[i]) shares.set(file.path, share);
    else changed.push(i);
  });
  const gone = [...last.shares.keys()].filter((path) => shares.get(path) === undefined);
  if (changed.length === 0 && gone.length === 0) return { ...last, shares };
  // The owners map is the last assembly's, changed in place: it is not asked for again.
  const owners = last.owners;
  for (const path of gone)
    for (const article of (last.shares.get(path) as FileShare).articles) owners.delete(article.id);
  const knownEvents = new Set(last.eventIds === '' ? [] : last.eventIds.split('\n'));
  for (const i of changed) {
    const file = snapshot.files[i] as { path: string };
    const fileParse = parsed[i] as ParsedFile;
    const share: FileShare = { parsed: fileParse, articles: [], problems: [...fileParse.problems] };
    for (const article of fileParse.articles) {
      if (owners.has(article.id)) {
        // Which file keeps it depends on the others: the caller assembles all.
        return null;
      }
      if (article.event !== null && !knownEvents.has(article.event))
        share.problems.push(unknownEvent(article));
      owners.set(article.id, article.path);
      share.articles.push(article);
    }
    shares.set(file.path, share);
  }
  return { eventIds: last.eventIds, shares, owners, duplicates: false };
}

function unknownEvent(article: Article): CorpusProblem {
  return problemOf(article, `unknown event "${article.event}": add it to ${EVENTS_FILE} or fix the event id`);
}

function problemOf(article: Article, message: string): CorpusProblem {
  const match = /:(\d+)$/.exec(article.path);
  return { path: article.path, line: match ? Number(match[1]) : null, message };
}
