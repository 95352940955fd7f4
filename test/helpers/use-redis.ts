/** A redis-server for one describe block: started before its tests, stopped after them. */
import { afterAll, beforeAll } from 'vitest';
import { startRedis, type TestRedis } from './redis-server.js';

/** Registers the hooks and returns the server, usable from inside the block's tests. */
export function useRedis(options: Parameters<typeof startRedis>[0] = {}): TestRedis {
  let running: TestRedis | undefined;
  beforeAll(async () => {
    running = await startRedis(options);
  });
  afterAll(async () => running?.stop());
  return new Proxy({} as TestRedis, {
    get(_target, key) {
      if (!running) throw new Error('redis-server is not started yet: use it inside a test or hook');
      return Reflect.get(running, key);
    },
  });
}
