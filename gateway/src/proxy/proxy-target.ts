import type { Url } from 'node:url';

/**
 * The upstream's address in the shape http-proxy reads (that of the legacy `url.parse`), built
 * once. Given a string, http-proxy calls `url.parse` on it for every request, and in Node 24
 * each such call from a library also walks the stack to decide whether to print a deprecation
 * warning: a few per cent of the gateway's CPU per proxied request, for an address that never
 * changes.
 */
export function proxyTarget(url: string): Partial<Url> {
  const parsed = new URL(url);
  return {
    protocol: parsed.protocol,
    host: parsed.host,
    // WHATWG keeps IPv6 brackets in hostname; http.request wants the bare address.
    hostname: parsed.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: parsed.port,
    pathname: parsed.pathname,
    path: parsed.pathname + parsed.search,
    ...(parsed.username ? { auth: decodeURIComponent(`${parsed.username}:${parsed.password}`) } : {}),
  };
}
