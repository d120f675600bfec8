/**
 * The operator's HTTP listener: `GET /healthz` runs the health checks (200 when all pass, 503
 * naming each that failed) and `GET /metrics` serves the Prometheus text. Nothing else is served.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BotMetrics } from './metrics.ts';

/** One thing that must hold for the process to be healthy. */
export interface HealthCheck {
  name: string;
  /** Null when it holds, else what is wrong, in a sentence an operator can act on. */
  check(): Promise<string | null>;
}

/** The body of `/healthz`: every check by name, and the problems of those that failed. */
export interface HealthReport {
  status: 'ok' | 'unhealthy';
  checks: Record<string, 'ok' | 'failing'>;
  problems: string[];
}

/** How long one check may take before it counts as failing (a hung database must not hang the probe). */
export const CHECK_TIMEOUT_MS = 2_000;

/** Runs every check at once; one that throws or takes over `timeoutMs` fails. */
export async function checkHealth(
  checks: HealthCheck[],
  timeoutMs = CHECK_TIMEOUT_MS,
): Promise<HealthReport> {
  const results = await Promise.all(
    checks.map(async ({ name, check }) => {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<string>((resolve) => {
        timer = setTimeout(() => resolve(`no answer within ${timeoutMs / 1000} s`), timeoutMs);
      });
      try {
        const problem = await Promise.race([
          check().catch((error: unknown) => (error instanceof Error ? error.message : String(error))),
          late,
        ]);
        return { name, problem };
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  return {
    status: results.every((r) => r.problem === null) ? 'ok' : 'unhealthy',
    checks: Object.fromEntries(results.map((r) => [r.name, r.problem === null ? 'ok' : 'failing'])),
    problems: results.flatMap((r) => (r.problem === null ? [] : [`${r.name}: ${r.problem}`])),
  };
}

/** The listener could not start: the port is taken, or the address is not this machine's. */
export class HealthServerError extends Error {
  override name = 'HealthServerError';
}

/** A listening health server. */
export interface HealthServer {
  /** The address it serves, e.g. http://127.0.0.1:9464. */
  url: string;
  close(): Promise<void>;
}

/**
 * Listens on `host`:`port` (port 0: any free one). Throws HealthServerError, saying which setting
 * to change, when it cannot.
 */
export async function startHealthServer(options: {
  host: string;
  port: number;
  checks: HealthCheck[];
  metrics: BotMetrics;
}): Promise<HealthServer> {
  const server = createServer((req, res) => void serve(req, res, options));
  try {
    // listen throws at once on a port out of range, and emits an error for one in use.
    server.listen(options.port, options.host);
    await once(server, 'listening');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'EADDRINUSE'
        ? 'the port is in use: set HEALTH_PORT to a free one (a shard listens on HEALTH_PORT plus its id)'
        : code === 'EADDRNOTAVAIL'
          ? 'the address is not one of this machine\u2019s: check HEALTH_HOST'
          : `${code ?? (error as Error).message}: check HEALTH_HOST and HEALTH_PORT`;
    throw new HealthServerError(
      `Could not listen for health checks on ${options.host}:${options.port}: ${why}.`,
      { cause: error },
    );
  }
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function serve(
  req: IncomingMessage,
  res: ServerResponse,
  options: { checks: HealthCheck[]; metrics: BotMetrics },
): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  const send = (status: number, type: string, body: string) => {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
  };
  try {
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return send(405, 'text/plain; charset=utf-8', 'Only GET is served here.\n');
    if (path === '/healthz') {
      const report = await checkHealth(options.checks);
      return send(report.status === 'ok' ? 200 : 503, 'application/json', `${JSON.stringify(report)}\n`);
    }
    if (path === '/metrics') return send(200, options.metrics.contentType, await options.metrics.text());
    send(404, 'text/plain; charset=utf-8', 'Not found: try /healthz or /metrics.\n');
  } catch {
    send(500, 'text/plain; charset=utf-8', 'The health server failed to answer; see the bot\u2019s log.\n');
  }
}
