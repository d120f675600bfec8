/**
 * Node options of the processes that answer questions: `npm start`, each shard of
 * `npm run start:sharded`, and the bench's measuring processes. Answering allocates short-lived
 * objects only; a larger young generation collects them less often, so fewer answers wait for a
 * scavenge (the figures are in bench/results.md). package.json's `start` script repeats them;
 * bench:store's bot processes run with them too.
 */

/** Size of each of V8's two young-generation semi-spaces, in MB (Node's default is 16). */
export const SEMI_SPACE_MB = 32;

/** The flags, as `node` takes them before the entry point. */
export const ANSWERING_NODE_FLAGS: readonly string[] = [`--max-semi-space-size=${SEMI_SPACE_MB}`];
