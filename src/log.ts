/**
 * The bot's logger: one event per line, as JSON a machine reads (pino) or, on a terminal, as
 * text a person reads (pino-pretty); a secret never reaches a line, whatever field holds it.
 */
import { hostname } from 'node:os';
import { pino, stdSerializers, stdTimeFunctions } from 'pino';
import pinoPretty from 'pino-pretty';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** `json`: one JSON object a line; `pretty`: coloured text for a terminal. */
export type LogFormat = 'json' | 'pretty';

/** Context attached to a log line: command, guild, user… and, for errors, the error itself. */
export type LogContext = { [key: string]: unknown; error?: unknown };

export interface Logger {
  debug(message: string, context?: LogContext): void;
  info(message: string, context?: LogContext): void;
  warn(message: string, context?: LogContext): void;
  error(message: string, context?: LogContext): void;
}

/** How a logger writes, besides its level and secrets. */
export interface LoggerOptions {
  /** Default `json`. */
  format?: LogFormat;
  /** Fields on every line, such as `{ shard: 0 }`. */
  fields?: Record<string, unknown>;
}

/** What replaces a secret in a line. */
export const REDACTED = '[redacted]';

/** The format LOG_FORMAT asks for: `auto` is text on a terminal, JSON otherwise. */
export function resolveLogFormat(setting: 'auto' | LogFormat, isTerminal: boolean): LogFormat {
  return setting === 'auto' ? (isTerminal ? 'pretty' : 'json') : setting;
}

/**
 * A logger writing one line per event to `write` (stderr by default) at `level` and above. JSON
 * lines hold `time`, `level`, `msg`, the `fields` and the context; an error goes under `err` with
 * its type, message, stack and causes. Every occurrence of the `secrets` (the bot token, the
 * database password) is replaced with "[redacted]" in the finished line, so no field, stack or
 * cause can carry one out.
 */
export function createLogger(
  level: LogLevel,
  secrets: string[] = [],
  write: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
  options: LoggerOptions = {},
): Logger {
  const redact = redactor(secrets);
  const pretty =
    options.format === 'pretty'
      ? pinoPretty.prettyFactory({ translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' })
      : null;
  const destination = {
    write(line: string) {
      const safe = redact(line);
      write((pretty ? pretty(safe) : safe).trimEnd());
    },
  };
  const log = pino(
    {
      level,
      base: { pid: process.pid, hostname: hostname(), ...options.fields },
      timestamp: stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: stdSerializers.errWithCause },
    },
    destination,
  );
  const at =
    (method: LogLevel) =>
    (message: string, context?: LogContext): void => {
      const { error, ...rest } = context ?? {};
      log[method](error === undefined ? rest : { ...rest, err: error }, message);
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** Replaces each secret, as written and as JSON escapes it, with REDACTED. */
function redactor(secrets: string[]): (text: string) => string {
  const forms = [
    ...new Set(secrets.filter((s) => s.length > 0).flatMap((s) => [s, JSON.stringify(s).slice(1, -1)])),
  ]
    // Longest first, so that a secret holding another is replaced whole.
    .sort((a, b) => b.length - a.length);
  return (text) => forms.reduce((t, s) => t.split(s).join(REDACTED), text);
}
