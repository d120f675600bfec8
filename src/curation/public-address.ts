/**
 * Which addresses the bot may connect to when it fetches for a moderator, checked where the
 * connection is made: an undici Agent whose DNS lookup refuses a name with any address on the
 * host's own network and hands the socket only the addresses it checked, so a name that answers
 * differently the next time (DNS rebinding) cannot slip past the check.
 */
import type { LookupAddress } from 'node:dns';
import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import { Agent } from 'undici';

/** An address or a name the bot will not fetch from; the message is for the moderator. */
export class AddressRefused extends Error {
  override name = 'AddressRefused';
}

/** The host could not be resolved; the message is for the moderator. */
export class HostNotFound extends Error {
  override name = 'HostNotFound';
}

const IPV4_COMPATIBLE = ipaddr.parse('::');

/** Why `address` (an IP literal) may not be fetched from, or null when it is a public unicast address. */
export function nonPublicRange(address: string): string | null {
  const parsed = ipaddr.parse(address);
  // ::a.b.c.d (deprecated; ipaddr reads it as the IPv4 address, the kernel does not).
  if (parsed.kind() === 'ipv6' && parsed.match(IPV4_COMPATIBLE, 96)) return 'IPv4-compatible IPv6';
  const range = ipaddr.process(address).range();
  return range === 'unicast' ? null : range;
}

/** Throws AddressRefused unless the IP literal `host` is a public unicast address. */
export function checkLiteral(host: string): void {
  const range = nonPublicRange(host);
  if (range !== null)
    throw new AddressRefused(
      `${host} is a ${range} address; the bot does not fetch from private or local networks.`,
    );
}

/**
 * The addresses of `host`, every one of them public; AddressRefused when any is not (without
 * naming it: the moderator learns nothing of the host's network), HostNotFound when none.
 */
export async function publicAddresses(host: string): Promise<LookupAddress[]> {
  let addresses: LookupAddress[];
  try {
    addresses = await lookup(host, { all: true });
  } catch {
    throw new HostNotFound(`The host ${host} could not be found.`);
  }
  if (addresses.length === 0) throw new HostNotFound(`The host ${host} could not be found.`);
  if (addresses.some((a) => !ipaddr.isValid(a.address) || nonPublicRange(a.address) !== null))
    throw new AddressRefused(
      `${host} resolves to an address on a private or local network; the bot does not fetch from private or local networks.`,
    );
  return addresses;
}

type LookupCallback = (error: Error | null, address: string | LookupAddress[], family?: number) => void;

/**
 * An Agent whose connections go only to checked public addresses; names in `allowHosts` are
 * resolved by the system unchecked. IP literals never reach the lookup: check them with
 * checkLiteral before fetching.
 */
export function publicOnlyAgent(allowHosts: readonly string[], timeoutMs: number): Agent {
  const guardedLookup = (hostname: string, options: { all?: boolean }, callback: LookupCallback) => {
    const resolved = allowHosts.includes(hostname)
      ? lookup(hostname, { all: true })
      : publicAddresses(hostname);
    resolved.then(
      (addresses) => {
        const first = addresses[0] as LookupAddress;
        if (options.all) callback(null, addresses);
        else callback(null, first.address, first.family);
      },
      (error: Error) => callback(error, ''),
    );
  };
  return new Agent({ connect: { lookup: guardedLookup, timeout: timeoutMs } });
}
