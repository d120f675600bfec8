/**
 * Fetching a page or an attachment for a moderator, safely: http(s) only, never the host's own
 * network (private, loopback, link-local… addresses) unless the host is allow-listed, checked at
 * the address each connection (every redirect hop) is made to, a time limit and a size limit.
 */
import ipaddr from 'ipaddr.js';
import { type Agent, fetch, type Response } from 'undici';
import {
  AddressRefused,
  checkLiteral,
  HostNotFound,
  publicAddresses,
  publicOnlyAgent,
} from './public-address.ts';

/** Limits and exceptions for fetching. */
export interface FetchPolicy {
  /** Host names (or IP literals) that may be fetched even on private addresses (tests, intranets). */
  allowHosts: string[];
  timeoutMs: number;
  maxBytes: number;
}

export const DEFAULT_FETCH_POLICY: FetchPolicy = { allowHosts: [], timeoutMs: 10_000, maxBytes: 2_000_000 };
const MAX_REDIRECTS = 5;

/** A fetch was refused or failed; the message is for the moderator. */
export class FetchRefused extends Error {
  override name = 'FetchRefused';
}

/** What was fetched. */
export interface FetchedDocument {
  url: string;
  contentType: string;
  body: string;
}

/**
 * Throws FetchRefused unless `url` is http(s) and its host (unless allow-listed) is a public
 * address or a name whose addresses all are now. The connection checks the name again.
 */
export async function checkUrl(url: string, policy: FetchPolicy): Promise<URL> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new FetchRefused('That is not a URL; give the full address, starting with https://.');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new FetchRefused('Only http:// and https:// addresses can be fetched.');
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  if (policy.allowHosts.includes(host)) return parsed;
  try {
    if (ipaddr.isValid(host)) checkLiteral(host);
    else await publicAddresses(host);
  } catch (error) {
    throw asRefusal(error) ?? error;
  }
  return parsed;
}

/** The refusal an address check (or a connection failing on one) stands for, or null. */
function asRefusal(error: unknown): FetchRefused | null {
  for (let e = error; e instanceof Error; e = e.cause) {
    if (e instanceof FetchRefused) return e;
    if (e instanceof AddressRefused || e instanceof HostNotFound) return new FetchRefused(e.message);
  }
  return null;
}

/**
 * Fetches `url` under `policy`, following at most five redirects, each checked like the first.
 * Reads at most `maxBytes`; slower than `timeoutMs` in all is refused.
 */
export async function fetchDocument(
  url: string,
  policy: FetchPolicy = DEFAULT_FETCH_POLICY,
): Promise<FetchedDocument> {
  const fetched = await fetchChecked(url, policy, {});
  if (fetched.notModified) throw new FetchRefused('The page answered 304 Not Modified.');
  return fetched.document;
}

/** What a previous fetch of the same address answered, to ask only for a newer version. */
export interface Validators {
  etag?: string | null | undefined;
  lastModified?: string | null | undefined;
}

/** Where the address asked for moved for good: the last hop of the permanent redirects (301, 308) it began with. */
export interface PermanentMove {
  url: string;
  status: number;
}

/**
 * A conditional fetch's answer: unchanged since `validators`, or the document and its new
 * validators; either way, where the address moved for good, or null.
 */
export type ConditionalFetch =
  | { notModified: true; movedTo: PermanentMove | null }
  | { notModified: false; document: FetchedDocument; validators: Validators; movedTo: PermanentMove | null };

/**
 * As `fetchDocument`, sending `validators` as If-None-Match / If-Modified-Since: a 304 answer
 * reads no body and says `notModified`; otherwise the document with the answer's ETag and
 * Last-Modified for the next time.
 */
export async function fetchIfChanged(
  url: string,
  validators: Validators,
  policy: FetchPolicy = DEFAULT_FETCH_POLICY,
): Promise<ConditionalFetch> {
  const headers: Record<string, string> = {};
  if (validators.etag) headers['if-none-match'] = validators.etag;
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
  return fetchChecked(url, policy, headers);
}

async function fetchChecked(
  url: string,
  policy: FetchPolicy,
  extraHeaders: Record<string, string>,
): Promise<ConditionalFetch> {
  const signal = AbortSignal.timeout(policy.timeoutMs);
  const agent: Agent = publicOnlyAgent(policy.allowHosts, policy.timeoutMs);
  let current = url;
  // Only redirects that are all permanent from the start move the address for good.
  let movedTo: PermanentMove | null = null;
  let permanent = true;
  try {
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const checked = await checkUrl(current, policy);
      const response = await fetch(checked, {
        redirect: 'manual',
        signal,
        dispatcher: agent,
        headers: { 'user-agent': 'coverage-bot', ...extraHeaders },
      });
      if (response.status === 304) {
        await response.body?.cancel();
        return { notModified: true, movedTo };
      }
      if (response.status >= 300 && response.status < 400 && response.headers.get('location')) {
        current = new URL(response.headers.get('location') as string, checked).href;
        permanent &&= response.status === 301 || response.status === 308;
        if (permanent) movedTo = { url: current, status: response.status };
        await response.body?.cancel();
        continue;
      }
      if (!response.ok)
        throw new FetchRefused(`The page answered ${response.status} ${response.statusText}.`);
      const declared = Number(response.headers.get('content-length') ?? 0);
      if (declared > policy.maxBytes)
        throw new FetchRefused(
          `It is too large (${Math.round(declared / 1000)} kB; the limit is ${Math.round(policy.maxBytes / 1000)} kB).`,
        );
      const body = await readLimited(response, policy.maxBytes);
      return {
        notModified: false,
        document: { url: current, contentType: response.headers.get('content-type') ?? '', body },
        validators: {
          etag: response.headers.get('etag'),
          lastModified: response.headers.get('last-modified'),
        },
        movedTo,
      };
    }
    throw new FetchRefused('Too many redirects.');
  } catch (error) {
    const refusal = asRefusal(error);
    if (refusal !== null) throw refusal;
    if ((error as Error).name === 'TimeoutError' || signal.aborted)
      throw new FetchRefused(`It took longer than ${policy.timeoutMs / 1000} s to fetch.`);
    throw new FetchRefused(`It could not be fetched (${(error as Error).message}).`);
  } finally {
    agent.destroy().catch(() => undefined);
  }
}

async function readLimited(response: Response, maxBytes: number): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > maxBytes) {
      await reader.cancel();
      throw new FetchRefused(`It is too large (more than ${Math.round(maxBytes / 1000)} kB).`);
    }
    chunks.push(value);
  }
  const bytes = Buffer.concat(chunks);
  if (bytes.includes(0)) throw new FetchRefused('It is not text.');
  return bytes.toString('utf8');
}
