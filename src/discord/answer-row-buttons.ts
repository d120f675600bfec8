/**
 * The handlers of the buttons and menu under every answer (👍, 👎 and its menu, Share, Follow up),
 * by custom-id prefix: /ask declares them, and /compare's and DM answers carry the same row.
 */
import { FOLLOW_PREFIX, SHARE_PREFIX, VOTE_PREFIX } from './answer-row.ts';
import type { ComponentHandler } from './context.ts';
import { handleVote, handleWhy, WHY_PREFIX } from './feedback.ts';
import { handleFollowUp } from './follow-up-thread.ts';
import { handleShare } from './share.ts';

/** The answer row's components, for a command's `components`. */
export const ANSWER_ROW_COMPONENTS: Record<string, ComponentHandler> = {
  [VOTE_PREFIX]: { kind: 'button', handle: handleVote },
  [WHY_PREFIX]: { kind: 'select', handle: handleWhy },
  [SHARE_PREFIX]: { kind: 'button', handle: handleShare },
  [FOLLOW_PREFIX]: { kind: 'button', handle: handleFollowUp },
};
