import { BlockList, isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/** The reverse proxies (CONSOLE_TRUSTED_PROXIES: IPs or CIDR ranges) whose X-Forwarded-For is believed. */
export function trustedProxyList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [ip, prefix] = entry.split('/') as [string, string | undefined];
    const type = isIP(ip) === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(ip, type);
    else list.addSubnet(ip, Number(prefix), type);
  }
  return list;
}

/** "::ffff:10.0.0.1" (IPv4 on a dual-stack socket) as "10.0.0.1". */
function plain(address: string): string {
  return /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1] ?? address;
}

function trusted(list: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

/**
 * The client's address, for login throttling. The direct peer's, unless the peer is a trusted
 * proxy: then X-Forwarded-For is read from the right, and the first hop that is not a trusted
 * proxy is the client (whatever stands left of it the client may have written itself). Outside a
 * Node server (app.request() in tests) there is no peer: "local".
 */
export function clientAddress(c: Context, proxies: BlockList): string {
  let peer: string | undefined;
  try {
    peer = getConnInfo(c).remote.address;
  } catch {
    return 'local';
  }
  if (!peer) return 'unknown';
  peer = plain(peer);
  if (!trusted(proxies, peer)) return peer;
  const hops = (c.req.header('x-forwarded-for') ?? '').split(',').map((h) => plain(h.trim())).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    if (!trusted(proxies, hop)) return isIP(hop) ? hop : hop.slice(0, 64);
  }
  return peer;
}

/** Headers a proxy adds to name the client behind it. */
const FORWARDING_HEADERS = ['x-forwarded-for', 'forwarded', 'x-real-ip'];

function isLoopback(address: string): boolean {
  return address === '::1' || /^127\.\d+\.\d+\.\d+$/.test(address);
}

/**
 * Whether a request comes straight from this machine (for /metrics and /readyz without
 * METRICS_TOKEN): its direct peer has a loopback address, is not one of the trusted proxies
 * (CONSOLE_TRUSTED_PROXIES: then loopback is a proxy forwarding others) and names no client behind
 * it (a forwarding header means a proxy, listed or not). Whatever comes through a proxy needs the
 * token; so does a proxy on this machine that names nobody, which cannot be told from a local
 * client. Without a peer to read (not served by @hono/node-server) it is not local: closed by default.
 */
export function isLocalRequest(c: Context, proxies: BlockList): boolean {
  let peer: string | undefined;
  try {
    peer = getConnInfo(c).remote.address;
  } catch {
    return false;
  }
  if (!peer) return false;
  peer = plain(peer);
  return isLoopback(peer) && !trusted(proxies, peer) && FORWARDING_HEADERS.every((h) => c.req.header(h) === undefined);
}
