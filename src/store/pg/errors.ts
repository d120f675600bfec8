/** Telling "the database cannot be reached" apart from every other database error. */
import { StoreUnavailableError } from '../types.ts';

/** Node socket errors and PostgreSQL SQLSTATEs that mean the connection, not the query, failed. */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  '08000', // connection_exception
  '08001', // sqlclient_unable_to_establish_sqlconnection
  '08003', // connection_does_not_exist
  '08006', // connection_failure
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up or shutting down)
]);

const CONNECTION_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection refused|not queryable|the database system is (starting up|shutting down)/i;

/** True when `error` says the database could not be reached or dropped the connection. */
export function isConnectionError(error: unknown): boolean {
  if (error instanceof StoreUnavailableError) return true;
  const e = error as { code?: unknown; message?: unknown; errors?: unknown } | null;
  if (e === null || typeof e !== 'object') return false;
  if (typeof e.code === 'string' && CONNECTION_CODES.has(e.code)) return true;
  if (typeof e.message === 'string' && CONNECTION_MESSAGES.test(e.message)) return true;
  // Node's AggregateError (IPv4 and IPv6 both refused).
  return Array.isArray(e.errors) && e.errors.some(isConnectionError);
}

/** Rethrows a connection failure as StoreUnavailableError, anything else as it is. */
export function unavailableOr(error: unknown): never {
  if (error instanceof StoreUnavailableError) throw error;
  throw isConnectionError(error) ? new StoreUnavailableError(error) : error;
}

/** The database address with its password replaced, for logs and messages. */
export function redactDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = 'redacted';
    return parsed.toString();
  } catch {
    return 'postgres://[unparseable address]';
  }
}
