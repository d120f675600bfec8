/**
 * A local fake Discord for end-to-end tests: a REST server and a WebSocket gateway on 127.0.0.1
 * that the real discord.js client logs in to. It dispatches real interaction and message payloads
 * and records everything the bot sends back.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

export const TOKEN = `FAKE.${'x'.repeat(24)}.${'y'.repeat(38)}`;
export const APP_ID = '100000000000000001';
export const BOT_ID = APP_ID;
export const GUILD_ID = '200000000000000002';
/** Another server the bot is in, not one of its home servers. */
export const OTHER_GUILD_ID = '200000000000000077';
export const CHANNEL_ID = '300000000000000003';
export const DM_CHANNEL_ID = '300000000000000099';
export const MODERATOR_ROLE_ID = '400000000000000004';

/** Permissions: View Channel + Send Messages (no Manage Server), and the same with Manage Server. */
export const MEMBER_PERMISSIONS = '3072';
export const MANAGER_PERMISSIONS = String(3072 | 32);

/** Something the bot sent, as the fake received it. */
export interface Sent {
  kind: 'callback' | 'edit' | 'delete' | 'followup' | 'message' | 'commands' | 'thread';
  /**
   * The interaction id (callbacks) or interaction token (webhooks), the channel id (messages), or
   * where commands were registered: `guild:<id>` or `global`.
   */
  key: string;
  body: Record<string, unknown>;
  at: number;
}

export interface FakeUser {
  id: string;
  username: string;
}

let nextId = 500000000000000000n;
function snowflake(): string {
  nextId += 1n;
  return String(nextId);
}

function userObject(user: FakeUser) {
  return {
    id: user.id,
    username: user.username,
    discriminator: '0',
    global_name: user.username,
    avatar: null,
    bot: false,
  };
}

const BOT_USER = {
  id: BOT_ID,
  username: 'coverage-bot',
  discriminator: '0',
  global_name: null,
  avatar: null,
  bot: true,
};

/** A message object with every field discord.js reads. */
export function messageObject(
  channelId: string,
  author: object,
  body: Record<string, unknown>,
  extra: Record<string, unknown> = {},
) {
  return {
    id: snowflake(),
    channel_id: channelId,
    author,
    content: (body.content as string) ?? '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: (body.embeds as unknown[]) ?? [],
    components: (body.components as unknown[]) ?? [],
    pinned: false,
    type: 0,
    flags: 0,
    ...extra,
  };
}

/** The shard a guild belongs to, as Discord computes it. */
export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

export interface FakeDiscordOptions {
  /** The shard count GET /gateway/bot recommends (default 1). */
  shards?: number;
  /** `session_start_limit.max_concurrency` (default 1). */
  maxConcurrency?: number;
  /**
   * The privileged intents switched on in the Developer Portal (a bit field, default none: a bot in
   * over 100 servers gets one only after Discord approves it). Asking for another closes with 4014.
   */
  privilegedIntents?: number;
}

/** Gateway intent bits the fake acts on. */
export const INTENTS = {
  GuildMembers: 1 << 1,
  GuildPresences: 1 << 8,
  GuildMessages: 1 << 9,
  DirectMessages: 1 << 12,
  MessageContent: 1 << 15,
} as const;
const PRIVILEGED = INTENTS.GuildMembers | INTENTS.GuildPresences | INTENTS.MessageContent;

/** Where an interaction comes from: a DM, or a server (GUILD_ID by default) with the member's rights. */
export interface InteractionPlace {
  dm?: boolean;
  guildId?: string;
  permissions?: string;
  roles?: string[];
  /** A thread of the server's channel (default: the channel itself). */
  threadId?: string;
}

export class FakeDiscord {
  readonly sent: Sent[] = [];
  /** The `[shard id, shard count]` of each gateway session, in the order they identified. */
  readonly identified: Array<[number, number]> = [];
  /** The intents each session asked for, in the order they identified. */
  readonly identifiedIntents: number[] = [];
  private shardOfSocket = new Map<WebSocket, [number, number]>();
  private intentsOfSocket = new Map<WebSocket, number>();
  private server: Server;
  private wss: WebSocketServer;
  private sockets = new Set<WebSocket>();
  private seq = 0;
  private waiters: Array<{ test: (s: Sent) => boolean; resolve: (s: Sent) => void }> = [];
  /** Messages that have a thread (the thread has the message's id). */
  private threads = new Set<string>();
  private gatewayDown = false;
  /** Each session's shard and intents by session id, for a RESUME. */
  private resumable = new Map<string, { shard: [number, number]; intents: number }>();
  port = 0;

  constructor(private readonly options: FakeDiscordOptions = {}) {
    this.server = createServer((req, res) => void this.handleRest(req, res));
    this.wss = new WebSocketServer({ noServer: true });
    this.server.on('upgrade', (req, socket, head) => {
      if (this.gatewayDown) {
        socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n');
        return;
      }
      this.wss.handleUpgrade(req, socket, head, (ws) => this.handleGateway(ws));
    });
  }

  /** Starts listening on a free port of 127.0.0.1. */
  async start(): Promise<void> {
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** The REST base the bot's client must use. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  /** Closes every socket and the servers. */
  async stop(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Resolves with the first sent item (already sent or to come) that passes `test`. */
  waitFor(test: (s: Sent) => boolean, timeoutMs = 5000): Promise<Sent> {
    const found = this.sent.find(test);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('FakeDiscord: timed out waiting for the bot')),
        timeoutMs,
      );
      this.waiters.push({
        test,
        resolve: (s) => {
          clearTimeout(timer);
          resolve(s);
        },
      });
    });
  }

  private record(s: Sent): void {
    this.sent.push(s);
    const ready = this.waiters.filter((w) => w.test(s));
    this.waiters = this.waiters.filter((w) => !w.test(s));
    for (const w of ready) w.resolve(s);
  }

  private async handleRest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: Record<string, unknown> = {};
    if (raw !== '') {
      // discord.js sends JSON, or multipart with a payload_json part when files are attached.
      const json =
        raw.startsWith('{') || raw.startsWith('[')
          ? raw
          : /name="payload_json"\r?\n(?:[^\r\n]*\r?\n)*?\r?\n([\s\S]*?)\r?\n--/.exec(raw)?.[1];
      body = json ? (JSON.parse(json) as Record<string, unknown>) : {};
    }
    const url = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/api\/v\d+/, '');
    const reply = (status: number, json?: unknown) => {
      res.writeHead(status, json === undefined ? {} : { 'content-type': 'application/json' });
      res.end(json === undefined ? undefined : JSON.stringify(json));
    };
    const now = performance.now();
    const routes: Array<[string, RegExp, (m: RegExpExecArray) => void]> = [
      [
        'GET',
        /^\/gateway\/bot$/,
        () => {
          if (req.headers.authorization !== `Bot ${TOKEN}`)
            return reply(401, { message: '401: Unauthorized', code: 0 });
          const limit = {
            total: 1000,
            remaining: 1000,
            reset_after: 0,
            max_concurrency: this.options.maxConcurrency ?? 1,
          };
          reply(200, {
            url: `ws://127.0.0.1:${this.port}/gateway`,
            shards: this.options.shards ?? 1,
            session_start_limit: limit,
          });
        },
      ],
      [
        'POST',
        /^\/interactions\/(\d+)\/([^/]+)\/callback$/,
        (m) => {
          this.record({ kind: 'callback', key: m[1] as string, body, at: now });
          reply(204);
        },
      ],
      [
        'PATCH',
        /^\/webhooks\/\d+\/([^/]+)\/messages\/@original$/,
        (m) => {
          this.record({ kind: 'edit', key: m[1] as string, body, at: now });
          reply(200, messageObject(CHANNEL_ID, BOT_USER, body));
        },
      ],
      [
        'DELETE',
        /^\/webhooks\/\d+\/([^/]+)\/messages\/@original$/,
        (m) => {
          this.record({ kind: 'delete', key: m[1] as string, body, at: now });
          reply(204);
        },
      ],
      [
        'POST',
        /^\/webhooks\/\d+\/([^/]+)$/,
        (m) => {
          this.record({ kind: 'followup', key: m[1] as string, body, at: now });
          reply(200, messageObject(CHANNEL_ID, BOT_USER, body));
        },
      ],
      [
        'POST',
        /^\/users\/@me\/channels$/,
        () =>
          reply(200, {
            id: DM_CHANNEL_ID,
            type: 1,
            recipients: [{ id: body.recipient_id, username: 'member' }],
          }),
      ],
      [
        'POST',
        /^\/channels\/(\d+)\/messages\/(\d+)\/threads$/,
        (m) => {
          // Like Discord: one thread per message, with the message's id; THREAD_CREATE follows.
          const [, channelId, messageId] = m as unknown as [string, string, string];
          if (this.threads.has(messageId))
            return reply(400, {
              message: 'A thread has already been created for this message',
              code: 160004,
            });
          const thread = this.threadObject(channelId, messageId, String(body.name ?? ''));
          this.threads.add(messageId);
          this.record({ kind: 'thread', key: messageId, body, at: now });
          reply(201, thread);
          this.dispatch('THREAD_CREATE', { ...thread, newly_created: true });
        },
      ],
      [
        'POST',
        /^\/channels\/(\d+)\/messages$/,
        (m) => {
          this.record({ kind: 'message', key: m[1] as string, body, at: now });
          reply(200, messageObject(m[1] as string, BOT_USER, body));
        },
      ],
      [
        'PUT',
        /^\/applications\/\d+(?:\/guilds\/(\d+))?\/commands$/,
        (m) => {
          this.record({ kind: 'commands', key: m[1] ? `guild:${m[1]}` : 'global', body, at: now });
          reply(
            200,
            (body as unknown as object[]).map((c) => ({
              ...c,
              id: snowflake(),
              application_id: APP_ID,
              version: '1',
            })),
          );
        },
      ],
    ];
    for (const [method, pattern, handle] of routes) {
      const m = req.method === method ? pattern.exec(url) : null;
      if (m) return handle(m);
    }
    return reply(404, { message: `Unknown route ${req.method} ${url}`, code: 0 });
  }

  private handleGateway(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on('close', () => {
      this.sockets.delete(ws);
      this.shardOfSocket.delete(ws);
      this.intentsOfSocket.delete(ws);
    });
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 45_000 } }));
    ws.on('message', (data) => {
      const packet = JSON.parse(String(data)) as {
        op: number;
        d: { token?: string; shard?: [number, number]; intents?: number; session_id?: string };
      };
      if (packet.op === 1) ws.send(JSON.stringify({ op: 11 }));
      const session = this.resumable.get(packet.d.session_id ?? '');
      if (packet.op === 6 && session !== undefined && packet.d.token === TOKEN) {
        // RESUME after a cut: the session goes on with the shard and intents it had.
        this.shardOfSocket.set(ws, session.shard);
        this.intentsOfSocket.set(ws, session.intents);
        this.send(ws, 'RESUMED', {});
      }
      if (packet.op === 2) {
        if (packet.d.token !== TOKEN) {
          ws.close(4004, 'Authentication failed.');
          return;
        }
        const intents = packet.d.intents ?? 0;
        this.identifiedIntents.push(intents);
        if ((intents & PRIVILEGED & ~(this.options.privilegedIntents ?? 0)) !== 0) {
          ws.close(4014, 'Disallowed intent(s).');
          return;
        }
        this.intentsOfSocket.set(ws, intents);
        // Like Discord, the server's events go to the session of its shard only.
        const shard = packet.d.shard ?? [0, 1];
        const sessionId = `fake-session-${shard[0]}`;
        this.resumable.set(sessionId, { shard, intents });
        const ours = shardOf(GUILD_ID, shard[1]) === shard[0];
        this.identified.push(shard);
        this.shardOfSocket.set(ws, shard);
        this.send(ws, 'READY', {
          v: 10,
          user: BOT_USER,
          guilds: ours ? [{ id: GUILD_ID, unavailable: true }] : [],
          session_id: sessionId,
          resume_gateway_url: `ws://127.0.0.1:${this.port}/gateway`,
          shard,
          application: { id: APP_ID, flags: 0 },
        });
        if (ours) this.send(ws, 'GUILD_CREATE', this.guild());
      }
    });
  }

  private guild() {
    return {
      id: GUILD_ID,
      name: 'Test server',
      icon: null,
      owner_id: '999999999999999999',
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      features: [],
      mfa_level: 0,
      system_channel_id: null,
      system_channel_flags: 0,
      rules_channel_id: null,
      vanity_url_code: null,
      description: null,
      banner: null,
      premium_tier: 0,
      preferred_locale: 'en-US',
      public_updates_channel_id: null,
      nsfw_level: 0,
      premium_progress_bar_enabled: false,
      emojis: [],
      stickers: [],
      roles: [
        {
          id: GUILD_ID,
          name: '@everyone',
          color: 0,
          hoist: false,
          position: 0,
          permissions: MEMBER_PERMISSIONS,
          managed: false,
          mentionable: false,
          flags: 0,
        },
        {
          id: MODERATOR_ROLE_ID,
          name: 'Moderators',
          color: 0,
          hoist: false,
          position: 1,
          permissions: MEMBER_PERMISSIONS,
          managed: false,
          mentionable: false,
          flags: 0,
        },
      ],
      channels: [
        {
          id: CHANNEL_ID,
          type: 0,
          guild_id: GUILD_ID,
          name: 'general',
          position: 0,
          permission_overwrites: [],
        },
      ],
      threads: [],
      members: [
        {
          user: BOT_USER,
          roles: [],
          joined_at: new Date().toISOString(),
          deaf: false,
          mute: false,
          flags: 0,
        },
      ],
      voice_states: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      member_count: 2,
      large: false,
      unavailable: false,
      joined_at: new Date().toISOString(),
    };
  }

  private send(ws: WebSocket, t: string, d: unknown): void {
    this.seq += 1;
    ws.send(JSON.stringify({ op: 0, t, s: this.seq, d }));
  }

  /**
   * Sends a gateway event to the session of its server's shard (shard 0 for DMs). As Discord does,
   * a message goes only to a session with the intent for its kind (server or DM), and without the
   * Message Content intent a server message that does not mention the bot arrives without content.
   */
  dispatch(t: string, d: unknown): void {
    const guildId = (d as { guild_id?: string }).guild_id;
    for (const ws of this.sockets) {
      const [id, count] = this.shardOfSocket.get(ws) ?? [0, 1];
      if (id !== (guildId === undefined ? 0 : shardOf(guildId, count))) continue;
      if (t !== 'MESSAGE_CREATE') this.send(ws, t, d);
      else {
        const message = this.asReceived(d as Record<string, unknown>, this.intentsOfSocket.get(ws) ?? 0);
        if (message !== null) this.send(ws, t, message);
      }
    }
  }

  /** A public thread of the server's channel, owned by the bot, as Discord describes it. */
  private threadObject(parentId: string, id: string, name: string) {
    return {
      id,
      type: 11,
      guild_id: GUILD_ID,
      parent_id: parentId,
      owner_id: BOT_ID,
      name,
      last_message_id: null,
      message_count: 0,
      member_count: 1,
      rate_limit_per_user: 0,
      flags: 0,
      thread_metadata: {
        archived: false,
        auto_archive_duration: 1440,
        archive_timestamp: new Date().toISOString(),
        locked: false,
      },
    };
  }

  /** A message as a session with `intents` receives it: whole, without its content, or not at all. */
  private asReceived(message: Record<string, unknown>, intents: number): Record<string, unknown> | null {
    const inGuild = message.guild_id !== undefined;
    if ((intents & (inGuild ? INTENTS.GuildMessages : INTENTS.DirectMessages)) === 0) return null;
    const mentions = (message.mentions as Array<{ id: string }> | undefined) ?? [];
    const readable =
      !inGuild ||
      (intents & INTENTS.MessageContent) !== 0 ||
      mentions.some((u) => u.id === BOT_ID) ||
      (message.author as { id?: string } | undefined)?.id === BOT_ID;
    return readable ? message : { ...message, content: '', embeds: [], attachments: [], components: [] };
  }

  /** Cuts every gateway session and refuses new ones until {@link restoreGateway}, as in an outage. */
  dropGateway(): void {
    this.gatewayDown = true;
    for (const ws of this.sockets) ws.terminate();
  }

  /** Accepts gateway sessions again; a client resuming its session is told it resumed. */
  restoreGateway(): void {
    this.gatewayDown = false;
  }

  /** Gateway sessions open now. */
  get sessions(): number {
    return this.sockets.size;
  }

  /**
   * Common fields of an interaction from `user`, in a server (GUILD_ID unless `guildId`, with
   * `permissions` and `roles`) or in a DM.
   */
  private interactionBase(user: FakeUser, where: InteractionPlace) {
    const id = snowflake();
    const token = `itoken-${id}`;
    const base = {
      id,
      token,
      application_id: APP_ID,
      version: 1,
      locale: 'en-US',
      entitlements: [],
      authorizing_integration_owners: { '0': GUILD_ID },
      app_permissions: MANAGER_PERMISSIONS,
    };
    if (where.dm) {
      return {
        ...base,
        context: 1,
        channel_id: DM_CHANNEL_ID,
        channel: { id: DM_CHANNEL_ID, type: 1 },
        user: userObject(user),
      };
    }
    const guildId = where.guildId ?? GUILD_ID;
    const channel = where.threadId
      ? this.threadObject(CHANNEL_ID, where.threadId, 'thread')
      : { id: CHANNEL_ID, type: 0, guild_id: guildId, name: 'general' };
    return {
      ...base,
      context: 0,
      guild_id: guildId,
      guild_locale: 'en-US',
      channel_id: channel.id,
      channel,
      member: {
        user: userObject(user),
        roles: where.roles ?? [],
        permissions: where.permissions ?? MEMBER_PERMISSIONS,
        joined_at: new Date().toISOString(),
        deaf: false,
        mute: false,
        flags: 0,
      },
    };
  }

  /**
   * Dispatches a slash command (or, with `autocomplete`, an autocomplete request) and returns its
   * interaction id and token, to find the bot's answer in `sent`.
   */
  command(
    user: FakeUser,
    name: string,
    options: Array<{ name: string; type: number; value?: unknown; focused?: boolean; options?: unknown[] }>,
    where: InteractionPlace & { autocomplete?: boolean; resolved?: object } = {},
  ): { id: string; token: string } {
    const base = this.interactionBase(user, where);
    const resolved = where.resolved ? { resolved: where.resolved } : {};
    this.dispatch('INTERACTION_CREATE', {
      ...base,
      type: where.autocomplete ? 4 : 2,
      data: { id: '600000000000000006', name, type: 1, options, ...resolved },
    });
    return { id: base.id, token: base.token };
  }

  /** Dispatches a click on a button of `message` (a message object the bot sent). */
  click(
    user: FakeUser,
    customId: string,
    message: object,
    where: InteractionPlace = {},
  ): { id: string; token: string } {
    return this.component(user, message, { component_type: 2, custom_id: customId }, where);
  }

  /** Dispatches a choice in a select menu `customId` of `message` (a message object the bot sent). */
  select(
    user: FakeUser,
    customId: string,
    values: string[],
    message: object,
    where: InteractionPlace = {},
  ): { id: string; token: string } {
    return this.component(user, message, { component_type: 3, custom_id: customId, values }, where);
  }

  /** Dispatches a component interaction (type 3) on `message` with `data`. */
  private component(
    user: FakeUser,
    message: object,
    data: object,
    where: InteractionPlace,
  ): { id: string; token: string } {
    const base = this.interactionBase(user, where);
    this.dispatch('INTERACTION_CREATE', { ...base, type: 3, message, data });
    return { id: base.id, token: base.token };
  }

  /** Posts `content` in a thread of the server's channel, mentioning the bot when `mention`. */
  threadMessage(user: FakeUser, threadId: string, content: string, mention = false): void {
    this.dispatch('MESSAGE_CREATE', {
      ...messageObject(threadId, userObject(user), { content }, { mentions: mention ? [BOT_USER] : [] }),
      guild_id: GUILD_ID,
      member: { roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 },
    });
  }

  /** Sends a DM from `user` to the bot. */
  directMessage(user: FakeUser, content: string): void {
    this.dispatch('MESSAGE_CREATE', {
      ...messageObject(DM_CHANNEL_ID, userObject(user), { content }),
      channel_type: 1,
    });
  }

  /** Posts `content` in the server's channel, mentioning the bot when `mention`. */
  channelMessage(user: FakeUser, content: string, mention: boolean): void {
    this.dispatch('MESSAGE_CREATE', {
      ...messageObject(CHANNEL_ID, userObject(user), { content }, { mentions: mention ? [BOT_USER] : [] }),
      guild_id: GUILD_ID,
      member: { roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 },
    });
  }
}

/** The bot's user object, as the fake knows it (for messages the bot "sent"). */
export const BOT_USER_OBJECT = BOT_USER;
