import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { type FetchPolicy, FetchRefused, fetchDocument } from '../../src/curation/fetch-page.ts';

/**
 * The host's resolver, replaced: each lookup of a name takes the next answer of `answers` (the
 * last one repeats), as a rebinding DNS server would give them.
 */
const dns = vi.hoisted(() => ({ answers: [] as string[][], calls: 0 }));
vi.mock('node:dns/promises', async (original) => {
  const real = await original<typeof import('node:dns/promises')>();
  const lookup = async (_host: string) => {
    const answer = dns.answers[Math.min(dns.calls++, dns.answers.length - 1)] ?? [];
    return answer.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return { ...real, lookup, default: { ...real, lookup } };
});

const PUBLIC = '93.184.216.34';
let server: Server;
let port: number;
/** Requests the loopback server received: any is a page fetched from the host's own network. */
let served: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    served.push(req.url ?? '');
    if (req.url === '/hop') {
      res.writeHead(302, { location: `http://localhost:${port}/secret` }).end();
    } else {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<p>secret from loopback</p>');
    }
  });
  server.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => server?.close());

beforeEach(() => {
  served = [];
  dns.calls = 0;
});

const policy: FetchPolicy = { allowHosts: [], timeoutMs: 1500, maxBytes: 100_000 };

async function refusal(url: string, using = policy): Promise<FetchRefused> {
  const error = await fetchDocument(url, using).then(
    () => new Error('fetched'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FetchRefused);
  return error as FetchRefused;
}

describe('fetching refuses the host’s own network at the address it connects to', () => {
  it('a name answering a public address first and 127.0.0.1 next gets no byte from loopback', async () => {
    dns.answers = [[PUBLIC], ['127.0.0.1']];
    // `localhost` also resolves to loopback through the system, as the rebinding name would.
    const error = await refusal(`http://localhost:${port}/secret`);
    expect(served).toEqual([]);
    expect(error.message).toContain('does not fetch from private or local networks');
    expect(error.message).not.toContain('127.0.0.1');
  });

  it('a redirect to such a name is checked at its connection too', async () => {
    dns.answers = [[PUBLIC], ['127.0.0.1']];
    const error = await refusal(`http://127.0.0.1:${port}/hop`, { ...policy, allowHosts: ['127.0.0.1'] });
    expect(served).toEqual(['/hop']);
    expect(error.message).toContain('does not fetch from private or local networks');
  });

  it('a name with a public and a loopback address is refused, without naming the address', async () => {
    dns.answers = [[PUBLIC, '127.0.0.1']];
    const error = await refusal(`http://news.localhost:${port}/secret`);
    expect(served).toEqual([]);
    expect(error.message).toBe(
      'news.localhost resolves to an address on a private or local network; the bot does not fetch from private or local networks.',
    );
  });

  it.each([
    ['IPv4-compatible IPv6 of loopback', `http://[::127.0.0.1]:PORT/secret`, 'does not fetch from private'],
    ['IPv4-mapped IPv6 of loopback', `http://[::ffff:127.0.0.1]:PORT/secret`, 'does not fetch from private'],
    ['IPv4-compatible IPv6 of a public address', 'http://[::8.8.8.8]/', 'IPv4-compatible'],
  ])('refuses %s', async (_what, url, message) => {
    const error = await refusal(url.replace('PORT', String(port)));
    expect(served).toEqual([]);
    expect(error.message).toContain(message);
  });

  it('still fetches an allow-listed loopback host', async () => {
    const page = await fetchDocument(`http://127.0.0.1:${port}/page`, {
      ...policy,
      allowHosts: ['127.0.0.1'],
    });
    expect(page.body).toBe('<p>secret from loopback</p>');
  });
});
