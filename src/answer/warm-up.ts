/**
 * Questions made from a corpus' own text and metadata, asked once per process before members ask
 * theirs: wink's model, chrono and WordNet's files are loaded, the answer path's code compiled,
 * and the stems and WordNet relations of the coverage's words read, while nobody waits. A
 * member's first questions would otherwise pay for all of it.
 */
import { ask } from './ask.ts';
import type { EngineState } from './engine-state.ts';
import { rankArticles } from './measures.ts';

/**
 * Questions a warm-up asks at most: past a few hundred V8 has compiled the path, and the rest
 * read more of the corpus' words.
 */
export const WARM_UP_QUESTIONS = 2000;
/** Longest a warm-up runs, in ms, whatever the corpus' size: it runs once, before the bot logs in. */
export const WARM_UP_BUDGET_MS = 1500;
/** Questions per passage of a small corpus: enough to read a passage's every word. */
const QUESTIONS_PER_PASSAGE = 12;
/** Fewest questions a warm-up asks: what compiling the path takes, however small the corpus. */
const MIN_QUESTIONS = 200;

/** How many questions a warm-up asks of a corpus of `passages`. */
export function warmUpCount(passages: number): number {
  return Math.min(WARM_UP_QUESTIONS, Math.max(MIN_QUESTIONS, passages * QUESTIONS_PER_PASSAGE));
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
/** A word of the text: letters and digits, as a member would type it. */
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
/** Words a question takes from a passage. */
const WORDS_TAKEN = 6;

/** "26 August 2016" of a YYYY-MM-DD date, as the month and year and the whole day. */
function spokenDate(date: string): { month: string; day: string } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const name = MONTHS[Number(m?.[2]) - 1];
  if (m === null || name === undefined) return null;
  return { month: `${name} ${m[1]}`, day: `${Number(m[3])} ${name} ${m[1]}` };
}

/**
 * `count` questions spread evenly over the corpus' passages, each made of a few words of its
 * passage in one of the shapes members ask (who, when, how many, what an outlet reported, what
 * happened in a month, an overview of an event, what someone said), so that every branch of the
 * answer path runs. Deterministic: the same corpus gives the same questions.
 */
export function warmUpQuestions(state: EngineState, count: number): string[] {
  const { passages, articleOf, corpus } = state;
  const out: string[] = [];
  if (passages.length === 0) return out;
  const events = new Map(corpus.events.map((e) => [e.id, e.name]));
  for (let i = 0; i < count; i++) {
    // Fewer questions than passages: spread over them; more: round after round, each round
    // taking the next words of every passage.
    const p =
      count < passages.length ? Math.floor(((i + 0.5) * passages.length) / count) : i % passages.length;
    const round = count < passages.length ? 0 : Math.floor(i / passages.length);
    const passage = passages[p];
    const article = corpus.articles[articleOf[p] ?? -1];
    if (passage === undefined || article === undefined) continue;
    const words = article.text.slice(passage.start, passage.end).match(WORD) ?? [];
    const from = words.length > WORDS_TAKEN ? (round * WORDS_TAKEN) % (words.length - WORDS_TAKEN) : 0;
    const topic = words.slice(from, from + WORDS_TAKEN).join(' ');
    const name = words.find((w, k) => k > 0 && /^\p{Lu}\p{Ll}/u.test(w)) ?? words[0] ?? 'it';
    const date = article.date === null ? null : spokenDate(article.date);
    const event = article.event === null ? undefined : events.get(article.event);
    switch (i % 10) {
      case 0:
        out.push(`What ${topic}?`);
        break;
      case 1:
        out.push(`Who ${topic}?`);
        break;
      case 2:
        out.push(`When did ${topic}?`);
        break;
      case 3:
        out.push(`How many ${topic}?`);
        break;
      case 4:
        out.push(
          article.source === null ? `Where ${topic}?` : `What did ${article.source} report about ${topic}?`,
        );
        break;
      case 5:
        out.push(date === null ? `Why ${topic}?` : `What happened in ${date.month}?`);
        break;
      case 6:
        out.push(date === null ? `${topic}` : `${topic} on ${date.day}`);
        break;
      case 7:
        out.push(event === undefined ? `Tell me about ${topic}` : `Summarise ${event}`);
        break;
      case 8:
        // Every other time with a typing slip in the name, as members type (see spelling.ts).
        out.push(`What did ${Math.floor(i / 10) % 2 === 0 ? swapped(name) : name} say about ${topic}?`);
        break;
      default:
        out.push(
          article.source === null ? `Which ${topic}?` : `Where ${topic} according to ${article.source}?`,
        );
    }
  }
  return out;
}

/** `word` with its two middle letters swapped ("Lavrov": "Lavorv"), a typing slip; its own inverse. */
export function swapped(word: string): string {
  const at = Math.floor(word.length / 2) - 1;
  return at < 1 ? word : word.slice(0, at) + word.charAt(at + 1) + word.charAt(at) + word.slice(at + 2);
}

let warmed = false;

/**
 * Asks `warmUpQuestions` of `state` (the answer and the ranking, as members and the bench ask)
 * until `budgetMs` has passed; once per process, since what it readies (compiled code, memoised
 * stems and WordNet relations) is the process', not the engine's. Changes no answer. How many
 * questions it asked and how long it took (none when the process had warmed up already).
 */
export function warmUpAnswerPath(
  state: EngineState,
  count = warmUpCount(state.passages.length),
  budgetMs = WARM_UP_BUDGET_MS,
): { questions: number; ms: number } {
  const started = performance.now();
  let questions = 0;
  if (warmed) return { questions, ms: 0 };
  warmed = true;
  for (const question of warmUpQuestions(state, count)) {
    if (performance.now() - started > budgetMs) break;
    ask(state, question, { count: 3 });
    rankArticles(state, question, 10);
    questions++;
  }
  return { questions, ms: performance.now() - started };
}
