// The client's address for rate limits and logs. Behind a reverse proxy the socket's peer is the
// proxy, so the address comes from X-Forwarded-For — but only hops appended by proxies we were told
// to trust count: anyone can send the header, and believing it blindly lets one client rotate
// through fake addresses and escape every per-address limit.
import { getConnInfo } from '@hono/node-server/conninfo';
import type { AppContext } from './context.js';

/** The socket's peer, or 'local' for in-process requests that have no socket (tests). */
function peerAddress(c: AppContext): string {
  try {
    return getConnInfo(c).remote.address ?? 'local';
  } catch {
    return 'local';
  }
}

/** IPv4-mapped IPv6 ("::ffff:10.0.0.1") and plain IPv4 name the same host. */
function normalise(address: string): string {
  const a = address.trim().toLowerCase();
  return a.startsWith('::ffff:') && a.includes('.') ? a.slice('::ffff:'.length) : a;
}

/**
 * Walks X-Forwarded-For from the right (the hop nearest to us) while the sender is a trusted proxy;
 * the first untrusted address is the client. With no trusted proxies the header is ignored.
 */
export function resolveClientAddress(peer: string, forwardedFor: string | undefined, trustedProxies: readonly string[]): string {
  const trusted = new Set(trustedProxies.map(normalise));
  let current = normalise(peer);
  if (!forwardedFor || !trusted.has(current)) return current;
  const hops = forwardedFor.split(',').map(normalise).filter(Boolean);
  while (trusted.has(current) && hops.length > 0) current = hops.pop()!;
  return current;
}

export function clientAddress(c: AppContext, trustedProxies: readonly string[]): string {
  return resolveClientAddress(peerAddress(c), c.req.header('x-forwarded-for'), trustedProxies);
}
