import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot } from '../../src/discord/bot.ts';
import { LiveEngine } from '../../src/live/live-engine.ts';
import { createLogger } from '../../src/log.ts';
import { TOKEN } from './fake-discord.ts';

const ROOT = path.join(import.meta.dirname, '..', '..');

// A "Discord" that accepts connections and never answers.
let silent: Server;
let apiUrl: string;

beforeAll(async () => {
  silent = createServer(() => undefined);
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/api`;
});

afterAll(async () => {
  silent.closeAllConnections();
  await new Promise((resolve) => silent.close(resolve));
});

describe('starting the bot', () => {
  it('gives up with a clear error when Discord does not answer the login in time', async () => {
    const live = await LiveEngine.open(path.join(ROOT, 'corpus'));
    const lines: string[] = [];
    const failure = startBot({
      token: TOKEN,
      apiUrl,
      live,
      logger: createLogger('debug', [TOKEN], (line) => lines.push(line)),
      moderatorRoleIds: [],
      rateLimit: { questions: 5, windowSeconds: 60 },
      readyTimeoutMs: 500,
    });
    // The message names the 500 ms wait: the bot gave up on its own timer, not on a test timeout.
    await expect(failure).rejects.toThrow('Discord did not accept the login within 1 s');
    expect(lines.join('\n')).not.toContain(TOKEN);
  });
});
