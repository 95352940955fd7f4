/**
 * The production store. Every operation that changes a secret is one Lua script over
 * the secret's keys (secret, receipt, alert; see redis-scripts.ts for the layout), so concurrent reveals
 * cannot both win and no key ever exists without a TTL. The caller owns the client: its
 * settings (it should set `enableOfflineQueue: false` and a small `maxRetriesPerRequest`
 * so that a Redis outage fails requests fast instead of queueing them) and its closing.
 */
import { ReplyError, type Cluster, type Redis } from 'ioredis';
import {
  StoreUnavailableError,
  type NewSecret,
  type Receipt,
  type ReceiptState,
  type RevealOutcome,
  type RevealRequest,
  type SecretStatus,
  type SecretStore,
  type StoreLimits,
} from './secret-store.js';
import {
  BURN,
  CREATE,
  RECEIPT_LAYOUTS,
  RECEIPT_MANAGE_OFFSET,
  RECEIPT_STATES,
  RECEIPT_TIME_BYTES,
  READ_RECEIPT,
  REVEAL,
  STATUS,
  decodeAlert,
  encodeAlert,
  encodeReceiptValue,
  encodeSecretValue,
  runScript,
  type LuaScript,
  type ReceiptLayout,
} from './redis-scripts.js';
import { hashesEqual } from './hashes.js';
import { buffer, integer, list, optionalBuffer } from './redis-replies.js';
import { assertHash, assertValidLimits, assertValidSecret } from './invariants.js';

export interface RedisStoreOptions {
  redis: Redis | Cluster;
  limits: StoreLimits;
  /** Put before every key; must not contain braces, which would break the hash tag. */
  keyPrefix?: string;
}

/** SecretStore on Redis (single node, Sentinel or Cluster, through ioredis). */
export class RedisStore implements SecretStore {
  readonly #redis: Redis | Cluster;
  readonly #limits: StoreLimits;
  readonly #prefix: string;

  constructor(options: RedisStoreOptions) {
    assertValidLimits(options.limits);
    const prefix = options.keyPrefix ?? 'bl:';
    if (/[{}]/.test(prefix)) throw new RangeError('keyPrefix must not contain { or }');
    this.#redis = options.redis;
    this.#limits = options.limits;
    this.#prefix = prefix;
  }

  async create(secret: NewSecret): Promise<{ expiresAt: number }> {
    assertValidSecret(secret);
    const receiptTtl = secret.ttlSeconds + this.#limits.receiptRetentionSeconds;
    const reply = await this.#run(CREATE, this.#keys(secret.id), [
      encodeSecretValue(secret),
      secret.ttlSeconds,
      receiptTtl,
      encodeReceiptValue(secret),
      secret.alert ? encodeAlert(secret.alert) : '',
    ]);
    return { expiresAt: integer(reply) };
  }

  async status(id: string, accessHash: Uint8Array): Promise<SecretStatus | null> {
    assertHash('accessHash', accessHash);
    const reply = await this.#run(STATUS, [this.#secretKey(id)], [Buffer.from(accessHash)]);
    if (reply === null) return null;
    const [viewsLeft, failed, hasUnlock, expiresAt] = list(reply).map(integer);
    return {
      expiresAt: expiresAt!,
      viewsLeft: viewsLeft!,
      passphrase: hasUnlock === 1,
      attemptsLeft: Math.max(0, this.#limits.maxAttempts - failed!),
    };
  }

  async reveal(request: RevealRequest): Promise<RevealOutcome> {
    assertHash('accessHash', request.accessHash);
    if (request.unlockHash) assertHash('unlockHash', request.unlockHash);
    const reply = list(
      await this.#run(REVEAL, this.#keys(request.id), [
        Buffer.from(request.accessHash),
        request.unlockHash ? Buffer.from(request.unlockHash) : '',
        this.#limits.maxAttempts,
      ]),
    );
    const kind = String(reply[0]);
    switch (kind) {
      case 'not_found':
      case 'unlock_required':
      case 'unlock_unexpected':
        return { kind };
      case 'wrong_passphrase':
        return { kind, attemptsLeft: integer(reply[1]) };
      case 'revealed': {
        const alert = optionalBuffer(reply[3]);
        return {
          kind,
          viewsLeft: integer(reply[1]),
          ciphertext: buffer(reply[2]),
          ...(alert && { alert: decodeAlert(alert) }),
        };
      }
      default:
        throw new Error(`unexpected reveal reply: ${kind}`);
    }
  }

  async burn(id: string, manageHash: Uint8Array): Promise<boolean> {
    assertHash('manageHash', manageHash);
    return integer(await this.#run(BURN, this.#keys(id), [Buffer.from(manageHash)])) === 1;
  }

  async receipt(id: string, manageHash: Uint8Array): Promise<Receipt | null> {
    assertHash('manageHash', manageHash);
    const [secretKey, receiptKey] = this.#keys(id);
    const [bytes, exists] = list(await this.#run(READ_RECEIPT, [secretKey, receiptKey], []));
    if (!Buffer.isBuffer(bytes) || bytes.length === 0) return null;
    const layout = RECEIPT_LAYOUTS[bytes.readUInt8(0)];
    if (!layout || bytes.length < layout.headerBytes) throw new Error(`unknown receipt layout ${bytes.readUInt8(0)}`);
    const kept = layout.manageBytes;
    const stored = bytes.subarray(RECEIPT_MANAGE_OFFSET, RECEIPT_MANAGE_OFFSET + kept);
    if (!hashesEqual(stored, manageHash.subarray(0, kept))) return null;
    return readReceipt(bytes, layout, exists === 1);
  }

  async ping(): Promise<void> {
    await this.#call(() => this.#redis.ping());
  }

  async close(): Promise<void> {
    // The client is its creator's to close (plugins/redis.ts in the app).
  }

  #secretKey(id: string): string {
    return `${this.#prefix}{${id}}:s`;
  }

  #keys(id: string): [secret: string, receipt: string, alert: string] {
    return [this.#secretKey(id), `${this.#prefix}{${id}}:r`, `${this.#prefix}{${id}}:a`];
  }

  #run(script: LuaScript, keys: string[], args: (string | Buffer | number)[]): Promise<unknown> {
    return this.#call(() => runScript(this.#redis, script, keys, args));
  }

  async #call<T>(command: () => Promise<T>): Promise<T> {
    try {
      return await command();
    } catch (error) {
      throw toStoreError(error);
    }
  }
}

/**
 * A warning sentence when Redis may evict keys under memory pressure; null when the policy
 * is noeviction or CONFIG is not allowed (managed Redis often disables it).
 * Rejects with StoreUnavailableError when Redis cannot be reached.
 */
export async function checkEvictionPolicy(redis: Redis | Cluster): Promise<string | null> {
  let reply: unknown;
  try {
    reply = await redis.config('GET', 'maxmemory-policy');
  } catch (error) {
    const mapped = toStoreError(error);
    if (mapped instanceof StoreUnavailableError) throw mapped;
    return null;
  }
  const policy: unknown = Array.isArray(reply) ? reply[1] : undefined;
  if (typeof policy !== 'string' || policy === 'noeviction') return null;
  return (
    `Redis maxmemory-policy is "${policy}", not "noeviction": when memory runs out Redis will ` +
    'silently drop unread secrets and receipts instead of refusing new ones. Set maxmemory-policy noeviction.'
  );
}

/** The oldest Redis the store is tested on and supports. */
export const MIN_REDIS_MAJOR = 7;

/**
 * A warning sentence when Redis is older than the store supports; null when it is new
 * enough or INFO is not allowed. Before 6.0 every reveal would use up its view and then
 * fail (SET … KEEPTTL); 6.x words script errors differently, which the full-Redis
 * handling is not tested against.
 */
export async function checkRedisVersion(redis: Pick<Redis | Cluster, 'info'>): Promise<string | null> {
  let info: string;
  try {
    info = await redis.info('server');
  } catch {
    return null;
  }
  const version = /^redis_version:((\d+)[^\r\n]*)/m.exec(info);
  if (!version || Number(version[2]) >= MIN_REDIS_MAJOR) return null;
  return (
    `Redis ${version[1]} is older than ${MIN_REDIS_MAJOR}.0, the oldest burnlink supports: ` +
    'reveals and the limits of a full Redis may fail on it. Upgrade Redis.'
  );
}

/**
 * Turns Redis failures the API should answer with 503 into StoreUnavailableError. Other
 * reply errors (a script bug, a wrong key type) are returned unchanged so they surface.
 */
export function toStoreError(error: unknown): unknown {
  if (error instanceof StoreUnavailableError) return error;
  if (error instanceof ReplyError) {
    const message = (error as Error).message;
    // Refused outright ("OOM …") or inside a script (Redis 6 wraps it: "ERR Error running script … -OOM …").
    if (/^OOM\b|-OOM command not allowed/.test(message)) {
      return new StoreUnavailableError('Redis is out of memory', 'full', { cause: error });
    }
    // States a healthy cluster passes through (loading, failover, resharding, busy script).
    if (/^(LOADING|MASTERDOWN|READONLY|CLUSTERDOWN|TRYAGAIN|MOVED|ASK|BUSY|NOREPLICAS)\b/.test(message)) {
      return new StoreUnavailableError('Redis cannot serve requests right now', 'unreachable', { cause: error });
    }
    return error;
  }
  // Connection refused or closed, offline queue disabled, retries or timeouts exhausted.
  return new StoreUnavailableError('Redis is unreachable', 'unreachable', { cause: error });
}

/** The receipt key's bytes (any layout in redis-scripts.ts) as the API reports them. */
function readReceipt(value: Buffer, { headerBytes, ttlOffset }: ReceiptLayout, secretExists: boolean): Receipt {
  const stored: ReceiptState | undefined = RECEIPT_STATES[value.readUInt8(1)];
  if (!stored) throw new Error(`unexpected receipt state: ${value.readUInt8(1)}`);
  // A pending secret that is gone was never viewed, burned or locked: its TTL ran out.
  const expired = stored === 'pending' && !secretExists;
  const expiresAt = value.readUIntBE(5, RECEIPT_TIME_BYTES);
  let viewsEnd = value.length;
  let burnedAt: number | null = null;
  // Layout 1 (the one without a TTL) kept no burn time: its burned or locked receipts end with their last view.
  if ((stored === 'burned' || stored === 'locked') && ttlOffset !== null) {
    viewsEnd -= RECEIPT_TIME_BYTES;
    burnedAt = value.readUIntBE(viewsEnd, RECEIPT_TIME_BYTES);
  }
  const viewedAt: number[] = [];
  for (let offset = headerBytes; offset + RECEIPT_TIME_BYTES <= viewsEnd; offset += RECEIPT_TIME_BYTES) {
    viewedAt.push(value.readUIntBE(offset, RECEIPT_TIME_BYTES));
  }
  if (stored === 'viewed') burnedAt = viewedAt.at(-1) ?? null;
  if (expired) burnedAt = expiresAt;
  return {
    state: expired ? 'expired' : stored,
    createdAt: ttlOffset === null ? null : expiresAt - value.readUInt32BE(ttlOffset) * 1000,
    expiresAt,
    burnedAt,
    viewsLeft: expired ? 0 : value.readUInt16BE(2),
    viewedAt,
    failedAttempts: value.readUInt8(4),
  };
}
