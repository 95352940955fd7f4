/**
 * The Redis layout of a secret and the Lua scripts that change it. Each script touches
 * only the keys of one secret (secret, receipt, alert), which share a hash tag, so it runs on one cluster slot
 * and is atomic. Times come from Redis's own clock (TIME), so createdAt, expiresAt, viewedAt,
 * burnedAt and the key TTLs agree even when app servers' clocks drift.
 *
 * Secret key (`PREFIX{ID}:s`), one binary string so the ciphertext is stored once, raw:
 *
 *   offset  size  field
 *   0       1     layout version (1)
 *   1       1     flags; bit 0: has a passphrase (an unlock hash follows)
 *   2       2     views left, unsigned big-endian
 *   4       1     failed passphrase attempts
 *   5       32    SHA-256 of the access proof
 *   37      32    SHA-256 of the unlock proof, only when flag bit 0 is set
 *   37|69   …     ciphertext
 *
 * Receipt key (`PREFIX{ID}:r`), also one binary string: a hash with six fields costs Redis
 * about 200 B, this 120 B, and receipts outnumber live secrets (they are kept for
 * RECEIPT_RETENTION_SECONDS after the secret's expiry). A separate key still, so it can
 * outlive the secret. Layout 3 keeps a receipt within 44 bytes until its third event (a
 * view, a burn or a lock), so Redis stores it in one allocation with its object header
 * (docs/BENCHMARKS.md, "Redis memory per secret"); every change rewrites it whole
 * (`SET … KEEPTTL`), as a SETRANGE or an APPEND would move it out of that allocation.
 *
 *   offset  size  field
 *   0       1     layout version (3)
 *   1       1     state: 0 pending, 1 viewed, 2 burned, 3 locked ('expired' is derived:
 *                 pending with the secret key gone)
 *   2       2     views left, unsigned big-endian
 *   4       1     failed passphrase attempts
 *   5       6     expiresAt, epoch ms, unsigned 48-bit big-endian
 *   11      16    the first 16 bytes of the SHA-256 of the manage token: 128 bits, as hard to
 *                 match as the whole for a token of 256 random bits
 *   27      4     the TTL asked for, seconds, unsigned big-endian: createdAt is expiresAt
 *                 minus it, to the millisecond, in 4 bytes rather than 6
 *   31      6 × n viewedAt, one epoch ms (48-bit big-endian) per reveal, oldest first
 *   then    6     burnedAt (epoch ms), only in state burned or locked; a viewed receipt's
 *                 burnedAt is its last view time, an expired one's its expiresAt
 *
 * Earlier layouts are still read and updated, so an upgrade keeps every receipt: layout 2
 * is layout 3 with the whole 32-byte manage hash (the TTL at offset 43, views from 47);
 * layout 1, written before createdAt and burnedAt were kept, is layout 2 without the TTL
 * field and without burnedAt (it reads with createdAt null, and the scripts append a
 * burnedAt only to layouts 2 and 3).
 *
 * Alert key (`PREFIX{ID}:a`), only when the sender asked to be told of views: the
 * recipient's language, a newline and the email address, with the secret's TTL; deleted
 * with the secret (last view, burn, lock), so an address lives no longer than its secret.
 *
 * SETRANGE and SET … KEEPTTL keep a key's TTL, so receipt updates never touch the expiry.
 *
 * Lua strings are 1-based: header byte at offset n is string.byte(header, n + 1).
 *
 * Under maxmemory with noeviction, Redis refuses a script only at its first write that may
 * grow memory, and lets every later write through so nothing is half-done. So writes that
 * free memory (DEL) come first where they can: a last view or a burn still works in a
 * full Redis, and a wrong passphrase that cannot be counted there locks the secret.
 */
import { createHash } from 'node:crypto';
import type { Cluster, Redis } from 'ioredis';
import type { AlertRecipient, NewSecret } from './secret-store.js';

export const LAYOUT_VERSION = 1;
export const FLAG_PASSPHRASE = 0b1;
/** Header length without, and with, an unlock hash. */
export const HEADER_BYTES = 37;
export const HEADER_WITH_UNLOCK_BYTES = 69;

export const RECEIPT_LAYOUT_VERSION = 3;
/** Where the manage hash starts, in every layout. */
export const RECEIPT_MANAGE_OFFSET = 11;

export interface ReceiptLayout {
  /** Bytes of the manage token's SHA-256 kept. */
  manageBytes: number;
  /** Where the TTL in seconds starts; null in layout 1, which has none. */
  ttlOffset: number | null;
  /** The receipt's length before any viewedAt entry. */
  headerBytes: number;
}

/** Every receipt layout still read, by version. */
export const RECEIPT_LAYOUTS: Readonly<Record<number, ReceiptLayout>> = {
  1: { manageBytes: 32, ttlOffset: null, headerBytes: 43 },
  2: { manageBytes: 32, ttlOffset: 43, headerBytes: 47 },
  3: { manageBytes: 16, ttlOffset: 27, headerBytes: 31 },
};
const CURRENT_RECEIPT = RECEIPT_LAYOUTS[RECEIPT_LAYOUT_VERSION]!;
/** The size of one viewedAt entry, of burnedAt and of expiresAt. */
export const RECEIPT_TIME_BYTES = 6;
/** Receipt states by their byte; 'expired' is never stored. */
export const RECEIPT_STATES = ['pending', 'viewed', 'burned', 'locked'] as const;
const VIEWED = RECEIPT_STATES.indexOf('viewed');
const BURNED = RECEIPT_STATES.indexOf('burned');
const LOCKED = RECEIPT_STATES.indexOf('locked');

/** The secret key's value: header followed by the raw ciphertext. */
export function encodeSecretValue(secret: NewSecret): Buffer {
  const { unlockHash } = secret;
  const header = Buffer.alloc(unlockHash ? HEADER_WITH_UNLOCK_BYTES : HEADER_BYTES);
  header.writeUInt8(LAYOUT_VERSION, 0);
  header.writeUInt8(unlockHash ? FLAG_PASSPHRASE : 0, 1);
  header.writeUInt16BE(secret.views, 2);
  header.writeUInt8(0, 4);
  header.set(secret.accessHash, 5);
  if (unlockHash) header.set(unlockHash, HEADER_BYTES);
  return Buffer.concat([header, secret.ciphertext]);
}

/** The receipt key's initial value; CREATE writes expiresAt (offset 5) from Redis's clock. */
export function encodeReceiptValue(secret: NewSecret): Buffer {
  const receipt = Buffer.alloc(CURRENT_RECEIPT.headerBytes);
  receipt.writeUInt8(RECEIPT_LAYOUT_VERSION, 0);
  receipt.writeUInt16BE(secret.views, 2);
  receipt.set(secret.manageHash.subarray(0, CURRENT_RECEIPT.manageBytes), RECEIPT_MANAGE_OFFSET);
  // Throws beyond 136 years, which no configuration allows (MAX_EXPIRES_IN ≤ 365 days).
  receipt.writeUInt32BE(secret.ttlSeconds, CURRENT_RECEIPT.ttlOffset!);
  return receipt;
}

/** An alert key's value: language, newline, address (neither can hold a newline). */
export function encodeAlert(alert: AlertRecipient): string {
  return `${alert.language}\n${alert.email}`;
}

export function decodeAlert(value: Buffer): AlertRecipient {
  const text = value.toString('utf8');
  const newline = text.indexOf('\n');
  return { language: text.slice(0, newline), email: text.slice(newline + 1) };
}

export interface LuaScript {
  readonly source: string;
  readonly sha: string;
}

/** A script with its SHA, for EVALSHA. */
export function lua(source: string): LuaScript {
  return { source, sha: createHash('sha1').update(source).digest('hex') };
}

/** Lua shared by the scripts: Redis time in epoch ms, as an integer string. */
export const NOW_MS = `
local function now_ms()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
-- Lua 5.1 has only doubles and no bit operations; epoch ms stay far below 2^53, so the
-- divisions and remainders are exact.
local function ms_bytes(ms)
  local bytes = {}
  for i = ${RECEIPT_TIME_BYTES}, 1, -1 do
    bytes[i] = ms % 256
    ms = math.floor(ms / 256)
  end
  return string.char(unpack(bytes))
end
`;

/**
 * Lua shared by REVEAL and BURN (after NOW_MS): marks a receipt ended in a state with no
 * views left, keeping its failed count unless one is given, and appends burnedAt to a
 * receipt of layout 2 or 3. Rewritten whole, as REVEAL does with view times, never APPENDed to.
 */
const END_RECEIPT = `
local function end_receipt(key, state, failed)
  local old = redis.call('GET', key)
  local ended = ''
  if string.byte(old, 1) >= 2 then ended = ms_bytes(now_ms()) end
  failed = failed or string.byte(old, 5)
  redis.call('SET', key, string.sub(old, 1, 1) .. string.char(state, 0, 0, failed) .. string.sub(old, 6) .. ended,
    'KEEPTTL')
end
`;

/** Reads the header and checks the access hash; nil when reveal would say not_found. */
const READ_HEADER = `
local function read_header(key, access)
  local header = redis.call('GETRANGE', key, 0, ${HEADER_WITH_UNLOCK_BYTES - 1})
  if #header < ${HEADER_BYTES} or string.sub(header, 6, 37) ~= access then return nil end
  if string.byte(header, 1) ~= ${LAYOUT_VERSION} then
    error('burnlink: unknown secret layout ' .. string.byte(header, 1))
  end
  return header
end
local function views_of(header) return string.byte(header, 3) * 256 + string.byte(header, 4) end
local function failed_of(header) return string.byte(header, 5) end
local function has_unlock(header) return string.byte(header, 2) % 2 == 1 end
local function u16_bytes(n) return string.char(math.floor(n / 256), n % 256) end
`;

/**
 * KEYS: secret, receipt, alert. ARGV: value, ttl s, receipt ttl s, receipt value, alert value or ''.
 * Returns expiresAt (ms); errors if either key exists.
 */
export const CREATE = lua(`${NOW_MS}
if redis.call('EXISTS', KEYS[1], KEYS[2]) > 0 then
  return redis.error_reply('ERR burnlink: secret id already exists')
end
local expires_at = now_ms() + tonumber(ARGV[2]) * 1000
-- expiresAt comes from Redis's clock, so it is spliced in here rather than by the caller.
local receipt = string.sub(ARGV[4], 1, 5) .. ms_bytes(expires_at) .. string.sub(ARGV[4], 12)
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
redis.call('SET', KEYS[2], receipt, 'EX', ARGV[3])
if ARGV[5] ~= '' then redis.call('SET', KEYS[3], ARGV[5], 'EX', ARGV[2]) end
return expires_at
`);

/**
 * KEYS: secret. ARGV: access hash.
 * Returns nil, or {viewsLeft, failed, hasUnlock (0/1), expiresAt ms}. Reads only the header.
 */
export const STATUS = lua(`${NOW_MS}${READ_HEADER}
local header = read_header(KEYS[1], ARGV[1])
if not header then return nil end
local flag = 0
if has_unlock(header) then flag = 1 end
return {views_of(header), failed_of(header), flag, now_ms() + redis.call('PTTL', KEYS[1])}
`);

/**
 * KEYS: secret, receipt, alert. ARGV: access hash, unlock hash or '', max attempts.
 * Returns {'not_found'} | {'unlock_required'} | {'unlock_unexpected'}
 *   | {'wrong_passphrase', attemptsLeft} | {'revealed', viewsLeft, ciphertext, alert value or false}.
 */
export const REVEAL = lua(`${NOW_MS}${END_RECEIPT}${READ_HEADER}
local secret, receipt = KEYS[1], KEYS[2]
local header = read_header(secret, ARGV[1])
if not header then return {'not_found'} end
local unlock = ARGV[2]
if has_unlock(header) and unlock == '' then return {'unlock_required'} end
if not has_unlock(header) and unlock ~= '' then return {'unlock_unexpected'} end
-- The receipt outlives the secret, so it exists here; the check keeps a write from ever
-- creating a receipt key without a TTL (SETRANGE creates a missing key). TYPE
-- rather than EXISTS also skips a hash receipt left by an earlier layout, which would
-- fail the script with WRONGTYPE after the secret was already changed.
local has_receipt = redis.call('TYPE', receipt).ok == 'string'

if has_unlock(header) and string.sub(header, 38, 69) ~= unlock then
  local failed = failed_of(header) + 1
  local left = math.max(0, tonumber(ARGV[3]) - failed)
  -- A full Redis refuses the write that counts the attempt. Failing the script there
  -- would leave guesses uncounted while a right passphrase still reveals a last view
  -- (DEL first): an unlimited oracle. So an attempt that cannot be counted locks instead.
  if left > 0 then
    local counted = redis.pcall('SETRANGE', secret, 4, string.char(failed))
    if type(counted) == 'table' and counted.err then
      -- Found anywhere in the text: Redis 6 put the script's line and a dash before it.
      if not string.find(counted.err, 'OOM command not allowed', 1, true) then
        return redis.error_reply(counted.err)
      end
      left = 0
    end
  end
  if left == 0 then
    redis.call('DEL', secret, KEYS[3])
    if has_receipt then end_receipt(receipt, ${LOCKED}, failed) end
  elseif has_receipt then
    local old = redis.call('GET', receipt)
    redis.call('SET', receipt, string.sub(old, 1, 4) .. string.char(failed) .. string.sub(old, 6), 'KEEPTTL')
  end
  return {'wrong_passphrase', left}
end

local views = views_of(header) - 1
local body_start = ${HEADER_BYTES}
if has_unlock(header) then body_start = ${HEADER_WITH_UNLOCK_BYTES} end
local ciphertext = redis.call('GETRANGE', secret, body_start, -1)
local alert = redis.call('GET', KEYS[3])
if views == 0 then
  redis.call('DEL', secret, KEYS[3])
else
  redis.call('SETRANGE', secret, 2, u16_bytes(views))
end
if has_receipt then
  -- Rewritten whole rather than APPENDed to: APPEND leaves the string with room to grow
  -- (a viewed receipt would cost 184 B instead of 136) and Redis never gives it back.
  local old = redis.call('GET', receipt)
  local state = string.sub(old, 2, 2)
  if views == 0 then state = string.char(${VIEWED}) end
  redis.call('SET', receipt, string.sub(old, 1, 1) .. state .. u16_bytes(views) .. string.sub(old, 5) .. ms_bytes(now_ms()),
    'KEEPTTL')
end
return {'revealed', views, ciphertext, alert}
`);

/**
 * KEYS: secret, receipt, alert. ARGV: manage hash.
 * Returns 1 while the receipt lives and the hash matches (burning a live secret), else 0.
 */
export const BURN = lua(`${NOW_MS}${END_RECEIPT}
-- Also a hash receipt of an earlier layout, which GETRANGE would fail with WRONGTYPE.
if redis.call('TYPE', KEYS[2]).ok ~= 'string' then return 0 end
-- Layout 3 keeps the first bytes of the manage hash, layouts 1 and 2 all of it (RECEIPT_LAYOUTS).
local kept = ${RECEIPT_LAYOUTS[2]!.manageBytes}
if string.byte(redis.call('GETRANGE', KEYS[2], 0, 0)) >= ${RECEIPT_LAYOUT_VERSION} then kept = ${CURRENT_RECEIPT.manageBytes} end
if redis.call('GETRANGE', KEYS[2], ${RECEIPT_MANAGE_OFFSET}, ${RECEIPT_MANAGE_OFFSET - 1} + kept) ~= string.sub(ARGV[1], 1, kept) then
  return 0
end
redis.call('DEL', KEYS[3])
if redis.call('DEL', KEYS[1]) == 1 then end_receipt(KEYS[2], ${BURNED}) end
return 1
`);

/**
 * KEYS: secret, receipt. Returns {receipt bytes or nil, 1 while the secret exists}. A script
 * rather than MULTI makes the two reads atomic in a full Redis too, which refuses to queue
 * any command into a transaction. A hash receipt of an earlier layout reads as none.
 */
export const READ_RECEIPT = lua(`
if redis.call('TYPE', KEYS[2]).ok ~= 'string' then return {false, 0} end
return {redis.call('GET', KEYS[2]), redis.call('EXISTS', KEYS[1])}
`);

/** Runs a script by its SHA, loading it on a NOSCRIPT miss; string replies come back as Buffers. */
export async function runScript(
  redis: Redis | Cluster,
  script: LuaScript,
  keys: string[],
  args: (string | Buffer | number)[],
): Promise<unknown> {
  const params = [keys.length, ...keys, ...args];
  coalesceWrites(redis);
  try {
    return await redis.callBuffer('evalsha', [script.sha, ...params]);
  } catch (error) {
    // A restarted Redis or a cluster node that never saw the script: send the source once.
    if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
    return await redis.callBuffer('eval', [script.source, ...params]);
  }
}

/** Connections whose writes are held until the end of this event-loop turn. */
const corked = new WeakSet<object>();

/**
 * Holds the connection's writes until the end of the event-loop turn, so the commands of
 * every request handled in one turn leave in one write. That write was 38 % of a create's
 * CPU, most of it the kernel's loopback path, which costs per write rather than per byte
 * (docs/BENCHMARKS.md, "Throughput"). ioredis's enableAutoPipelining batches too, but sends
 * a batch only once the one before it is answered, which measured slower here. A command's
 * commandTimeout still runs from when ioredis takes it, so a frozen Redis fails it as fast.
 * Not on a cluster, where ioredis picks each command's connection itself.
 */
function coalesceWrites(redis: Redis | Cluster): void {
  // A Redis, not a Cluster: read from the client rather than by instanceof, so that the
  // limiters, which run scripts, do not load ioredis where there is no Redis.
  if (redis.isCluster !== false) return;
  const { stream } = redis as Redis;
  if (!stream || corked.has(stream)) return;
  corked.add(stream);
  stream.cork();
  setImmediate(() => {
    corked.delete(stream);
    stream.uncork();
  });
}
