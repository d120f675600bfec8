/** The /corpus report as a reply: what members asked, what went unanswered, what they voted down. */
import type { APIEmbed } from 'discord.js';
import type { CoverageReport, ReportLine } from '../curation/coverage-report.ts';
import type { QuestionLogMode } from '../store/member-data.ts';
import { fitEmbed } from './embed-fit.ts';
import { escapeCorpusText } from './escape.ts';
import { EMBED_FIELD_VALUE_MAX, truncate } from './limits.ts';
import { type ReplyPayload, reply } from './reply.ts';

/** Lines joined within a field's limit, whole lines only. */
function fieldValue(lines: string[], empty: string): string {
  if (lines.length === 0) return empty;
  const kept: string[] = [];
  let length = 0;
  for (const line of lines) {
    if (length + line.length + 1 > EMBED_FIELD_VALUE_MAX) break;
    kept.push(line);
    length += line.length + 1;
  }
  return kept.join('\n');
}

/** A member's words, escaped and kept short. */
const quoted = (text: string) => `“${escapeCorpusText(truncate(text, 150))}”`;

function unansweredLine(l: ReportLine): string {
  const topic = l.topic ? ` — topic words: ${escapeCorpusText(truncate(l.topic, 80))}` : '';
  return `**${l.count}×** ${quoted(l.question)}${topic}`;
}

function downLine(l: ReportLine): string {
  const reasons = l.reasons && l.reasons.length > 0 ? ` (${[...new Set(l.reasons)].join('; ')})` : '';
  return `**${l.count}** 👎 · ${l.up ?? 0} 👍 ${quoted(l.question)}${reasons}`;
}

/** The report for the last `days` days; says so when questions are not logged. */
export function renderCoverageReport(
  report: CoverageReport,
  days: number,
  questionLog: QuestionLogMode,
): ReplyPayload {
  const notLogged =
    questionLog === 'off' ? 'Questions are not logged (QUESTION_LOG=off).' : 'No question yet.';
  const embed: APIEmbed = {
    color: 0x3b82f6,
    title: `What the coverage lacks: the last ${days} day${days === 1 ? '' : 's'}`,
    description: `${report.questions} question${report.questions === 1 ? '' : 's'} logged, ${report.votes} vote${report.votes === 1 ? '' : 's'}. Add coverage for the unanswered topics and the answers voted down.`,
    fields: [
      {
        name: 'Most asked',
        value: fieldValue(
          report.mostAsked.map((l) => `**${l.count}×** ${quoted(l.question)}`),
          notLogged,
        ),
      },
      {
        name: 'Not answered by the coverage',
        value: fieldValue(report.unanswered.map(unansweredLine), questionLog === 'off' ? notLogged : 'None.'),
      },
      { name: 'Most 👎', value: fieldValue(report.mostDown.map(downLine), 'None.') },
    ],
  };
  return reply({ embeds: [fitEmbed(embed)] });
}
