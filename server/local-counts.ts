/**
 * The per-client counts each process keeps beside Redis's (rate limits, byte budgets),
 * bounded so that many client addresses cannot grow them without end.
 */

/** Clients a process keeps counts for; beyond it the least recently touched go. */
const MAX_LOCAL_CLIENTS = 100_000;

/**
 * Sets `key` last in `map`, so that the map's order is the order of last touches: first
 * up to two spent entries go from the front (a little clean-up with every touch), and at
 * the bound the oldest, spent or not.
 */
export function setLatest<V>(map: Map<string, V>, key: string, value: V, spent: (entry: V) => boolean): void {
  map.delete(key);
  for (let i = 0; i < 2; i++) {
    const oldest = map.entries().next().value;
    if (!oldest || !spent(oldest[1])) break;
    map.delete(oldest[0]);
  }
  if (map.size >= MAX_LOCAL_CLIENTS) map.delete(map.keys().next().value!);
  map.set(key, value);
}
