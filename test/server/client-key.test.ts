/** Who a request counts against: one rule for every limit and budget (server/plugins/client-key.ts). */
import { describe, expect, it } from 'vitest';
import { clientKey } from '../../server/plugins/client-key.js';

describe('clientKey', () => {
  it('takes an IPv4 address as it is, also when IPv4-mapped', () => {
    expect(clientKey('203.0.113.5', 64)).toBe('203.0.113.5');
    expect(clientKey('::ffff:203.0.113.5', 64)).toBe('203.0.113.5');
    expect(clientKey('::FFFF:cb00:7105', 64)).toBe('203.0.113.5');
  });

  it('cuts an IPv6 address to its network of the configured prefix', () => {
    expect(clientKey('2001:db8:1:2:3:4:5:6', 64)).toBe('2001:db8:1:2:0:0:0:0/64');
    expect(clientKey('2001:DB8:1:2::abcd', 64)).toBe('2001:db8:1:2:0:0:0:0/64');
    expect(clientKey('2001:db8:1:2::1%eth0', 64)).toBe('2001:db8:1:2:0:0:0:0/64');
    expect(clientKey('2001:db8:1:2ff::1', 56)).toBe('2001:db8:1:200:0:0:0:0/56');
    expect(clientKey('2001:db8:1:2ff::1', 52)).toBe('2001:db8:1:0:0:0:0:0/52');
    expect(clientKey('2001:db8::1', 128)).toBe('2001:db8:0:0:0:0:0:1/128');
    expect(clientKey('::1', 64)).toBe('0:0:0:0:0:0:0:0/64');
    expect(clientKey('::', 128)).toBe('0:0:0:0:0:0:0:0/128');
    expect(clientKey('64:ff9b::192.0.2.1', 128)).toBe('64:ff9b:0:0:0:0:c000:201/128');
  });

  it('puts every address of one /64 together and the next /64 apart', () => {
    const keys = new Set(
      ['2001:db8:a:b::1', '2001:db8:a:b:ffff:ffff:ffff:ffff', '2001:db8:a:b:1::'].map((a) => clientKey(a, 64)),
    );
    expect(keys.size).toBe(1);
    expect(clientKey('2001:db8:a:c::1', 64)).not.toBe([...keys][0]);
  });

  it('leaves anything that is not an IP address alone', () => {
    expect(clientKey('unix-socket', 64)).toBe('unix-socket');
  });
});
