// Requests to addresses that people type in (RSS feeds, alert webhooks) go only to the public internet.
// An address inside the server's own network (loopback, private ranges, link-local such as the cloud
// metadata service at 169.254.169.254, carrier NAT, unique-local IPv6…) is refused when the connection
// is made, after DNS — so a name that resolves inside, or a redirect to one, is refused as well, and a
// name re-resolved between a check and the request cannot slip through. NHIPCAU_OUTBOUND_PRIVATE=1
// lifts the rule for installations that read an intranet feed or post to a receiver on their LAN.
import dns, { type LookupAddress } from 'node:dns';
import net from 'node:net';
import ipaddr from 'ipaddr.js';
import { Agent, buildConnector, fetch as undiciFetch } from 'undici';

export class PrivateAddressError extends Error {
  readonly code = 'ERR_PRIVATE_ADDRESS';
  constructor(readonly address: string) {
    super(`${address} is inside a private network; set NHIPCAU_OUTBOUND_PRIVATE=1 to allow such addresses`);
  }
}

/** True for a globally routable unicast address only. IPv4 inside IPv6 (::ffff:10.0.0.1) is judged as IPv4. */
export function isPublicAddress(ip: string): boolean {
  if (!ipaddr.isValid(ip)) return false;
  let addr = ipaddr.parse(ip);
  if (addr instanceof ipaddr.IPv6 && addr.isIPv4MappedAddress()) addr = addr.toIPv4Address();
  return addr.range() === 'unicast';
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** dns.lookup that fails when any address the name resolves to is not public. */
function publicLookup(hostname: string, options: dns.LookupOptions, callback: LookupCallback): void {
  dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, []);
    const inside = addresses.find((a) => !isPublicAddress(a.address));
    if (inside) return callback(new PrivateAddressError(`${hostname} (${inside.address})`), []);
    // Without an error, dns.lookup gives at least one address.
    return options.all ? callback(null, addresses) : callback(null, addresses[0].address, addresses[0].family);
  });
}

function publicOnlyAgent(): Agent {
  // Node's socket skips `lookup` for literal addresses, so those are checked before connecting.
  const connectTo = buildConnector({ lookup: publicLookup } as buildConnector.BuildOptions);
  return new Agent({
    connect: (options, callback) => {
      const host = options.hostname.replace(/^\[|\]$/g, '');
      if (net.isIP(host) && !isPublicAddress(host)) return callback(new PrivateAddressError(host), null);
      return connectTo(options, callback);
    },
  });
}

let publicOnly: Agent | undefined;

/** The fetch to use for an address a person typed in. */
export function outboundFetch(allowPrivate: boolean): typeof fetch {
  if (allowPrivate) return globalThis.fetch;
  publicOnly ??= publicOnlyAgent();
  const dispatcher = publicOnly;
  return ((input: Parameters<typeof fetch>[0], init?: RequestInit) => undiciFetch(input as never, { ...(init as object), dispatcher })) as unknown as typeof fetch;
}

/**
 * The address to connect to for a host a person typed in (an SMTP server): resolved once and checked
 * like outboundFetch's, so the connection goes to the very address that was checked.
 */
export async function publicAddress(host: string, allowPrivate: boolean): Promise<string> {
  const bare = host.replace(/^\[|\]$/g, '');
  if (net.isIP(bare)) {
    if (!allowPrivate && !isPublicAddress(bare)) throw new PrivateAddressError(bare);
    return bare;
  }
  const addresses = await dns.promises.lookup(bare, { all: true });
  const inside = addresses.find((a) => !isPublicAddress(a.address));
  if (inside && !allowPrivate) throw new PrivateAddressError(`${bare} (${inside.address})`);
  return addresses[0].address;
}
