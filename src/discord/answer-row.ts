/**
 * The buttons under every answer: 👍 and 👎, Share (a private answer, for its asker) and Follow up
 * (a public answer in a server: opens a thread). Each custom id carries what its handler needs,
 * so the buttons work for as long as the message exists.
 */
import { type APIActionRowComponent, type APIButtonComponent, ButtonStyle, ComponentType } from 'discord.js';
import type { ShownAnswer } from '../store/member-data.ts';

/** `vote:<up|down>:<a|c|d>:<answer key>:<asker id>` (a: /ask, c: /compare, d: DM or mention). */
export const VOTE_PREFIX = 'vote:';
/** `share:<asker id>`. */
export const SHARE_PREFIX = 'share:';
/** `follow:<answer key>`. */
export const FOLLOW_PREFIX = 'follow:';

const COMMAND_CODES = { ask: 'a', compare: 'c', dm: 'd' } as const;

/** What a vote button says. */
export interface VoteButton {
  vote: 'up' | 'down';
  command: ShownAnswer['command'];
  key: string;
  askerId: string;
}

/** Reads a vote button's custom id; null when it is not one. */
export function parseVoteId(customId: string): VoteButton | null {
  const [vote, code, key, askerId] = customId.slice(VOTE_PREFIX.length).split(':');
  const command = (Object.keys(COMMAND_CODES) as Array<keyof typeof COMMAND_CODES>).find(
    (c) => COMMAND_CODES[c] === code,
  );
  if ((vote !== 'up' && vote !== 'down') || command === undefined || !key || !askerId) return null;
  return { vote, command, key, askerId };
}

/** Which buttons an answer gets besides the votes. */
export interface AnswerRowOptions {
  key: string;
  askerId: string;
  command: ShownAnswer['command'];
  /** A private answer: Share posts it to the channel. */
  share: boolean;
  /** A public answer in a server: Follow up opens a thread on it. */
  followUp: boolean;
}

/** The Follow up button of the answer remembered as `key`. */
export function followUpButton(key: string): APIButtonComponent {
  return {
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    label: 'Follow up',
    custom_id: `${FOLLOW_PREFIX}${key}`,
  };
}

/** The row of 👍, 👎 and, as asked, Share and Follow up. */
export function answerRow(options: AnswerRowOptions): APIActionRowComponent<APIButtonComponent> {
  const code = COMMAND_CODES[options.command];
  const vote = (v: 'up' | 'down', emoji: string): APIButtonComponent => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    emoji: { name: emoji },
    custom_id: `${VOTE_PREFIX}${v}:${code}:${options.key}:${options.askerId}`,
  });
  const components: APIButtonComponent[] = [vote('up', '👍'), vote('down', '👎')];
  if (options.share)
    components.push({
      type: ComponentType.Button,
      style: ButtonStyle.Primary,
      label: 'Share',
      custom_id: `${SHARE_PREFIX}${options.askerId}`,
    });
  if (options.followUp) components.push(followUpButton(options.key));
  return { type: ComponentType.ActionRow, components };
}
