/** The terminal chat: ask the built-in corpus questions, as a member would ask the bot. */
import { createInterface } from 'node:readline/promises';
import type { AnswerEngine } from '../answer/engine.ts';
import { parseInlineQuery } from '../answer/inline-filters.ts';
import { renderAnswer, renderEvents, type Style } from './render.ts';

const CHAT_HELP = `Ask a question about the coverage, e.g. What did Lavrov say about terrorists?
Add filters inline: event:geneva-aug-2016 source:"The BRICS Post" since:2016-08-01 until:2016-08-31 count:5
Type "more" for the next excerpts, "events" for what is covered, "quit" to leave.`;

/** Reads questions from stdin until end of input or "quit", answering each one. */
export async function runChat(index: AnswerEngine, style: Style): Promise<void> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  const say = (text: string) => process.stdout.write(`${text}\n\n`);
  say(`${index.corpus.articles.length} articles on ${index.events().length} events. ${CHAT_HELP}`);
  let last: {
    question: string;
    query: ReturnType<typeof parseInlineQuery>;
    offset: number;
    k: number;
  } | null = null;
  rl.setPrompt('> ');
  rl.prompt();
  for await (const line of rl) {
    const input = line.trim();
    if (input === 'quit' || input === 'exit') break;
    if (input === '') {
      rl.prompt();
      continue;
    }
    if (input === 'help') say(CHAT_HELP);
    else if (input === 'events') say(renderEvents(index.events()));
    else if (input === 'more') {
      if (last === null) say('Ask a question first.');
      else {
        last.offset += last.k;
        const answer = index.ask(last.query.question, {
          filters: last.query.filters,
          count: last.k,
          offset: last.offset,
        });
        say(
          answer.results.length === 0
            ? 'No more excerpts.'
            : renderAnswer(answer, style, index.events(), 'type "more"'),
        );
      }
    } else {
      const query = parseInlineQuery(input);
      if (query.errors.length > 0) say(query.errors.join('\n'));
      else if (query.question === '') say('Type a question as well as the filters.');
      else {
        const k = query.count ?? 3;
        last = { question: query.question, query, offset: 0, k };
        say(
          renderAnswer(
            index.ask(query.question, { filters: query.filters, count: k }),
            style,
            index.events(),
            'type "more"',
          ),
        );
      }
    }
    rl.prompt();
  }
  rl.close();
}
