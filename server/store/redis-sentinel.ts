/**
 * Redis behind Sentinel (REDIS_SENTINELS): an ioredis client for the primary the
 * Sentinels name, kept off a primary that a failover is replacing.
 *
 * Why the guard: Sentinel promotes the replica first and names the new primary
 * (`+switch-master`) only about a second later, and an old primary that still runs takes
 * writes until it is demoted some ten seconds after that — then throws them away.
 * ioredis' own failoverDetector moves at `+switch-master`, so every burn of that second
 * was undone and its secret could be revealed again (measured: about 1 s of
 * acknowledged writes lost to a `SENTINEL FAILOVER` under load). The guard disconnects
 * at `+try-failover` instead, two or three of Sentinel's 50–100 ms ticks before the
 * promotion, so the store answers 503 until the client is back on the primary that
 * `+switch-master` names.
 */
import { isIP } from 'node:net';
import { Redis, type RedisOptions } from 'ioredis';

export interface SentinelTarget {
  sentinels: { host: string; port: number }[];
  /** The name the Sentinels monitor the primary under. */
  name: string;
}

export interface SentinelClient {
  /** The client for the primary; give it to the store and the rate limiter. */
  redis: Redis;
  /** Stops watching the Sentinels; call before quitting the client, so nothing reconnects it. */
  close: () => void;
}

/** Where the guard says what it does: a failover is worth a line in the log. */
export interface SentinelLog {
  info(message: string): void;
  warn(message: string): void;
}

/**
 * How long a failover that neither ends nor is called off may keep the store away from
 * Redis; then the client goes back to whatever primary the Sentinels name. (Sentinel's
 * failovers take a second or two; an election that fails is abandoned after 10 s.)
 */
const FENCE_LIMIT_MS = 30_000;
/**
 * How long to insist on the primary that `+switch-master` named while the Sentinels the
 * client asks still name another (they learn of the switch from each other within ~2 s).
 */
const SWITCH_LIMIT_MS = 10_000;

/** Connects to the primary the Sentinels name, with `options` for that connection. */
export function connectSentinel(target: SentinelTarget, options: RedisOptions, log: SentinelLog): SentinelClient {
  const redis = new Redis({
    ...options,
    sentinels: target.sentinels,
    name: target.name,
    // The guard below does its job, earlier.
    failoverDetector: false,
    sentinelCommandTimeout: options.commandTimeout,
    // A primary demoted under an open connection refuses writes: find the new one. The
    // command itself fails (503) rather than being sent again.
    reconnectOnError: (error) => error.message.startsWith('READONLY'),
  });
  return { redis, close: watchFailovers(redis, target, options, log) };
}

/**
 * Keeps `redis` off a primary that a failover of `target.name` is replacing, as above,
 * watching every Sentinel (`options` for those connections). Returns what stops it.
 */
export function watchFailovers(
  redis: Redis,
  target: SentinelTarget,
  options: RedisOptions,
  log: SentinelLog,
): () => void {
  const guard = new FailoverGuard(redis, target, options, log);
  return () => guard.close();
}

class FailoverGuard {
  readonly #redis: Redis;
  readonly #name: string;
  readonly #log: SentinelLog;
  readonly #watchers: Redis[];
  /** Sentinels that announced a failover of our primary which has not ended or been called off. */
  readonly #trying = new Set<string>();
  /** The primary the last `+switch-master` named, until the client is connected to it. */
  #expected: { host: string; port: number; since: number } | undefined;
  #fencedAt: number | undefined;
  #limit: NodeJS.Timeout | undefined;
  #closed = false;

  constructor(redis: Redis, target: SentinelTarget, options: RedisOptions, log: SentinelLog) {
    this.#redis = redis;
    this.#name = target.name;
    this.#log = log;
    this.#watchers = target.sentinels.map(({ host, port }) => {
      const watcher = new Redis({
        host,
        port,
        connectTimeout: options.connectTimeout,
        retryStrategy: options.retryStrategy,
        // Subscribe whenever the Sentinel comes, however late: only a subscription that
        // succeeded once is renewed after a reconnection.
        maxRetriesPerRequest: null,
      });
      // The client reports unreachable Sentinels itself, when it needs them.
      watcher.on('error', () => {});
      const from = `${host}:${port}`;
      watcher.on('message', (channel: string, message: string) => this.#onEvent(from, channel, message));
      watcher.on('pmessage', (_pattern: string, channel: string, message: string) =>
        this.#onEvent(from, channel, message),
      );
      watcher.subscribe('+try-failover', '+switch-master').catch(() => {});
      watcher.psubscribe('-failover-abort-*').catch(() => {});
      return watcher;
    });
    redis.on('ready', () => this.#onReady());
    // A disconnect takes effect a moment later: come back from there.
    redis.on('end', () => this.#reconnect());
  }

  close(): void {
    this.#closed = true;
    clearTimeout(this.#limit);
    for (const watcher of this.#watchers) watcher.disconnect();
  }

  #onEvent(from: string, channel: string, message: string): void {
    if (this.#closed) return;
    const words = message.split(' ');
    if (channel === '+switch-master') {
      // <name> <old ip> <old port> <new ip> <new port>
      if (words[0] !== this.#name || words.length < 5) return;
      const [host, port] = [words[3]!, Number(words[4])];
      this.#trying.clear();
      // Every Sentinel announces the switch: the first one counts.
      const known = this.#expected?.host === host && this.#expected.port === port;
      if (!known) this.#expected = { host, port, since: Date.now() };
      // Already there (it reconnected by itself after the old primary died): nothing to do.
      if (this.#redis.status === 'ready' && this.#connectedTo({ host, port })) return this.#onReady();
      if (!known || this.#fencedAt === undefined) this.#fence(`the Sentinels named ${host}:${port} the new primary`);
      this.#reconnect();
      return;
    }
    // master <name> <ip> <port>
    if (words[0] !== 'master' || words[1] !== this.#name) return;
    if (channel === '+try-failover') {
      this.#trying.add(from);
      this.#fence(`Sentinel ${from} started a failover`);
    } else if (channel.startsWith('-failover-abort-') && this.#trying.delete(from) && this.#trying.size === 0) {
      this.#log.warn(`Redis failover of ${this.#name} called off (${channel}): back to the primary.`);
      this.#reconnect();
    }
  }

  /** Disconnects, so every store call answers 503 at once, and no reconnection happens by itself. */
  #fence(reason: string): void {
    if (this.#fencedAt === undefined) {
      this.#fencedAt = Date.now();
      this.#log.warn(`Redis failover of ${this.#name}: ${reason}; answering 503 until the new primary is up.`);
      this.#limit = setTimeout(() => {
        this.#log.warn(`Redis failover of ${this.#name} took over ${FENCE_LIMIT_MS} ms: reconnecting anyway.`);
        this.#trying.clear();
        this.#expected = undefined;
        this.#reconnect();
      }, FENCE_LIMIT_MS);
    }
    if (this.#redis.status !== 'end') this.#redis.disconnect();
  }

  /** Connects again once the fence is lifted and the client is fully disconnected. */
  #reconnect(): void {
    if (this.#closed || this.#fencedAt === undefined || this.#trying.size > 0) return;
    // 'reconnecting': the fence stopped a reconnection between two attempts, which leaves
    // the client there rather than at 'end'.
    if (this.#redis.status !== 'end' && this.#redis.status !== 'reconnecting') return;
    // Failures are retried by the client's retryStrategy and reported as 'error' events.
    this.#redis.connect().catch(() => {});
  }

  /**
   * Runs in the same turn as the client becomes ready, before any request can use the new
   * connection: a Sentinel that has not yet heard of the switch may have named the old
   * primary, which would take writes and lose them.
   */
  #onReady(): void {
    const expected = this.#expected;
    if (expected && !this.#connectedTo(expected)) {
      if (Date.now() - expected.since < SWITCH_LIMIT_MS) {
        this.#redis.disconnect(true);
        return;
      }
      this.#log.warn(`Redis failover of ${this.#name}: the Sentinels still name another primary; using it.`);
    }
    this.#expected = undefined;
    if (this.#fencedAt === undefined) return;
    clearTimeout(this.#limit);
    this.#log.info(`Redis failover of ${this.#name}: serving again, ${Date.now() - this.#fencedAt} ms after it began.`);
    this.#fencedAt = undefined;
  }

  #connectedTo({ host, port }: { host: string; port: number }): boolean {
    const socket = this.#redis.stream;
    // A Sentinel that announces host names cannot be compared with the socket's address.
    return socket.remotePort === port && (isIP(host) === 0 || socket.remoteAddress === host);
  }
}
