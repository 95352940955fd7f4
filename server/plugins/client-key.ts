/**
 * Who a request counts against: every per-client limit and budget (rate limits, byte
 * budget, uploads in flight) keys on `request.clientKey`, so they all agree on who a
 * client is. An IPv4 address is one client; an IPv6 client is its network of
 * `RATE_LIMIT_IPV6_PREFIX` bits (a /64 by default, what one subscriber usually gets, so one
 * subscriber cannot pose as 2^64 clients); an IPv4-mapped IPv6 address (`::ffff:a.b.c.d`,
 * how a dual-stack socket reports IPv4 peers) is the IPv4 address.
 */
import { isIPv4, isIPv6 } from 'node:net';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The client this request counts against: `request.ip`, IPv6 cut to its network. */
    readonly clientKey: string;
  }
}

/** The client an address belongs to: IPv4 as it is, IPv6 as `network/prefix` (8 groups, lowercase hex). */
export function clientKey(address: string, ipv6Prefix: number): string {
  if (isIPv4(address)) return address;
  const groups = ipv6Groups(address);
  if (!groups) return address;
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    const [high, low] = [groups[6]!, groups[7]!];
    return `${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`;
  }
  const masked = groups.map((group, i) => {
    const bits = Math.min(16, Math.max(0, ipv6Prefix - i * 16));
    return group & ((0xffff << (16 - bits)) & 0xffff);
  });
  return `${masked.map((group) => group.toString(16)).join(':')}/${ipv6Prefix}`;
}

/** The eight 16-bit groups of an IPv6 address (zone index dropped), or undefined for anything else. */
function ipv6Groups(address: string): number[] | undefined {
  const bare = address.split('%')[0]!;
  if (!isIPv6(bare)) return undefined;
  let text = bare;
  // A trailing dotted quad (::ffff:192.0.2.1) is two groups.
  const quad = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (quad) {
    const [a, b, c, d] = quad.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, quad.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((group) => parseInt(group, 16)));
  const front = parse(head);
  if (tail === undefined) return front;
  const back = parse(tail);
  return [...front, ...new Array<number>(8 - front.length - back.length).fill(0), ...back];
}

async function clientKeyPlugin(app: FastifyInstance, { config }: { config: Config }) {
  const prefix = config.rateLimitIpv6Prefix;
  app.decorateRequest('clientKey', {
    getter(this: { ip: string }) {
      return clientKey(this.ip, prefix);
    },
  });
}

export default fp(clientKeyPlugin, { name: 'client-key', fastify: '5.x' });
