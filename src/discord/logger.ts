/** A small levelled logger that writes one line per event and never prints a secret. */

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Context attached to a log line: command, guild, user… and, for errors, the error itself. */
export type LogContext = { [key: string]: unknown; error?: unknown };

export interface Logger {
  debug(message: string, context?: LogContext): void;
  info(message: string, context?: LogContext): void;
  warn(message: string, context?: LogContext): void;
  error(message: string, context?: LogContext): void;
}

/**
 * A logger writing to `write` (stderr by default) at `level` and above. Every occurrence of the
 * `secrets` (the bot token) is replaced with "[redacted]", in messages, context and stacks.
 */
export function createLogger(
  level: LogLevel,
  secrets: string[] = [],
  write: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
): Logger {
  const redact = (text: string) =>
    secrets.filter((s) => s.length > 0).reduce((t, s) => t.split(s).join('[redacted]'), text);
  const log = (at: LogLevel, message: string, context: LogContext | undefined) => {
    if (ORDER[at] < ORDER[level]) return;
    const { error, ...rest } = context ?? {};
    const fields = Object.entries(rest)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
      .join(' ');
    const detail =
      error instanceof Error
        ? `\n${error.stack ?? error.message}`
        : error === undefined
          ? ''
          : ` error=${String(error)}`;
    write(
      redact(
        `${new Date().toISOString()} ${at.toUpperCase()} ${message}${fields ? ` ${fields}` : ''}${detail}`,
      ),
    );
  };
  return {
    debug: (m, c) => log('debug', m, c),
    info: (m, c) => log('info', m, c),
    warn: (m, c) => log('warn', m, c),
    error: (m, c) => log('error', m, c),
  };
}
