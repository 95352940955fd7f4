/** The bounded per-client maps behind the rate limits and byte budgets when Redis cannot count. */
import { expect, it } from 'vitest';
import { setLatest } from '../../server/local-counts.js';

const spent = (entry: { spent: boolean }) => entry.spent;

it('keeps the order of last touches and drops up to two spent entries from the front', () => {
  const map = new Map<string, { spent: boolean }>();
  for (const key of ['a', 'b', 'c', 'd']) setLatest(map, key, { spent: key < 'c' }, spent);
  // a and b, spent, went when c was set; c, still counting, stops the clean-up.
  expect([...map.keys()]).toEqual(['c', 'd']);
  setLatest(map, 'c', { spent: false }, spent);
  expect([...map.keys()]).toEqual(['d', 'c']);
});

it('holds at most 100,000 clients, dropping the least recently touched', () => {
  const map = new Map<string, { spent: boolean }>();
  for (let i = 0; i <= 100_000; i++) setLatest(map, `client-${i}`, { spent: false }, spent);
  expect(map.size).toBe(100_000);
  expect(map.has('client-0')).toBe(false);
  expect(map.has('client-100000')).toBe(true);
});
