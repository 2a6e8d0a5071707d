import { BlockList, isIP } from 'node:net';
import { z } from 'zod';

/** Loopback and the private ranges a cluster or compose network uses. */
export const PRIVATE_NETWORKS = '127.0.0.0/8,::1/128,10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,fc00::/7';

interface Subnet {
  address: string;
  prefix: number;
  family: 'ipv4' | 'ipv6';
}

function parseSubnet(text: string): Subnet | undefined {
  const [address = '', prefixText, extra] = text.split('/');
  const version = isIP(address);
  if (version === 0 || extra !== undefined) return undefined;
  const max = version === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? max : Number(prefixText);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > max || (prefixText !== undefined && !/^\d+$/.test(prefixText))) return undefined;
  return { address, prefix, family: version === 4 ? 'ipv4' : 'ipv6' };
}

/** A comma-separated list of addresses or CIDR ranges, every item checked at start-up. */
export const cidrList = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((value, ctx) => {
      const items = value.split(',').map((item) => item.trim()).filter(Boolean);
      const subnets: Subnet[] = [];
      for (const item of items) {
        const subnet = parseSubnet(item);
        if (subnet) subnets.push(subnet);
        else ctx.addIssue({ code: 'custom', message: `"${item}" is not an IP address or CIDR range` });
      }
      return subnets;
    });

/** Whether a caller's address falls in one of the ranges; IPv4 callers seen as ::ffff:a.b.c.d count as IPv4. */
export function ipAllowList(subnets: readonly Subnet[]): (ip: string | undefined) => boolean {
  const list = new BlockList();
  for (const s of subnets) list.addSubnet(s.address, s.prefix, s.family);
  return (ip) => {
    if (!ip) return false;
    const plain = ip.startsWith('::ffff:') && isIP(ip.slice(7)) === 4 ? ip.slice(7) : ip;
    const version = isIP(plain);
    return version !== 0 && list.check(plain, version === 4 ? 'ipv4' : 'ipv6');
  };
}
