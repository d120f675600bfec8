/**
 * A dedicated connection that LISTENs for corpus changes. When the database drops it, it
 * reconnects with exponential backoff and, once listening again, reports itself back so the
 * owner can catch up on the notifications it missed by comparing versions.
 */
import pg from 'pg';

/** The channel every change is announced on; the payload is the new version. */
export const CHANGE_CHANNEL = 'corpus_changed';

/** First wait before reconnecting, doubled after each failure up to the maximum. */
export const RECONNECT_FIRST_MS = 100;
/** The longest wait between reconnection attempts, by default. */
export const RECONNECT_MAX_MS = 5000;

/** What the listener tells its owner. */
export interface ListenerEvents {
  /** A change was announced with this version. */
  notified(version: string): void;
  /** Listening again after the connection was lost: changes may have been missed. */
  reconnected(): void;
  /** The connection was lost (reconnection is under way). */
  lost(error: unknown): void;
}

/** Listens on CHANGE_CHANNEL over its own connection, reconnecting until stopped. */
export class ChangeListener {
  private client: pg.Client | null = null;
  private stopped = false;
  private timer: NodeJS.Timeout | null = null;
  private wait = RECONNECT_FIRST_MS;

  constructor(
    private readonly config: pg.ClientConfig,
    private readonly events: ListenerEvents,
    private readonly maxWaitMs = RECONNECT_MAX_MS,
  ) {}

  /** Connects and listens; rejects when the first connection fails. */
  async start(): Promise<void> {
    await this.connect();
  }

  private async connect(): Promise<void> {
    const client = new pg.Client(this.config);
    let lost = false;
    const onLost = (error: unknown) => {
      if (lost) return;
      lost = true;
      client.removeAllListeners('notification');
      void client.end().catch(() => undefined);
      if (this.client === client) this.client = null;
      if (this.stopped) return;
      this.events.lost(error);
      this.schedule();
    };
    client.on('error', onLost);
    client.on('end', () => onLost(new Error('Connection terminated')));
    client.on('notification', (message) => {
      if (message.channel === CHANGE_CHANNEL && message.payload) this.events.notified(message.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGE_CHANNEL}`);
    } catch (error) {
      lost = true;
      client.removeAllListeners();
      client.on('error', () => undefined);
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.wait = RECONNECT_FIRST_MS;
  }

  private schedule(): void {
    if (this.stopped || this.timer !== null) return;
    this.timer = setTimeout(async () => {
      this.timer = null;
      try {
        await this.connect();
        if (!this.stopped) this.events.reconnected();
      } catch {
        this.wait = Math.min(this.wait * 2, this.maxWaitMs);
        this.schedule();
      }
    }, this.wait);
    this.timer.unref();
  }

  /** Stops listening and reconnecting. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}
