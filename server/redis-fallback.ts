/**
 * The per-client limits are counted in Redis so every instance shares them, but they
 * must not fail open when Redis cannot count (out of memory, frozen, down, refusing the
 * keys): the callers count in this process too, always, and this decides whose count
 * answers. It logs one line when an episode starts and one when it ends. While Redis
 * fails, one call a second tries it again and the rest take the local count at once, so
 * a frozen Redis does not cost every request a command timeout.
 */
import type { FastifyBaseLogger } from 'fastify';

const RETRY_MS = 1000;

export class RedisFallback {
  #failing = false;
  #retryAt = 0;

  constructor(
    private readonly log: FastifyBaseLogger,
    /** What is counted, as the log names it: "rate limits", "byte budgets". */
    private readonly what: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** Redis's answer when it gives one, else `local` (what this process counted). */
  async count<T>(remote: () => Promise<T>, local: T): Promise<T> {
    if (this.#failing) {
      if (this.now() < this.#retryAt) return local;
      // One call tries Redis; those arriving meanwhile do not wait for it.
      this.#retryAt = this.now() + RETRY_MS;
    }
    try {
      const answer = await remote();
      if (this.#failing) {
        this.#failing = false;
        this.log.info(`${this.what} are counted in Redis again`);
      }
      return answer;
    } catch (error) {
      if (!this.#failing) {
        this.#failing = true;
        this.log.warn(
          { reason: error instanceof Error ? error.message : String(error) },
          `Redis cannot count: ${this.what} are counted in this process until it can (per instance, not shared)`,
        );
      }
      this.#retryAt = this.now() + RETRY_MS;
      return local;
    }
  }
}
