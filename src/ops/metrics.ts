/**
 * The bot's Prometheus metrics (prom-client), one registry per process: what it was asked and how
 * it answered, how long answers took, what it serves, how its corpus changed, store errors.
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** How an interaction or message ended: handled, failed (the member got an apology), or the store was down. */
export type InteractionOutcome = 'ok' | 'error' | 'store_unavailable';

/**
 * What became of a question: `answered` with excerpts, `refused` because the coverage does not
 * answer it, `rate_limited`, or `invalid` (empty, too long, bad filters).
 */
export type QuestionOutcome = 'answered' | 'refused' | 'rate_limited' | 'invalid';

/** A corpus update: a moderator's refresh, a change (add, remove…), or catching up with another process. */
export type CorpusUpdateKind = 'refresh' | 'change' | 'catch_up';

/** What the index serves now, read at each scrape. */
export interface IndexFigures {
  articles: number;
  passages: number;
  version: string;
}

/** Buckets for answer times, in seconds: retrieval takes milliseconds, Discord allows 3 s. */
const ANSWER_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Buckets for corpus updates, in seconds: a small corpus rebuilds in a second, a large one in a minute. */
const UPDATE_BUCKETS = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];

/** The metrics of one bot process. */
export class BotMetrics {
  /** Every metric below, plus Node's process metrics when asked for. */
  readonly registry = new Registry();
  private readonly interactions: Counter<'command' | 'outcome'>;
  private readonly interactionSeconds: Histogram<'command'>;
  private readonly questions: Counter<'outcome'>;
  private readonly rankingSeconds: Histogram;
  private readonly updates: Histogram<'kind' | 'ok'>;
  private readonly storeErrors: Counter<'where'>;
  private indexFigures: () => IndexFigures | null = () => null;

  /**
   * `shard` labels every metric (and is exported as `coverage_shard_id`); `processMetrics` adds
   * Node's CPU, memory and event-loop metrics (off in tests, where many bots share a process).
   */
  constructor(options: { shard?: number; processMetrics?: boolean } = {}) {
    const registers = [this.registry];
    if (options.shard !== undefined) this.registry.setDefaultLabels({ shard: String(options.shard) });
    if (options.processMetrics) collectDefaultMetrics({ register: this.registry });
    this.interactions = new Counter({
      name: 'coverage_interactions_total',
      help: 'Slash commands, buttons and messages handled, by command and outcome.',
      labelNames: ['command', 'outcome'],
      registers,
    });
    this.interactionSeconds = new Histogram({
      name: 'coverage_interaction_seconds',
      help: 'Time from receiving an interaction or message to the reply sent (the whole answer for ask and message).',
      labelNames: ['command'],
      buckets: ANSWER_BUCKETS,
      registers,
    });
    this.questions = new Counter({
      name: 'coverage_questions_total',
      help: 'Questions by outcome: answered, refused (the coverage does not answer), rate_limited, invalid.',
      labelNames: ['outcome'],
      registers,
    });
    this.rankingSeconds = new Histogram({
      name: 'coverage_ranking_seconds',
      help: 'Time to rank the passages and choose the excerpts of one question.',
      buckets: ANSWER_BUCKETS,
      registers,
    });
    this.updates = new Histogram({
      name: 'coverage_corpus_update_seconds',
      help: 'Duration of corpus refreshes, changes and catch-ups, by kind and whether they succeeded.',
      labelNames: ['kind', 'ok'],
      buckets: UPDATE_BUCKETS,
      registers,
    });
    this.storeErrors = new Counter({
      name: 'coverage_store_errors_total',
      help: 'Times the corpus store was unavailable: to an interaction, or a lost connection.',
      labelNames: ['where'],
      registers,
    });
    const figures = () => this.indexFigures();
    new Gauge({
      name: 'coverage_index_articles',
      help: 'Articles in the index served now.',
      registers,
      collect() {
        const f = figures();
        if (f) this.set(f.articles);
      },
    });
    new Gauge({
      name: 'coverage_index_passages',
      help: 'Passages in the index served now.',
      registers,
      collect() {
        const f = figures();
        if (f) this.set(f.passages);
      },
    });
    new Gauge({
      name: 'coverage_index_info',
      help: 'Always 1, labelled with the corpus version served now.',
      labelNames: ['version'],
      registers,
      collect() {
        const f = figures();
        this.reset();
        if (f) this.set({ version: f.version }, 1);
      },
    });
    if (options.shard !== undefined)
      new Gauge({ name: 'coverage_shard_id', help: 'This process\u2019s shard id.', registers }).set(
        options.shard,
      );
  }

  /** Reads the index figures from `read` at each scrape. */
  watchIndex(read: () => IndexFigures): void {
    this.indexFigures = read;
  }

  /** Counts one interaction (or message, as command `message`) and how long it took. */
  interaction(command: string, outcome: InteractionOutcome, seconds: number): void {
    this.interactions.inc({ command, outcome });
    this.interactionSeconds.observe({ command }, seconds);
  }

  /** Counts one question by outcome. */
  question(outcome: QuestionOutcome): void {
    this.questions.inc({ outcome });
  }

  /** Records the ranking time of one question. */
  ranking(seconds: number): void {
    this.rankingSeconds.observe(seconds);
  }

  /** Records one corpus update. */
  corpusUpdate(kind: CorpusUpdateKind, seconds: number, ok: boolean): void {
    this.updates.observe({ kind, ok: String(ok) }, seconds);
  }

  /** Counts one time the store was unavailable, `where` it was met. */
  storeError(where: 'interaction' | 'connection'): void {
    this.storeErrors.inc({ where });
  }

  /** The Prometheus text exposition of every metric. */
  text(): Promise<string> {
    return this.registry.metrics();
  }

  /** The content type of {@link text}. */
  get contentType(): string {
    return this.registry.contentType;
  }
}
